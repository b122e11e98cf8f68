package org.collapsefarm.context;

import java.io.Serializable;
import java.util.Arrays;
import org.collapsefarm.ParameterException;

/**
 * A context's true next-token distribution {@code p = p^(0)} on a vocabulary of {@code s} tokens
 * (MATH.md §1), stored on its support only: {@code tokens[i]} (strictly increasing vocabulary ids)
 * carries probability {@code probs[i] > 0}. Immutable.
 */
public final class Context implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Tolerance on Σp = 1 for explicit vectors (issue 2, item 2). */
  public static final double SUM_TOLERANCE = 1e-9;

  private final int vocabulary;
  private final int[] tokens;
  private final double[] probs;
  private final String source;
  /** Σp², max p and H(p), computed once: every run of the context reports them at generation 0. */
  private final double s0;
  private final double maxProb;
  private final double entropy;

  /**
   * @param vocabulary s, the vocabulary size
   * @param tokens the support's token ids, strictly increasing, in [0, s)
   * @param probs their probabilities, each > 0, summing to 1 within {@link #SUM_TOLERANCE}
   * @param source a description of where p came from (family and parameters)
   */
  public Context(int vocabulary, int[] tokens, double[] probs, String source) {
    ParameterException.requireAtLeast("vocabulary", vocabulary, 1);
    if (tokens.length != probs.length || tokens.length == 0) {
      throw new ParameterException("probs", "support must be non-empty with one probability per token");
    }
    double sum = 0;
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i] < 0 || tokens[i] >= vocabulary || (i > 0 && tokens[i] <= tokens[i - 1])) {
        throw new ParameterException("probs", "token ids must be strictly increasing in [0, " + vocabulary + ")");
      }
      if (!(probs[i] > 0) || Double.isInfinite(probs[i])) {
        throw new ParameterException("probs", "support probabilities must be finite and > 0, got " + probs[i]);
      }
      sum += probs[i];
    }
    if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
      throw new ParameterException("probs", "must sum to 1 within " + SUM_TOLERANCE + ", got " + sum);
    }
    this.vocabulary = vocabulary;
    this.tokens = tokens.clone();
    this.probs = probs.clone();
    this.source = source;
    double sq = 0;
    double max = 0;
    double h = 0;
    for (double p : this.probs) {
      sq += p * p;
      max = Math.max(max, p);
      h -= p * Math.log(p);
    }
    this.s0 = sq;
    this.maxProb = max;
    this.entropy = tokens.length == 1 ? 0.0 : h;
  }

  /** s, the vocabulary size. */
  public int vocabulary() {
    return vocabulary;
  }

  /** s~, the support size. */
  public int support() {
    return tokens.length;
  }

  /** The support's token ids (a copy). */
  public int[] tokens() {
    return tokens.clone();
  }

  /** The support's probabilities (a copy). */
  public double[] probs() {
    return probs.clone();
  }

  /** The token id of support index i. */
  public int token(int i) {
    return tokens[i];
  }

  /** The probability of support index i. */
  public double prob(int i) {
    return probs[i];
  }

  /** S_0 = Σ p_i² (MATH.md §1). */
  public double s0() {
    return s0;
  }

  /** ‖p‖_∞ = max_i p_i. */
  public double maxProb() {
    return maxProb;
  }

  /** H(p) in nats (exactly 0 for a Dirac mass). */
  public double entropy() {
    return entropy;
  }

  /** The dense vector p on the whole vocabulary. */
  public double[] dense() {
    double[] d = new double[vocabulary];
    for (int i = 0; i < tokens.length; i++) {
      d[tokens[i]] = probs[i];
    }
    return d;
  }

  /** Family and parameters, e.g. {@code power-law(vocabulary=600,support=52,s0=0.1,seed=0)}. */
  public String source() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Context c
        && c.vocabulary == vocabulary
        && Arrays.equals(c.tokens, tokens)
        && Arrays.equals(c.probs, probs);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * vocabulary + Arrays.hashCode(tokens)) + Arrays.hashCode(probs);
  }

  @Override
  public String toString() {
    return "Context[" + source + ", s=" + vocabulary + ", support=" + tokens.length + "]";
  }
}
