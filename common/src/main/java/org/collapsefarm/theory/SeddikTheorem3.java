package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * [S] Theorem 3 for the partially synthetic recursion (MATH.md §4): for m >= 2,
 * {@code E‖p^(m) − p^(1)‖_1 < (1/N)·sqrt(π n / 2)·G_n(s)} with {@code C_0 = e³/(2π)},
 * {@code C_1 = 6e/π^{3/2}} and
 *
 * <pre>
 *   G_n(s) = C_1 s e^{C_0 n/(2e)}      if C_0 n/e + 2 <= s
 *            C_1 s (C_0 n/s)^{s/2}      if C_0 n/4 + 2 <= s < C_0 n/e + 2
 *            2^s − 2                    if s < C_0 n/4 + 2.
 * </pre>
 *
 * Everything is computed as a natural logarithm because {@code 2^s} and {@code e^{C_0 n/(2e)}}
 * overflow a double for the paper's own settings. {@link SeddikTheorem4} reuses the same shape with
 * {@code sqrt(π n / φ(ζ))} in place of {@code sqrt(π n / 2)} (φ = 2 here).
 *
 * <p>The farm's tightening (not [S]'s): all partially synthetic models live on the support of the
 * fixed corpus R, at most {@code s* = min(N, s~)} tokens, and the concentration lemma behind the
 * theorem holds on any token set containing the support, so {@code G_n(s*)} may replace {@code G_n(s)}.
 */
public final class SeddikTheorem3 {
  public static final String SOURCE = "Seddik Thm 3";
  public static final String SOURCE_TIGHTENED = "Seddik Thm 3 with s* = min(N, s~) (farm's tightening)";
  /** {@code C_0 = e³/(2π) ≈ 3.197}. */
  public static final double C0 = Math.exp(3.0) / (2.0 * Math.PI);
  /** {@code C_1 = 6e/π^{3/2} ≈ 2.929}. */
  public static final double C1 = 6.0 * Math.E / Math.pow(Math.PI, 1.5);
  /** The largest possible L1 distance between two distributions: a bound at or above it says nothing. */
  public static final double L1_MAX = 2.0;
  /** φ for Theorem 3 itself: {@code sqrt(π n / 2)}. */
  static final double PHI_THEOREM3 = 2.0;

  private SeddikTheorem3() {}

  /** {@code ln G_n(s)}; {@code −∞} for s = 1 (G = 2 − 2 = 0: one token, the distance is 0). */
  public static double logG(int n, long s) {
    ParameterException.requireAtLeast("n", n, 1);
    if (s < 1) {
      throw new ParameterException("vocabulary", "must be >= 1, got " + s);
    }
    double logC1 = Math.log(C1);
    if (C0 * n / Math.E + 2.0 <= s) {
      return logC1 + Math.log(s) + C0 * n / (2.0 * Math.E);
    }
    if (C0 * n / 4.0 + 2.0 <= s) {
      return logC1 + Math.log(s) + (s / 2.0) * Math.log(C0 * n / s);
    }
    // ln(2^s − 2) = s ln 2 + ln(1 − 2^{1−s}).
    return s * Math.log(2.0) + Math.log1p(-Math.pow(2.0, 1.0 - s));
  }

  /** {@code ln[(1/N)·sqrt(π n / φ)·G_n(s)]}, the shared shape of Theorems 3 and 4. */
  static double logBound(long realN, int n, long s, double phi) {
    ParameterException.requireAtLeast("real-n", (int) Math.min(realN, Integer.MAX_VALUE), 1);
    return -Math.log(realN) + 0.5 * Math.log(Math.PI * n / phi) + logG(n, s);
  }

  /** ln of the Theorem 3 bound with vocabulary size s. */
  public static double logBound(int realN, int n, long s) {
    return logBound(realN, n, s, PHI_THEOREM3);
  }

  /** The Theorem 3 bound; {@code +∞} when it exceeds the double range (see {@link #logBound}). */
  public static double bound(int realN, int n, long s) {
    return Math.exp(logBound(realN, n, s));
  }

  /** The bound with the farm's tightening {@code s* = min(N, s~)}. */
  public static double logBoundTightened(int realN, int n, int support) {
    return logBound(realN, n, Math.min(realN, support));
  }

  /**
   * The smallest N with bound < {@link #L1_MAX} for the given s, by the closed form: the bound is
   * {@code K/N} with {@code K = sqrt(π n/2) G_n(s)} independent of N, so N must exceed K/2. Returned as
   * a double because it can exceed every integer type; above 2^53 it is K/2 rounded, not exact.
   */
  public static double smallestInformativeN(int n, long s) {
    double logHalfK = 0.5 * Math.log(Math.PI * n / PHI_THEOREM3) + logG(n, s) - Math.log(L1_MAX);
    double halfK = Math.exp(logHalfK);
    if (halfK >= 0x1p53) {
      return halfK;
    }
    return Math.floor(halfK) + 1.0;
  }

  /**
   * The smallest N0 such that the tightened bound ({@code s* = min(N, s~)}) is < 2 for every N >= N0.
   * For N >= s~ the bound is {@code K/N} with s = s~ (closed form as above); below s~ it is
   * {@code sqrt(π n/2) G_n(N)/N}, which is not monotone in N (G grows like 2^N), so that range is
   * scanned downwards from s~ − 1 until the bound reaches 2.
   */
  public static double smallestInformativeNTightened(int n, int support) {
    double aboveSupport = smallestInformativeN(n, support);
    if (aboveSupport > support) {
      return aboveSupport;
    }
    int candidate = support;
    for (int bigN = support - 1; bigN >= 1; bigN--) {
      if (logBound(bigN, n, bigN, PHI_THEOREM3) >= Math.log(L1_MAX)) {
        break;
      }
      candidate = bigN;
    }
    return candidate;
  }
}
