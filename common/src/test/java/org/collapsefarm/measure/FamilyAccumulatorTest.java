package org.collapsefarm.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyAccumulatorTest {
  @Test
  void sumsRunsCollapseTimesAndAbsorbedTails() {
    FamilyAccumulator a = new FamilyAccumulator(4, List.of("x", "y"));
    // run 1: collapsed at 2, absorbed from 3 to 4
    a.generation(0, new double[] {1, 10}, false);
    a.generation(1, new double[] {2, 20}, false);
    a.generation(2, new double[] {0, 0}, true);
    a.absorbed(3, 4, new double[] {0, 0});
    // run 2: never collapsed
    for (int m = 0; m <= 4; m++) {
      a.generation(m, new double[] {m, -m}, false);
    }
    assertThat(a.runs(4)).isEqualTo(2);
    assertThat(a.collapsed(3)).isEqualTo(1);
    assertThat(a.collapsedBy(1)).isZero();
    assertThat(a.collapsedBy(2)).isEqualTo(1);
    assertThat(a.collapsedBy(4)).isEqualTo(1);
    assertThat(a.sum(0, 1)).isEqualTo(3.0);
    assertThat(a.sumOfSquares(1, 1)).isEqualTo(400.0 + 1.0);
    FamilyAccumulator b = new FamilyAccumulator(4, List.of("x", "y")).merge(a).merge(a);
    assertThat(b.runs(2)).isEqualTo(4);
    assertThat(b.collapsedBy(4)).isEqualTo(2);
    assertThat(b.sum(1, 4)).isEqualTo(-8.0);
    assertThatThrownBy(() -> b.merge(new FamilyAccumulator(4, List.of("x")))).isInstanceOf(IllegalArgumentException.class);
  }
}
