package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeddikTheorem4Test {

  @Test
  void phiDirectAndAtOneHalf() {
    assertThat(SeddikTheorem4.phi(0.1)).isCloseTo(Math.log(9) / 0.8, within(1e-14));
    assertThat(SeddikTheorem4.phi(0.3)).isCloseTo(Math.log(0.7 / 0.3) / 0.4, within(1e-14));
    assertThat(SeddikTheorem4.phi(0.5)).isEqualTo(2.0);
    assertThat(SeddikTheorem4.phi(0.0)).isEqualTo(Double.POSITIVE_INFINITY);
    // Near 1/2, against the series φ = 2(1 + t²/3 + t⁴/5 + …), t = 1 − 2x.
    for (double d : new double[] {1e-3, 1e-6, 1e-9, 1e-13}) {
      for (double x : new double[] {0.5 - d, 0.5 + d}) {
        double t = 1 - 2 * x;
        double series = 2 * (1 + t * t / 3 + t * t * t * t / 5);
        assertThat(SeddikTheorem4.phi(x)).as("x=%s", x).isCloseTo(series, within(1e-13));
      }
    }
  }

  @Test
  void zetaByHand() {
    // E λ = 0.2, N = 30, n = 10: 1/2 − (1/2 − 0.4)(3/4)² = 0.44375.
    assertThat(SeddikTheorem4.zeta(0.2, 30, 10)).isCloseTo(0.44375, within(1e-15));
    assertThat(SeddikTheorem4.zeta(0.25, 30, 10)).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void worstCaseLambdaIsTheorem3AndSmallerLambdaIsTighter() {
    assertThat(SeddikTheorem4.logBound(50, 10, 20, 0.25))
        .isCloseTo(SeddikTheorem3.logBound(50, 10, 20), within(1e-14));
    assertThat(SeddikTheorem4.logBound(50, 10, 20, 0.1)).isLessThan(SeddikTheorem3.logBound(50, 10, 20));
    // Direct: (1/N) sqrt(π n/φ(ζ)) (2^s − 2) with n = 10, s = 6 (< C0·10/4 + 2).
    double phi = SeddikTheorem4.phi(SeddikTheorem4.zeta(0.1, 50, 10));
    assertThat(SeddikTheorem4.bound(50, 10, 6, 0.1)).isCloseTo(Math.sqrt(Math.PI * 10 / phi) * 62 / 50, within(1e-12));
  }

  @Test
  void lambda1OfOneCorpusAgainstAllSubsets() {
    int[][] cases = {{3, 3, 2, 1, 1}, {5, 0, 4, 1}, {7}, {1, 1, 1, 1, 1, 1, 6}, {2, 9}, {4, 4, 4}};
    for (int[] counts : cases) {
      assertThat(SeddikTheorem4.lambda1(counts)).isCloseTo(bySubsets(counts), within(1e-15));
    }
  }

  @Test
  void expectedLambda1ByHandAndByEnumeration() {
    // p = (1/2, 1/2), N = 2: corpora (2,0), (1,1), (0,2) with λ = 0, 1/4, 0 and weights 1/4, 1/2, 1/4.
    SeddikTheorem4.Lambda1 half = SeddikTheorem4.expectedLambda1(new double[] {0.5, 0.5}, 2);
    assertThat(half.exact()).isTrue();
    assertThat(half.value()).isCloseTo(0.125, within(1e-15));

    double[] p = {0.3, 0.25, 0.2, 0.15, 0.1};
    int bigN = 6;
    double expected = 0;
    for (int[] r : compositions(bigN, p.length)) {
      double w = 720; // 6!
      for (int i = 0; i < p.length; i++) {
        w *= Math.pow(p[i], r[i]) / factorial(r[i]);
      }
      expected += w * bySubsets(r);
    }
    assertThat(SeddikTheorem4.expectedLambda1(p, bigN).value()).isCloseTo(expected, within(1e-13));
  }

  @Test
  void tooManyCorporaFallsBackToOneQuarter() {
    double[] p = new double[20];
    java.util.Arrays.fill(p, 0.05);
    SeddikTheorem4.Lambda1 l = SeddikTheorem4.expectedLambda1(p, 100);
    assertThat(l.exact()).isFalse();
    assertThat(l.value()).isEqualTo(0.25);
  }

  private static double bySubsets(int[] counts) {
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    double best = 0;
    for (int mask = 0; mask < (1 << counts.length); mask++) {
      int in = 0;
      for (int i = 0; i < counts.length; i++) {
        if ((mask & (1 << i)) != 0) {
          in += counts[i];
        }
      }
      best = Math.max(best, (in / (double) total) * ((total - in) / (double) total));
    }
    return best;
  }

  private static double factorial(int k) {
    double f = 1;
    for (int i = 2; i <= k; i++) {
      f *= i;
    }
    return f;
  }

  private static List<int[]> compositions(int total, int parts) {
    List<int[]> out = new ArrayList<>();
    fill(new int[parts], 0, total, out);
    return out;
  }

  private static void fill(int[] cur, int pos, int rem, List<int[]> out) {
    if (pos == cur.length - 1) {
      cur[pos] = rem;
      out.add(cur.clone());
      return;
    }
    for (int v = rem; v >= 0; v--) {
      cur[pos] = v;
      fill(cur, pos + 1, rem - v, out);
    }
  }
}
