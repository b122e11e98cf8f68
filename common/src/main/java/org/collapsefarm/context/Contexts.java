package org.collapsefarm.context;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.CombinationSampler;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.DirichletSampler;
import org.collapsefarm.ParameterException;
import org.collapsefarm.random.CellSeeds;

/**
 * Factories of initial distributions p^(0) (MATH.md §1; issue 2, item 2). Each validates its
 * arguments with a {@link ParameterException} naming the sweep-configuration key ({@code probs},
 * {@code vocabulary}, {@code support}, {@code s0}, {@code concentration}, {@code exponent}) and the
 * allowed range, and is deterministic given its seed.
 *
 * <p>Seeded families draw from {@code CellSeeds.stream(CellSeeds.cellSeed(seed,
 * CellSeeds.key(family)))}, so the same seed in two families gives unrelated token choices.
 *
 * <p>{@link Context#source()} is a canonical text of the family and its parameters, e.g. {@code
 * power-law(vocabulary=600,support=52,s0=0.1,seed=0)}; the farm hashes it into context ids, so its
 * format must never change for an existing parameter set. Numbers are printed by {@link
 * Double#toString(double)} (shortest round trip, locale independent).
 */
public final class Contexts {
  /** Largest power-law exponent tried when bracketing S_0 (p_2/p_1 = 2^-a is then far below 1e-300). */
  private static final double MAX_EXPONENT = 1 << 20;

  /** Bisection steps; the bracket reaches adjacent doubles long before this. */
  private static final int MAX_BISECTION_STEPS = 2000;

  private Contexts() {}

  /**
   * An explicit probability vector on a vocabulary of {@code probs.length} tokens. Entries must be
   * finite and ≥ 0 and sum to 1 within {@link Context#SUM_TOLERANCE}; zero entries are allowed and
   * are simply not in the support. The values are kept as given (not renormalised).
   */
  public static Context explicit(double[] probs) {
    if (probs == null || probs.length == 0) {
      throw new ParameterException("probs", "must be a non-empty list of probabilities");
    }
    double sum = 0;
    int support = 0;
    for (int i = 0; i < probs.length; i++) {
      double p = probs[i];
      if (!(p >= 0) || Double.isInfinite(p)) {
        throw new ParameterException("probs", "entry " + i + " must be finite and >= 0, got " + p);
      }
      sum += p;
      if (p > 0) {
        support++;
      }
    }
    if (!(Math.abs(sum - 1.0) <= Context.SUM_TOLERANCE)) {
      throw new ParameterException("probs", "must sum to 1 within " + Context.SUM_TOLERANCE + ", got " + sum);
    }
    int[] tokens = new int[support];
    double[] p = new double[support];
    int j = 0;
    StringBuilder source = new StringBuilder("explicit(probs=[");
    for (int i = 0; i < probs.length; i++) {
      if (i > 0) {
        source.append(',');
      }
      source.append(num(probs[i]));
      if (probs[i] > 0) {
        tokens[j] = i;
        p[j++] = probs[i];
      }
    }
    source.append("])");
    return new Context(probs.length, tokens, p, source.toString());
  }

  /** Uniform on the whole vocabulary of {@code vocabulary} tokens. */
  public static Context uniform(int vocabulary) {
    return uniform(vocabulary, vocabulary, 0L);
  }

  /**
   * Uniform on {@code support} tokens of a vocabulary of {@code vocabulary}; when the support is a
   * strict subset its tokens are chosen uniformly at random by {@code seed}. With the full support
   * the seed plays no role and is left out of the source text.
   */
  public static Context uniform(int vocabulary, int support, long seed) {
    ParameterException.requireAtLeast("vocabulary", vocabulary, 1);
    requireSupport(vocabulary, support);
    int[] tokens;
    String source;
    if (support == vocabulary) {
      tokens = new int[vocabulary];
      Arrays.setAll(tokens, i -> i);
      source = "uniform(vocabulary=" + vocabulary + ")";
    } else {
      tokens = new CombinationSampler(rng("uniform", seed), vocabulary, support).sample();
      Arrays.sort(tokens);
      source = "uniform(vocabulary=" + vocabulary + ",support=" + support + ",seed=" + seed + ")";
    }
    double[] probs = new double[support];
    Arrays.fill(probs, 1.0 / support);
    return new Context(vocabulary, tokens, probs, source);
  }

  /**
   * Power-law weights {@code w_r = r^{-a}}, r = 1..s~, on {@code support} = s~ tokens placed at
   * seed-chosen vocabulary positions (the r-th token of a random k-permutation gets rank r), with the
   * exponent a ≥ 0 found by bisection so that S_0 = Σp² equals {@code s0} to 1e-9. S_0(a) increases
   * continuously and strictly from 1/s~ (a = 0, uniform) towards 1 (a → ∞), so a target in [1/s~, 1)
   * is reachable (s~ = 1 forces S_0 = 1); the exception names {@code s0} and the reachable range
   * otherwise, and also when the target is so close to 1 that the smallest weight underflows.
   */
  public static Context powerLaw(int vocabulary, int support, double s0, long seed) {
    ParameterException.requireAtLeast("vocabulary", vocabulary, 1);
    requireSupport(vocabulary, support);
    String source =
        "power-law(vocabulary=" + vocabulary + ",support=" + support + ",s0=" + num(s0) + ",seed=" + seed + ")";
    int[] order = new PermutationSampler(rng("power-law", seed), vocabulary, support).sample();
    if (support == 1) {
      if (s0 != 1.0) {
        throw new ParameterException("s0", "support 1 forces s0 = 1, got " + s0);
      }
      return new Context(vocabulary, order, new double[] {1.0}, source);
    }
    double floor = 1.0 / support;
    if (!(s0 >= floor && s0 < 1.0)) {
      throw new ParameterException(
          "s0", "must be in [1/support, 1) = [" + floor + ", 1) for support " + support + ", got " + s0);
    }
    double[] logRank = new double[support];
    for (int r = 0; r < support; r++) {
      logRank[r] = Math.log(r + 1.0);
    }
    double exponent = bisectExponent(logRank, s0);
    double[] weights = powerLawProbs(logRank, exponent);
    double reached = collision(weights);
    if (!(Math.abs(reached - s0) <= Context.SUM_TOLERANCE)) {
      throw new ParameterException(
          "s0", "cannot be reached to 1e-9 with support " + support + " (closest " + reached + "), got " + s0);
    }
    if (weights[support - 1] == 0) {
      throw new ParameterException(
          "s0", "is too close to 1 for support " + support + ": the smallest probability underflows, got " + s0);
    }
    return sortedContext(vocabulary, order, weights, source);
  }

