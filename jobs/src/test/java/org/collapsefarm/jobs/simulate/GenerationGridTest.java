package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.Metric;
import org.junit.jupiter.api.Test;

class GenerationGridTest {
  @Test
  void keepsEveryGenerationUpToTheDenseLimit() {
    GenerationGrid grid = GenerationGrid.of(5_000);
    assertThat(grid.size()).isEqualTo(5_001);
    for (int m = 0; m <= 5_000; m++) {
      assertThat(grid.generation(m)).isEqualTo(m);
      assertThat(grid.indexOf(m)).isEqualTo(m);
    }
  }

  @Test
  void largeCapsAreLogSpacedBeyondTheDenseLimitAndEndAtM() {
    int cap = 2_000_000;
    GenerationGrid grid = GenerationGrid.of(cap);
    // round(200·10^(j/20)) in (10^4, 2·10^6): j = 34..79, i.e. 46 points, plus M.
    assertThat(grid.size()).isEqualTo(GenerationGrid.DENSE_GENERATIONS + 1 + 46 + 1);
    assertThat(grid.generation(grid.size() - 1)).isEqualTo(cap);
    assertThat(grid.generation(GenerationGrid.DENSE_GENERATIONS + 1)).isEqualTo(Math.round(200 * Math.pow(10, 34 / 20.0)));
    for (int i = 1; i < grid.size(); i++) {
      assertThat(grid.generation(i)).isGreaterThan(grid.generation(i - 1));
      assertThat(grid.indexOf(grid.generation(i))).isEqualTo(i);
    }
    assertThat(grid.indexOf(GenerationGrid.DENSE_GENERATIONS + 1)).isEqualTo(-1);
  }

  @Test
  void gridSinkRenumbersGenerationsAndClipsTheAbsorbedTail() {
    int cap = 1_000_000;
    GenerationGrid grid = GenerationGrid.of(cap);
    GenerationAccumulator acc = new GenerationAccumulator(grid.size() - 1);
    GridSink sink = new GridSink(grid, acc);
    double[] values = new double[Metric.COUNT];
    values[Metric.SIGMA.ordinal()] = 0.5;
    sink.generation(0, values, false);
    sink.generation(10_001, values, false); // not on the grid: dropped
    values[Metric.SIGMA.ordinal()] = 1.0;
    sink.absorbed(12_345, cap, values);
    assertThat(acc.runs(0)).isEqualTo(1);
    int firstAbsorbed = grid.ceilingIndex(12_345);
    assertThat(grid.generation(firstAbsorbed)).isGreaterThanOrEqualTo(12_345);
    assertThat(grid.generation(firstAbsorbed - 1)).isLessThan(12_345);
    for (int i = 1; i < grid.size(); i++) {
      boolean absorbed = i >= firstAbsorbed;
      assertThat(acc.runs(i)).as("index %d", i).isEqualTo(absorbed ? 1 : 0);
      assertThat(acc.collapsed(i)).isEqualTo(absorbed ? 1 : 0);
      assertThat(acc.sum(Metric.SIGMA, i)).isEqualTo(absorbed ? 1.0 : 0.0);
    }
  }
}
