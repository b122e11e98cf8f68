package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.collapsefarm.ParameterException;
import org.junit.jupiter.api.Test;

class ExactChainTest {
  private static final double TIGHT = 1e-12;

  /** n = 2, two tokens, by hand: from (1,1) the next state is (1,1) w.p. 1/2, so h(1,1) = 2. */
  @Test
  void twoSamplesTwoTokensByHand() {
    double a = 0.3;
    double b = 0.7;
    ExactChain chain = new ExactChain(new double[] {a, b}, 2);
    // P(c^(1) = (1,1)) = 2ab; T = 1 otherwise, else 1 + Geometric(1/2) with mean 2.
    assertThat(chain.expectedCollapseTime()).isCloseTo(1 + 2 * a * b * 2, within(TIGHT));
    double[] surv = chain.survival(6);
    assertThat(surv[0]).isEqualTo(1.0);
    for (int k = 1; k <= 6; k++) {
      assertThat(surv[k]).isCloseTo(2 * a * b * Math.pow(0.5, k - 1), within(TIGHT));
    }
    // σ = 1/2 on (1,1), 1 on a Dirac.
    double[] s = chain.expectedSigma(3);
    assertThat(s[0]).isCloseTo(a * a + b * b, within(TIGHT));
    for (int m = 1; m <= 3; m++) {
      double pt = 2 * a * b * Math.pow(0.5, m - 1);
      assertThat(s[m]).isCloseTo(pt * 0.5 + (1 - pt), within(TIGHT));
    }
    // P(absorb 1): from (1,1) each side equally likely; so a² + 2ab/2 = a.
    double[] abs = chain.absorptionProbabilities();
    assertThat(abs[0]).isCloseTo(a * a + a * b, within(TIGHT));
    assertThat(abs[1]).isCloseTo(b * b + a * b, within(TIGHT));
  }

  @Test
  void agreesWithBruteForceLabelledChain() {
    check(new double[] {0.5, 0.3, 0.2}, 4);
    check(new double[] {0.45, 0.25, 0.2, 0.1}, 3);
    check(new double[] {0.9, 0.1}, 5);
    check(new double[] {0.123, 0.456, 0.421}, 6);
  }

  private static void check(double[] p, int n) {
    BruteForce brute = new BruteForce(p, n);
    ExactChain chain = new ExactChain(p, n);
    int horizon = 40;
    double[] surv = chain.survival(horizon);
    double[] sig = chain.expectedSigma(horizon);
    for (int k = 0; k <= horizon; k++) {
      assertThat(surv[k]).as("P(T>%d)", k).isCloseTo(brute.survival[k], within(1e-12));
      assertThat(sig[k]).as("S_%d", k).isCloseTo(brute.sigma[k], within(1e-12));
    }
    assertThat(chain.expectedCollapseTime()).isCloseTo(brute.expectedT, within(1e-9));
    double[] abs = chain.absorptionProbabilities();
    for (int i = 0; i < p.length; i++) {
      assertThat(abs[i]).isCloseTo(brute.absorbed[i], within(1e-9));
    }
  }

  /** Theorem 1 eq. 6, typed in here from the paper (independent of any project class). */
  @Test
  void exactSigmaMatchesTheorem1Eq6() {
    double[] p = {0.4, 0.3, 0.2, 0.1};
    int n = 30;
    ExactChain chain = new ExactChain(p, n);
    assertThat(chain.lumpedTransientStates()).isLessThan(400);
    double s0 = 0.16 + 0.09 + 0.04 + 0.01;
    double[] s = chain.expectedSigma(300);
    for (int m = 0; m <= 300; m++) {
      double eq6 = 1 - Math.pow(1 - 1.0 / n, m) * (1 - s0);
      // A sum of a few hundred probabilities, each with relative rounding ~1e-15.
      assertThat(s[m]).as("S_%d", m).isCloseTo(eq6, within(1e-11));
    }
  }

  /** [S] Proposition 1: P(absorbing token = i) = p_i. */
  @Test
  void absorptionMatchesProposition1() {
    double[] p = {0.05, 0.15, 0.3, 0.5};
    double[] abs = new ExactChain(p, 25).absorptionProbabilities();
    for (int i = 0; i < p.length; i++) {
      assertThat(abs[i]).isCloseTo(p[i], within(1e-10));
    }
  }

  @Test
  void survivalSumsToExpectedTime() {
    // E[T] = Σ_{k>=0} P(T > k): the linear solve and the forward iteration are independent routes.
    ExactChain chain = new ExactChain(new double[] {0.6, 0.25, 0.15}, 12);
    double[] surv = chain.survival(3000);
    double sum = 0;
    for (double v : surv) {
      sum += v;
    }
    assertThat(surv[3000]).isLessThan(1e-15);
    assertThat(chain.expectedCollapseTime()).isCloseTo(sum, within(1e-9));
  }