  /**
   * A draw from the symmetric Dirichlet(concentration) on the vocabulary (Commons RNG {@link
   * DirichletSampler}). Components that are exactly 0 in double precision (frequent for small
   * concentrations) are not in the support.
   */
  public static Context dirichlet(int vocabulary, double concentration, long seed) {
    ParameterException.requireAtLeast("vocabulary", vocabulary, 1);
    ParameterException.requireAbove("concentration", concentration, 0.0);
    String source = "dirichlet(vocabulary=" + vocabulary + ",concentration=" + num(concentration) + ",seed=" + seed + ")";
    if (vocabulary == 1) {
      return new Context(1, new int[] {0}, new double[] {1.0}, source);
    }
    double[] p = DirichletSampler.symmetric(rng("dirichlet", seed), vocabulary, concentration).sample();
    double sum = 0;
    for (double x : p) {
      sum += x;
    }
    if (!(Math.abs(sum - 1.0) <= Context.SUM_TOLERANCE)) {
      throw new ParameterException(
          "concentration", "is too small: every Dirichlet component underflowed, got " + concentration);
    }
    return fromDense(vocabulary, p, source);
  }

  /**
   * Zipf: {@code p ∝ r^{-exponent}} for token ids 0..s−1 with ranks r = id + 1. Computed relative to
   * the largest weight, so a large exponent loses only the tail (tokens whose weight underflows to 0
   * are not in the support).
   */
  public static Context zipf(int vocabulary, double exponent) {
    ParameterException.requireAtLeast("vocabulary", vocabulary, 1);
    ParameterException.requireAtLeast("exponent", exponent, 0.0);
    double[] logRank = new double[vocabulary];
    for (int r = 0; r < vocabulary; r++) {
      logRank[r] = Math.log(r + 1.0);
    }
    double[] p = powerLawProbs(logRank, exponent);
    return fromDense(vocabulary, p, "zipf(vocabulary=" + vocabulary + ",exponent=" + num(exponent) + ")");
  }

  /** The exponent a ≥ 0 whose power-law collision probability is closest to target (bisection). */
  private static double bisectExponent(double[] logRank, double target) {
    double lo = 0;
    double hi = 1;
    while (collision(powerLawProbs(logRank, hi)) < target) {
      lo = hi;
      hi *= 2;
      if (hi > MAX_EXPONENT) {
        throw new ParameterException("s0", "cannot be reached: too close to 1 for support " + logRank.length + ", got " + target);
      }
    }
    for (int step = 0; step < MAX_BISECTION_STEPS; step++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (collision(powerLawProbs(logRank, mid)) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double errLo = Math.abs(collision(powerLawProbs(logRank, lo)) - target);
    double errHi = Math.abs(collision(powerLawProbs(logRank, hi)) - target);
    return errLo <= errHi ? lo : hi;
  }

  /** Normalised r^{-a} for the given ln r, computed relative to rank 1 to avoid overflow. */
  private static double[] powerLawProbs(double[] logRank, double exponent) {
    double[] w = new double[logRank.length];
    double sum = 0;
    for (int r = 0; r < w.length; r++) {
      w[r] = Math.exp(-exponent * logRank[r]);
      sum += w[r];
    }
    for (int r = 0; r < w.length; r++) {
      w[r] /= sum;
    }
    return w;
  }

  /** Σ p². */
  private static double collision(double[] p) {
    double s = 0;
    for (double x : p) {
      s += x * x;
    }
    return s;
  }

  private static void requireSupport(int vocabulary, int support) {
    if (support < 1 || support > vocabulary) {
      throw new ParameterException("support", "must be in [1, vocabulary] = [1, " + vocabulary + "], got " + support);
    }
  }

  /** The context with probability probs[r] on token order[r], sorted by token id. */
  private static Context sortedContext(int vocabulary, int[] order, double[] probs, String source) {
    double[] dense = new double[vocabulary];
    for (int r = 0; r < order.length; r++) {
      dense[order[r]] = probs[r];
    }
    return fromDense(vocabulary, dense, source);
  }

  /** The context of a dense vector; its zero entries are not in the support. */
  private static Context fromDense(int vocabulary, double[] dense, String source) {
    int support = 0;
    for (double x : dense) {
      if (x > 0) {
        support++;
      }
    }
    int[] tokens = new int[support];
    double[] probs = new double[support];
    int j = 0;
    for (int i = 0; i < vocabulary; i++) {
      if (dense[i] > 0) {
        tokens[j] = i;
        probs[j++] = dense[i];
      }
    }
    return new Context(vocabulary, tokens, probs, source);
  }

  private static UniformRandomProvider rng(String family, long seed) {
    return CellSeeds.stream(CellSeeds.cellSeed(seed, CellSeeds.key(family)));
  }

  private static String num(double v) {
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }
}
