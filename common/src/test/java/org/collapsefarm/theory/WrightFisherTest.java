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
   * The diffusion against the exact discrete chain. What is asserted, and why: the diffusion drops
   * the O(1/n) corrections of each generation's moments, and near the boundaries (a token with a few
   * copies) the chain is not diffusive; measured with the exact chain, the diffusion overestimates
   * E[T] by about (ln n)/3 generations (see {@link WrightFisher}). So: the error has that sign, the
   * relative error falls as n grows, and from n = 100 to n = 1000 the absolute error grows by less than
   * ln 10 (logarithmic growth; any power law n^a with a >= 1/2 would grow by a factor >= 3.16).
   */
  @Test
  void agreesWithExactChainUpToALogarithmicError() {
    double[] p = {0.5, 0.3, 0.2};
    double previousRelative = Double.MAX_VALUE;
    for (int n : new int[] {20, 50, 100}) {
      double exact = new ExactChain(p, n).expectedCollapseTime();
      double diffusion = WrightFisher.expectedCollapseTime(p, n);
      assertThat(diffusion).as("n=%d", n).isGreaterThan(exact);
      double relative = (diffusion - exact) / exact;
      assertThat(relative).isLessThan(previousRelative);
      previousRelative = relative;
    }
    double[] two = {0.5, 0.5};
    double error100 = WrightFisher.expectedCollapseTime(two, 100) - new ExactChain(two, 100).expectedCollapseTime();
    double exact1000 = new ExactChain(two, 1000).expectedCollapseTime();
    double error1000 = WrightFisher.expectedCollapseTime(two, 1000) - exact1000;
    assertThat(error1000).isGreaterThan(error100);
    assertThat(error1000 - error100).isLessThan(Math.log(10));
    assertThat(error1000 / exact1000).isLessThan(0.005);
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
