package org.collapsefarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollapseTimesTest {

  private static CollapseTimeRow only(List<CollapseTimeRow> rows, String statistic) {
    return rows.stream().filter(r -> r.statistic().equals(statistic)).findFirst().orElseThrow();
  }

  @Test
  void censoredGroupHasNoPlainMean() {
    int[] t = {1, 2, 2, 3, 3, 4, 5, 5};
    boolean[] c = {false, false, false, false, true, false, true, true};
    List<CollapseTimeRow> rows = CollapseTimes.rows(t, c, 5, new int[] {0, 2, 4}, 5);
    assertThat(rows).noneMatch(r -> r.statistic().equals("mean"));
    assertThat(only(rows, "censored").value()).isEqualTo(3);
    assertThat(only(rows, "runs").value()).isEqualTo(8);
    assertThat(only(rows, "restricted_mean").value()).isCloseTo(1 + 7.0 / 8 + 5.0 / 8 + 0.5 + 1.0 / 3, within(1e-14));
    assertThat(only(rows, "restricted_mean").generation()).isEqualTo(5);
    double[] km = rows.stream().filter(r -> r.statistic().equals("km_survival")).mapToDouble(CollapseTimeRow::value)
        .toArray();
    assertThat(km).containsExactly(new double[] {1.0, 5.0 / 8, 1.0 / 3}, within(1e-15));
    // Histogram of the 5 observed collapses only.
    assertThat(rows.stream().filter(r -> r.statistic().equals("histogram")).mapToDouble(CollapseTimeRow::value).sum())
        .isEqualTo(5.0);
    // Ŝ never drops to 0.1, so the 0.9 quantile lies beyond the cap.
    assertThat(rows.stream().filter(r -> r.statistic().equals("quantile") && r.probability() == 0.9).findFirst()
        .orElseThrow().value()).isNaN();
  }

  @Test
  void uncensoredGroupHasThePlainMean() {
    int[] t = {2, 4, 6};
    List<CollapseTimeRow> rows = CollapseTimes.rows(t, new boolean[3], 10, new int[] {1}, 2);
    assertThat(only(rows, "mean").value()).isEqualTo(4.0);
    assertThat(only(rows, "mean").se()).isCloseTo(Math.sqrt(4.0 / 3), within(1e-14));
  }
}
