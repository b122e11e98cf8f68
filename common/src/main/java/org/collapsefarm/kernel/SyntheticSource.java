package org.collapsefarm.kernel;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.sampling.BinomialTable;
import org.collapsefarm.sampling.MultinomialSampler;

/**
 * Synthetic samples from a trained model {@code p^(t)}, t ≥ 1, given by its training counts (MATH.md
 * §2 and its knobs). The model is {@code c/tot}, or {@code (c + λ)/(tot + λ s)} with add-λ smoothing;
 * samples are drawn from the sampling distribution {@code q}:
 *
 * <ol>
 *   <li>temperature τ: {@code q_i ∝ p_i^{1/τ}}, computed as {@code (p_i / max p)^{1/τ}} so that small
 *       τ cannot overflow;
 *   <li>nucleus top-p (applied after the temperature, as language models do): the smallest set of
 *       most likely tokens whose q-mass reaches top-p, renormalised; among tokens tied at the boundary
 *       the smaller vocabulary ids enter first, so the set is deterministic.
 * </ol>
 *
 * With every knob at its default the draw is Mult(k, c/tot) straight from the integer counts, the
 * fully synthetic hot path: by the {@link UrnSampler} when the training set is small against the live
 * support, else by {@link MultinomialSampler#sampleFromCounts} — with the largest count drawn from a
 * shared {@link BinomialTable} when k and the training set both have n tokens (fully synthetic).
 */
final class SyntheticSource {
  private final boolean plain;
  private final double lambda;
  private final double inverseTemperature;
  private final double topP;
  private final int[] tokenAt;
  private final double[] q;
  private final double[] sorted;
  private final long[] ties;
  /** Scratch of the urn method, sized for the largest urn it is used for. */
  private final int[] slots;
  /** Binomial(n, c/n) tables for the plain draw of k = n from a model of n tokens (fully synthetic). */
  private final BinomialTable table;

  SyntheticSource(ParadigmSpec spec, int universe, int[] tokenAt) {
    this.lambda = spec.smoothing();
    this.inverseTemperature = 1.0 / spec.temperature();
    this.topP = spec.topP();
    this.plain = lambda == 0 && spec.temperature() == 1.0 && topP == 1.0;
    this.tokenAt = tokenAt;
    this.q = new double[universe];
    this.sorted = topP < 1.0 ? new double[universe] : null;
    this.ties = topP < 1.0 ? new long[universe] : null;
    this.slots = plain ? new int[UrnSampler.MAX_BALLS_PER_TOKEN * universe] : null;
    this.table = plain && spec.n() <= BinomialTable.MAX_TRIALS ? BinomialTable.of(spec.n()) : null;
  }

  /** Mult(k, q(model)) into out[0..len), where the model has counts[0..len) summing to total. */
  void draw(UniformRandomProvider rng, int k, int[] counts, long total, int len, int[] out) {
    if (plain) {
      if (total <= (long) UrnSampler.MAX_BALLS_PER_TOKEN * len) {
        UrnSampler.sample(rng, k, counts, (int) total, len, out, slots);
      } else if (table != null && k == table.trials() && total == k) {
        MultinomialSampler.sampleFromCounts(rng, table, counts, len, out);
      } else {
        MultinomialSampler.sampleFromCounts(rng, k, counts, total, len, out);
      }
    } else {
      distribution(counts, total, len, q);
      MultinomialSampler.sample(rng, k, q, len, out);
    }
  }

  /** Writes the normalised sampling distribution q of the model to out[0..len). */
  void distribution(int[] counts, long total, int len, double[] out) {
    int maxCount = 0;
    for (int i = 0; i < len; i++) {
      maxCount = Math.max(maxCount, counts[i]);
    }
    // q_i ∝ p_i^{1/τ}; p_i / max p = (c_i + λ)/(max c + λ), with or without smoothing.
    double top = maxCount + lambda;
    double sum = 0;
    for (int i = 0; i < len; i++) {
      double ratio = (counts[i] + lambda) / top;
      double v = inverseTemperature == 1.0 || ratio == 0 ? ratio : Math.pow(ratio, inverseTemperature);
      out[i] = v;
      sum += v;
    }
    if (topP < 1.0) {
      sum = nucleus(out, len, sum);
    }
    double inv = 1.0 / sum;
    for (int i = 0; i < len; i++) {
      out[i] *= inv;
    }
  }

  /** Zeroes every entry of w outside the top-p nucleus; returns the nucleus mass. */
  private double nucleus(double[] w, int len, double sum) {
    System.arraycopy(w, 0, sorted, 0, len);
    Arrays.sort(sorted, 0, len);
    double target = topP * sum;
    double cumulative = 0;
    int idx = 0;
    for (int i = len - 1; i >= 0; i--) {
      cumulative += sorted[i];
      if (cumulative >= target) {
        idx = i;
        break;
      }
    }
    double threshold = sorted[idx];
    int above = 0;
    for (int i = len - 1; i >= idx && sorted[i] > threshold; i--) {
      above++;
    }
    int tiesNeeded = len - idx - above;
    // Tokens tied at the threshold, ordered by vocabulary id: the first tiesNeeded stay.
    int nTies = 0;
    for (int i = 0; i < len; i++) {
      if (w[i] == threshold) {
        ties[nTies++] = ((long) tokenAt[i] << 32) | i;
      }
    }
    Arrays.sort(ties, 0, nTies);
    double mass = 0;
    for (int i = 0; i < len; i++) {
      if (w[i] < threshold) {
        w[i] = 0;
      } else if (w[i] > threshold) {
        mass += w[i];
      }
    }
    for (int t = 0; t < nTies; t++) {
      int pos = (int) ties[t];
      if (t < tiesNeeded) {
        mass += w[pos];
      } else {
        w[pos] = 0;
      }
    }
    return mass;
  }
}