  @Test
  void degenerateCases() {
    assertThat(new ExactChain(new double[] {1.0}, 7).expectedCollapseTime()).isEqualTo(1.0);
    ExactChain single = new ExactChain(new double[] {0.2, 0.8}, 1);
    assertThat(single.expectedCollapseTime()).isEqualTo(1.0);
    assertThat(single.survival(2)).containsExactly(1.0, 0.0, 0.0);
    assertThat(single.absorptionProbabilities()).containsExactly(0.2, 0.8);
  }

  @Test
  void rejectsAVectorThatIsNotADistribution() {
    assertThatThrownBy(() -> new ExactChain(new double[] {0.5, 0.6}, 3))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("probs:");
    assertThatThrownBy(() -> new ExactChain(new double[] {1.5, -0.5}, 3))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("probs:");
  }

  @Test
  void guardNamesTheLimitAndTheCount() {
    assertThat(ExactChain.stateCount(30, 4)).isEqualTo(5456);
    assertThat(ExactChain.stateCount(3, 1)).isEqualTo(1);
    assertThat(ExactChain.stateCount(1000, 200)).isEqualTo(Long.MAX_VALUE);
    double[] p = new double[5];
    java.util.Arrays.fill(p, 0.2);
    // C(34, 4) = 46376 compositions of 30 into 5 parts.
    assertThatThrownBy(() -> new ExactChain(p, 30))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("46376")
        .hasMessageContaining(String.valueOf(ExactChain.MAX_STATES));
    assertThatThrownBy(() -> new ExactChain(new double[] {0.5, 0.5}, 1500))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("n <= " + ExactChain.MAX_N);
  }

  /**
   * The labelled chain on all compositions, iterated forward with multinomial probabilities from
   * factorials; E[T] and absorption from a long horizon (mass left < 1e-13).
   */
  private static final class BruteForce {
    final double[] survival = new double[41];
    final double[] sigma = new double[41];
    final double expectedT;
    final double[] absorbed;

    BruteForce(double[] p, int n) {
      List<int[]> states = new ArrayList<>();
      compositions(new int[p.length], 0, n, states);
      double[] law = new double[states.size()];
      for (int c = 0; c < states.size(); c++) {
        law[c] = multinomial(states.get(c), p, n);
      }
      double[][] step = new double[states.size()][states.size()];
      for (int a = 0; a < states.size(); a++) {
        double[] x = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          x[i] = states.get(a)[i] / (double) n;
        }
        for (int b = 0; b < states.size(); b++) {
          step[a][b] = multinomial(states.get(b), x, n);
        }
      }
      double s0 = 0;
      for (double v : p) {
        s0 += v * v;
      }
      survival[0] = 1;
      sigma[0] = s0;
      double et = 1; // P(T > 0)
      for (int k = 1; ; k++) {
        if (k > 1) {
          double[] next = new double[law.length];
          for (int a = 0; a < law.length; a++) {
            for (int b = 0; b < law.length; b++) {
              next[b] += law[a] * step[a][b];
            }
          }
          law = next;
        }
        double alive = 0;
        double es = 0;
        for (int c = 0; c < law.length; c++) {
          int[] st = states.get(c);
          double sg = 0;
          int max = 0;
          for (int v : st) {
            sg += (v / (double) n) * (v / (double) n);
            max = Math.max(max, v);
          }
          es += law[c] * sg;
          if (max < n) {
            alive += law[c];
          }
        }
        if (k <= 40) {
          survival[k] = alive;
          sigma[k] = es;
        }
        et += alive;
        if (k > 40 && alive < 1e-15) {
          break;
        }
      }
      expectedT = et;
      absorbed = new double[p.length];
      for (int c = 0; c < law.length; c++) {
        for (int i = 0; i < p.length; i++) {
          if (states.get(c)[i] == n) {
            absorbed[i] += law[c];
          }
        }
      }
    }

    private static double multinomial(int[] c, double[] x, int n) {
      double v = factorial(n);
      for (int i = 0; i < c.length; i++) {
        v *= Math.pow(x[i], c[i]) / factorial(c[i]);
      }
      return v;
    }

    private static double factorial(int k) {
      double f = 1;
      for (int i = 2; i <= k; i++) {
        f *= i;
      }
      return f;
    }

    private static void compositions(int[] cur, int pos, int rem, List<int[]> out) {
      if (pos == cur.length - 1) {
        cur[pos] = rem;
        out.add(cur.clone());
        return;
      }
      for (int v = rem; v >= 0; v--) {
        cur[pos] = v;
        compositions(cur, pos + 1, rem - v, out);
      }
    }
  }
}
