package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** λ_1 = max_A p(A) p(A^c) ([S] Theorem 4) by bitset subset sum, against brute force over all subsets. */
class SubsetSumTest {
  @Test
  void matchesBruteForceOverAllSubsets() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int trial = 0; trial < 300; trial++) {
      int len = 1 + rnd.nextInt(12);
      int[] counts = new int[len];
      long total = 0;
      for (int i = 0; i < len; i++) {
        counts[i] = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(trial < 150 ? 10 : 300);
        total += counts[i];
      }
      if (total == 0) {
        continue;
      }
      double best = 0;
      for (int mask = 0; mask < (1 << len); mask++) {
        long a = 0;
        for (int i = 0; i < len; i++) {
          if ((mask & (1 << i)) != 0) {
            a += counts[i];
          }
        }
        best = Math.max(best, (double) a * (total - a) / ((double) total * total));
      }
      assertThat(SubsetSum.lambda1(counts, len, total)).isEqualTo(best);
    }
  }
}
