package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrightFisherTest {

  /**
   * Kimura's two-allele mean absorption time solves {@code (x(1−x)/(2n)) t'' = −1}, t(0) = t(1) = 0.
   * Computed here independently by quadrature of its Green's function,
   * {@code t(x) = ∫_0^1 G(x,y)·2n/(y(1−y)) dy} with {@code G(x,y) = y(1−x)} for y <= x and
   * {@code x(1−y)} for y > x (both integrands are bounded, so Simpson's rule converges).
   */
  @Test
  void twoTokensAgreeWithKimuraQuadrature() {
    int n = 200;
    for (double x : new double[] {0.05, 0.3, 0.5, 0.8}) {
      double quadrature = simpson(y -> (1 - x) / (1 - y) * 2 * n, 0, x)
          + simpson(y -> x / y * 2 * n, x, 1);
      assertThat(WrightFisher.expectedCollapseTime(new double[] {x, 1 - x}, n))
          .isCloseTo(quadrature, within(1e-6 * quadrature));
    }
  }

  /**
   * The diffusion against the exact discrete chain. The diffusion drops O(1/n) terms per generation
   * of a process that lasts O(n) generations, and T here also counts the first multinomial draw, so
   * the difference is O(1) generations, not growing with n (Ewens, Mathematical Population Genetics,
   * §3.7). Tolerance: 3 generations absolute, and the relative error must shrink as n grows.
   */
  @Test
  void agreesWithExactChainToOrderOne() {
    double[] p = {0.5, 0.3, 0.2};
    double previousRelative = Double.MAX_VALUE;
    for (int n : new int[] {20, 50, 100}) {
      double exact = new ExactChain(p, n).expectedCollapseTime();
      double diffusion = WrightFisher.expectedCollapseTime(p, n);
      assertThat(Math.abs(exact - diffusion)).as("n=%d exact %f diffusion %f", n, exact, diffusion)
          .isLessThan(3.0);
      double relative = Math.abs(exact - diffusion) / exact;
      assertThat(relative).isLessThan(previousRelative);
      previousRelative = relative;
    }
    double[] two = {0.5, 0.5};
    double exact = new ExactChain(two, 1000).expectedCollapseTime();
    assertThat(exact).isCloseTo(WrightFisher.expectedCollapseTime(two, 1000), within(3.0));
  }

  @Test
  void diracContributesNothing() {
    assertThat(WrightFisher.expectedCollapseTime(new double[] {1.0}, 50)).isEqualTo(0.0);
  }

  private static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b) {
    int intervals = 20000;
    double h = (b - a) / intervals;
    double s = f.applyAsDouble(a) + f.applyAsDouble(b);
    for (int i = 1; i < intervals; i++) {
      s += f.applyAsDouble(a + i * h) * (i % 2 == 0 ? 2 : 4);
    }
    return s * h / 3;
  }
}
