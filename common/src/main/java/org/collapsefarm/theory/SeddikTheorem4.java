package org.collapsefarm.theory;

import java.util.Arrays;
import org.collapsefarm.ParameterException;

/**
 * [S] Theorem 4 (MATH.md §4): Theorem 3 with {@code sqrt(π n/2)} replaced by {@code sqrt(π n/φ(ζ))},
 *
 * <pre>
 *   φ(x) = ln((1−x)/x)/(1−2x)   (φ(1/2) = 2, its limit),
 *   ζ    = 1/2 − (1/2 − 2E[λ_1])(N/(N+n))²,
 *   λ_1  = max_A p^(1)(A)·p^(1)(A^c),   p^(1) = R/N,  R ~ Mult(N, p).
 * </pre>
 *
 * Since {@code λ_1 <= 1/4}, ζ lies in [0, 1/2] and φ(ζ) >= 2: Theorem 4 is never weaker than
 * Theorem 3, and with the worst case {@code E[λ_1] = 1/4} it is Theorem 3 exactly.
 */
public final class SeddikTheorem4 {
  public static final String SOURCE = "Seddik Thm 4";
  public static final String SOURCE_TIGHTENED = "Seddik Thm 4 with s* = min(N, s~) (farm's tightening)";
  /** The largest λ_1 (a split into two halves of mass 1/2): the fallback when E[λ_1] is not computed. */
  public static final double LAMBDA1_MAX = 0.25;
  /** Largest number of corpora (compositions of N into s~ parts) enumerated for the exact E[λ_1]. */
  public static final long MAX_LAMBDA1_COMPOSITIONS = 100_000;

  private SeddikTheorem4() {}

  /**
   * {@code φ(x) = ln((1−x)/x)/(1−2x)} on (0, 1), written as {@code log1p(2t/(1−t))/t} with
   * {@code t = 1 − 2x} (exact for x near 1/2 by Sterbenz's lemma), so that x near 1/2 loses no
   * accuracy; {@code φ(1/2) = 2} and {@code φ(0) = +∞} (the limits).
   */
  public static double phi(double x) {
    if (!(x >= 0.0 && x < 1.0)) {
      throw new ParameterException("zeta", "phi is defined on [0, 1), got " + x);
    }
    if (x == 0.0) {
      return Double.POSITIVE_INFINITY;
    }
    double t = 1.0 - 2.0 * x;
    if (t == 0.0) {
      return 2.0;
    }
    return Math.log1p(2.0 * t / (1.0 - t)) / t;
  }

  /** {@code ζ = 1/2 − (1/2 − 2E[λ_1])(N/(N+n))²}. */
  public static double zeta(double expectedLambda1, int realN, int n) {
    if (!(expectedLambda1 >= 0.0 && expectedLambda1 <= LAMBDA1_MAX)) {
      throw new ParameterException("lambda1", "E[lambda_1] must be in [0, 1/4], got " + expectedLambda1);
    }
    double w = realN / ((double) realN + n);
    return 0.5 - (0.5 - 2.0 * expectedLambda1) * w * w;
  }

  /** ln of the Theorem 4 bound with vocabulary size s. */
  public static double logBound(int realN, int n, long s, double expectedLambda1) {
    return SeddikTheorem3.logBound(realN, n, s, phi(zeta(expectedLambda1, realN, n)));
  }

  /** The Theorem 4 bound; {@code +∞} when it exceeds the double range. */
  public static double bound(int realN, int n, long s, double expectedLambda1) {
    return Math.exp(logBound(realN, n, s, expectedLambda1));
  }

  /** ln of the bound with the farm's tightening {@code s* = min(N, s~)}. */
  public static double logBoundTightened(int realN, int n, int support, double expectedLambda1) {
    return logBound(realN, n, Math.min(realN, support), expectedLambda1);
  }

  /** E[λ_1] and whether it is exact or the worst-case fallback 1/4. */
  public record Lambda1(double value, boolean exact) {}

  /**
   * E[λ_1] over {@code R ~ Mult(N, p)}, exact by enumerating every corpus when there are at most
   * {@link #MAX_LAMBDA1_COMPOSITIONS} of them; otherwise the bound {@code 1/4}, flagged inexact (the
   * comparison may then estimate it from the runs' own p^(1)).
   */
  public static Lambda1 expectedLambda1(double[] p, int realN) {
    ParameterException.requireAtLeast("real-n", realN, 1);
    if (ExactChain.stateCount(realN, p.length) > MAX_LAMBDA1_COMPOSITIONS) {
      return new Lambda1(LAMBDA1_MAX, false);
    }
    double[] logP = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      logP[i] = Math.log(p[i]);
    }
    double[] logFactorial = new double[realN + 1];
    for (int k = 2; k <= realN; k++) {
      logFactorial[k] = logFactorial[k - 1] + Math.log(k);
    }
    double[] sum = {0.0};
    enumerate(new int[p.length], 0, realN, logFactorial[realN], logP, logFactorial, sum);
    return new Lambda1(sum[0], true);
  }

  private static void enumerate(
      int[] counts, int position, int remaining, double logWeight, double[] logP, double[] logFactorial,
      double[] sum) {
    if (position == counts.length - 1) {
      counts[position] = remaining;
      double log = logWeight - logFactorial[remaining] + (remaining > 0 ? remaining * logP[position] : 0.0);
      sum[0] += Math.exp(log) * lambda1(counts);
      return;
    }
    for (int v = 0; v <= remaining; v++) {
      counts[position] = v;
      double log = logWeight - logFactorial[v] + (v > 0 ? v * logP[position] : 0.0);
      enumerate(counts, position + 1, remaining - v, log, logP, logFactorial, sum);
    }
  }

  /**
   * {@code λ_1 = max_A q(A) q(A^c)} for {@code q = counts/N}: the product is largest for the subset
   * whose count is closest to N/2, found by a subset-sum over the counts (with at most three
   * positive counts every split is a single token against the rest, so no search is needed). Public
   * so that E[λ_1] can also be estimated from the runs' own corpora.
   */
  public static double lambda1(int[] counts) {
    int total = Arrays.stream(counts).sum();
    int positive = 0;
    int singleBest = 0;
    for (int c : counts) {
      if (c > 0) {
        positive++;
        singleBest = Math.max(singleBest, Math.min(c, total - c));
      }
    }
    int best = singleBest;
    if (positive > 3) {
      boolean[] reachable = new boolean[total / 2 + 1];
      reachable[0] = true;
      for (int c : counts) {
        for (int v = total / 2; v >= c && c > 0; v--) {
          reachable[v] |= reachable[v - c];
        }
      }
      for (int v = total / 2; v >= 0; v--) {
        if (reachable[v]) {
          best = v;
          break;
        }
      }
    }
    double n = total;
    return best * (total - best) / (n * n);
  }
}
