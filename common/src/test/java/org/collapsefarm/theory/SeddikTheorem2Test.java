package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeddikTheorem2Test {

  @Test
  void recursionMatchesBruteForceEnumeration() {
    check(new double[] {0.5, 0.3, 0.2}, 2, 2);
    check(new double[] {0.6, 0.4}, 3, 4);
    check(new double[] {0.4, 0.3, 0.2, 0.1}, 3, 2);
    check(new double[] {0.7, 0.2, 0.1}, 1, 3);
    check(new double[] {0.55, 0.45}, 5, 1);
  }

  private static void check(double[] p, int bigN, int n) {
    double s0 = 0;
    for (double v : p) {
      s0 += v * v;
    }
    int horizon = 8;
    double[] brute = bruteForce(p, bigN, n, horizon);
    double[] rec = new SeddikTheorem2(s0, bigN, n).expectedSigma(horizon);
    for (int m = 0; m <= horizon; m++) {
      assertThat(rec[m]).as("S_%d N=%d n=%d", m, bigN, n).isCloseTo(brute[m], within(1e-12));
    }
  }

  @Test
  void coefficientsAndSeddikBetaForm() {
    SeddikTheorem2 thm = new SeddikTheorem2(0.2, 100, 10);
    assertThat(thm.a()).isCloseTo(130.0 / 12100, within(1e-15));
    assertThat(thm.b()).isCloseTo(99.0 * 120 / 12100, within(1e-15));
    // [S]'s form: β = α[(1 + 1/N)α − 1/N].
    double alpha = 10.0 / 110;
    assertThat(thm.beta()).isCloseTo(alpha * ((1 + 0.01) * alpha - 0.01), within(1e-15));
  }

  /** eq. 9 by hand at N = n = 2, S_0 = 1/2, m = 1: 9/16 + 47/224 = 173/224. */
  @Test
  void eq9AsPrintedByHand() {
    assertThat(new SeddikEq9(0.5, 2, 2).expectedSigmaAtGeneration(2)).isCloseTo(173.0 / 224, within(1e-15));
    // n = 1 and N = 1: p^(1) is a Dirac, and eq. 9 gives 1.
    assertThat(new SeddikEq9(0.3, 1, 1).expectedSigmaAtGeneration(5)).isCloseTo(1.0, within(1e-15));
  }

  /** eq. 9 and the recursion share their limit (a + b S_0)/(1 − β) as m → ∞. */
  @Test
  void eq9HasTheRecursionsLimit() {
    SeddikTheorem2 thm = new SeddikTheorem2(0.15, 40, 25);
    double limit = (thm.a() + thm.b() * 0.15) / (1 - thm.beta());
    assertThat(new SeddikEq9(0.15, 40, 25).expectedSigmaAtGeneration(400)).isCloseTo(limit, within(1e-14));
    assertThat(thm.expectedSigma(400)[400]).isCloseTo(limit, within(1e-14));
  }

  /**
   * Documents the discrepancy reported to the lead: at finite m, eq. 9 as printed is not the
   * recursion (N = n = 2, S_0 = 1/2: recursion S_2 = 0.78125, eq. 9 gives 0.7723). Solving the
   * recursion, {@code S_{m+1} = S_∞ − (1−1/N)(α/N)(1 − S_0) β^m / (1 + (1+1/N)α)}: eq. 9 has
   * {@code (1 + S_0)} there, i.e. its last bracket should read {@code [1 + α + α β^m / N]}.
   */
  @Test
  void eq9DiffersFromTheRecursionBySignOfOneTerm() {
    double recursion = new SeddikTheorem2(0.5, 2, 2).expectedSigma(2)[2];
    assertThat(recursion).isCloseTo(0.78125, within(1e-15));
    assertThat(new SeddikEq9(0.5, 2, 2).expectedSigmaAtGeneration(2)).isNotCloseTo(recursion, within(1e-3));

    double s0 = 0.12;
    int bigN = 30;
    int n = 12;
    double[] rec = new SeddikTheorem2(s0, bigN, n).expectedSigma(40);
    double alpha = n / (double) (bigN + n);
    double beta = n * (n - 1.0) / ((bigN + n) * (bigN + n));
    double d = 1 + (1 + 1.0 / bigN) * alpha;
    for (int m = 1; m < 40; m++) {
      double bm = Math.pow(beta, m);
      double corrected = (1.0 / bigN) * (1 + 2 * alpha - (1 - 1.0 / bigN) * alpha * bm) / d
          + (1 - 1.0 / bigN) * s0 / d * (1 + alpha + alpha * bm / bigN);
      assertThat(corrected).as("m=%d", m).isCloseTo(rec[m + 1], within(1e-14));
    }
  }

  /**
   * Exact E σ_m of the partially synthetic chain: every corpus R of N tokens with its multinomial
   * weight, then the law of the synthetic counts X (compositions of n) iterated forward, with
   * {@code p^(m) = (R + X)/(N + n)}.
   */
  private static double[] bruteForce(double[] p, int bigN, int n, int horizon) {
    double[] s = new double[horizon + 1];
    for (double v : p) {
      s[0] += v * v;
    }
    List<int[]> corpora = compositions(bigN, p.length);
    List<int[]> synthetic = compositions(n, p.length);
    for (int[] r : corpora) {
      double w = multinomial(r, p);
      double[] p1 = new double[p.length];
      for (int i = 0; i < p.length; i++) {
        p1[i] = r[i] / (double) bigN;
        s[1] += w * p1[i] * p1[i];
      }
      double[] law = new double[synthetic.size()];
      for (int x = 0; x < synthetic.size(); x++) {
        law[x] = multinomial(synthetic.get(x), p1);
      }
      for (int m = 2; m <= horizon; m++) {
        if (m > 2) {
          double[] next = new double[law.length];
          for (int x = 0; x < law.length; x++) {
            double[] q = model(r, synthetic.get(x), bigN, n);
            for (int y = 0; y < law.length; y++) {
              next[y] += law[x] * multinomial(synthetic.get(y), q);
            }
          }
          law = next;
        }
        for (int x = 0; x < law.length; x++) {
          double[] q = model(r, synthetic.get(x), bigN, n);
          double sigma = 0;
          for (double v : q) {
            sigma += v * v;
          }
          s[m] += w * law[x] * sigma;
        }
      }
    }
    return s;
  }

  private static double[] model(int[] r, int[] x, int bigN, int n) {
    double[] q = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      q[i] = (r[i] + x[i]) / (double) (bigN + n);
    }
    return q;
  }

  private static double multinomial(int[] c, double[] q) {
    int total = 0;
    double v = 1;
    for (int i = 0; i < c.length; i++) {
      for (int k = 1; k <= c[i]; k++) {
        total++;
        v *= q[i] * total / k;
      }
    }
    return v;
  }

  private static List<int[]> compositions(int total, int parts) {
    List<int[]> out = new ArrayList<>();
    int[] cur = new int[parts];
    fill(cur, 0, total, out);
    return out;
  }

  private static void fill(int[] cur, int pos, int rem, List<int[]> out) {
    if (pos == cur.length - 1) {
      cur[pos] = rem;
      out.add(cur.clone());
      return;
    }
    for (int v = 0; v <= rem; v++) {
      cur[pos] = v;
      fill(cur, pos + 1, rem - v, out);
    }
  }
}
