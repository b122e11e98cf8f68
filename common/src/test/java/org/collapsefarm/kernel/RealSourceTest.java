package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

/** Real data Mult(k, p^(0)) through both paths (alias table for small k, conditional binomials for large). */
class RealSourceTest {
  @Test
  void bothPathsDrawFromPZero() {
    Context context = Contexts.powerLaw(30, 8, 0.25, 3);
    int support = context.support();
    int len = support + 5; // as in a smoothed run: positions beyond the support must get 0
    for (int k : new int[] {3, RealSource.ALIAS_MAX_DRAWS_PER_TOKEN * support, 500}) {
      UniformRandomProvider rng = CellSeeds.stream(k);
      RealSource.Sampler real = RealSource.of(context, rng);
      int draws = 20_000 / k + 200;
      long[] totals = new long[support];
      int[] out = new int[len];
      for (int d = 0; d < draws; d++) {
        Arrays.fill(out, 7);
        real.draw(k, len, out);
        int sum = 0;
        for (int i = 0; i < len; i++) {
          sum += out[i];
          if (i < support) {
            totals[i] += out[i];
          } else {
            assertThat(out[i]).isZero();
          }
        }
        assertThat(sum).isEqualTo(k);
      }
      double chi2 = 0;
      for (int i = 0; i < support; i++) {
        double e = (double) k * draws * context.prob(i);
        chi2 += (totals[i] - e) * (totals[i] - e) / e;
      }
      // Pooled counts of iid multinomials are multinomial: chi-square with s~ − 1 df, level 1e-3.
      assertThat(chi2).as("k = %d", k).isLessThan(Stats.chiSquareCritical(support - 1, 1e-3));
    }
  }
}
