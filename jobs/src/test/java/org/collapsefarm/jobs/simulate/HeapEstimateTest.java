package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.measure.FamilyAccumulator;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.text.NgramModel;
import org.collapsefarm.text.TextAccumulator;
import org.collapsefarm.text.Tokenizer;
import org.junit.jupiter.api.Test;

/** The heap a local simulate needs: what the largest partitions running at once hold (issue 14, item 3). */
class HeapEstimateTest {
  private static final int M = 20_000; // a grid of 10,008 generations
  private static final int GRID = GenerationGrid.of(M).size();
  private static final TextPlan NO_TEXT = new TextPlan(Map.of(), 600, List.of(), true, 0);

  private static CellRange range(String group, String context, int replicates) {
    return new CellRange(new Group(group, context, ParadigmSpec.fullySynthetic(2), 1), 1.0, 0, replicates);
  }

  @Test
  void theLargestPartitionsRunOnePerCoreWithAnAccumulatorPerGroupTheyTouch() {
    // bin 0: groups a, b (b in two ranges: one accumulator), 6 cells; bin 1: group c, 2 cells
    List<List<CellRange>> bins = List.of(
        List.of(range("a", "ctx", 2), range("b", "ctx", 2), range("b", "ctx", 2)),
        List.of(range("c", "ctx", 2)));
    HeapEstimate e = HeapEstimate.of(bins, Map.of(), NO_TEXT, M, 1, 2, 0.6);
    long accumulator = GenerationAccumulator.bytesAtMost(GRID - 1);
    assertThat(e.groupsPerTask()).isEqualTo(2);
    assertThat(e.gridPoints()).isEqualTo(GRID);
    assertThat(e.taskBytes()).isEqualTo(2 * accumulator + 6 * HeapEstimate.RUNS_ROW_BYTES);
    // Spark leaves the running tasks' objects (and a partition being spilled) 1 − spark.memory.fraction of
    // the heap beyond its reserved 300 MiB
    assertThat(e.partitionsBytes())
        .isEqualTo(HeapEstimate.SPARK_RESERVED_BYTES + (long) Math.ceil(3 * e.taskBytes() / 0.4));
    // two groups need less than local Spark's smallest heap (1.5 × 300 MiB), which is then the estimate
    assertThat(e.partitionsBytes()).isLessThan(HeapEstimate.LOCAL_MINIMUM_BYTES);
    assertThat(e.bytes()).isEqualTo(450L << 20);
    assertThat(e.describe()).startsWith("about 450 MiB (local Spark's minimum heap");
    // two hundred groups in a partition need more: the estimate is then the partitions' own
    List<CellRange> many = new ArrayList<>();
    for (int g = 0; g < 200; g++) {
      many.add(range("g" + g, "ctx", 2));
    }
    HeapEstimate large = HeapEstimate.of(List.of(many), Map.of(), NO_TEXT, M, 1, 2, 0.6);
    assertThat(large.bytes()).isEqualTo(large.partitionsBytes()).isGreaterThan(HeapEstimate.LOCAL_MINIMUM_BYTES);
    assertThat(large.describe()).startsWith("about ").contains("(1 running + 1 spilling)");
    // one core: one task at a time; more cores than partitions: one task per partition
    assertThat(HeapEstimate.of(bins, Map.of(), NO_TEXT, M, 1, 1, 0.6).cores()).isEqualTo(1);
    assertThat(HeapEstimate.of(bins, Map.of(), NO_TEXT, M, 1, 8, 0.6).cores()).isEqualTo(2);
    // a chunk holds its share of a partition's runs rows
    assertThat(HeapEstimate.of(bins, Map.of(), NO_TEXT, M, 3, 2, 0.6).taskBytes())
        .isEqualTo(2 * accumulator + 2 * HeapEstimate.RUNS_ROW_BYTES);
  }

  @Test
  void aModelFamilysGroupKeepsItsFamilySums() {
    FamilySpec poisson = FamilySpec.poisson(2.0);
    HeapEstimate e = HeapEstimate.of(List.of(List.of(range("g", "model", 1))), Map.of("model", poisson), NO_TEXT, M, 1, 1, 0.6);
    assertThat(e.taskBytes())
        .isEqualTo(FamilyAccumulator.bytes(GRID - 1, FamilySpec.COLUMNS.size()) + HeapEstimate.RUNS_ROW_BYTES);
  }

  /**
   * A text group keeps its text sums, and its running cell the tokens of its training set, its generated
   * text, the lanes it generates it in and its pool: under accumulate (n = 1,000, rate 1) every token so far, 1,000 + 99·1,000 at M = 100.
   */
  @Test
  void aTextGroupKeepsItsTextSumsAndItsRunningCellItsTokens() throws Exception {
    TextPlan text = new TextPlan(Map.of("corpus", new TextPlan.Context("c", "toy", Tokenizer.WORDS, 2)), 600,
        List.of("there was", "there were"), true, 0);
    ParadigmSpec accumulate = ParadigmSpec.defaults(Paradigm.ACCUMULATE, 1_000).withRate(1, Pool.CORPORA);
    CellRange acc = new CellRange(new Group("acc", "corpus", accumulate, 100), 1.0, 0, 2);
    CellRange fully = new CellRange(new Group("fs", "corpus", ParadigmSpec.fullySynthetic(1_000), 100), 1.0, 0, 2);
    int grid = GenerationGrid.of(100).size();
    long sums = TextAccumulator.bytesAtMost(grid - 1, 2);
    HeapEstimate e = HeapEstimate.of(List.of(List.of(acc, fully)), Map.of(), text, 100, 1, 1, 0.6);
    long lanes = NgramModel.laneTokens(1_000);
    assertThat(lanes).as("eight lanes of 1,000/8 + 1,000/32 tokens").isEqualTo(8 * 156);
    assertThat(e.taskBytes()).isEqualTo(2 * sums + 4 * (100_000 + 1_000 + lanes) + 4 * HeapEstimate.RUNS_ROW_BYTES);
    assertThat(TextPlan.cellTokens(ParadigmSpec.fullySynthetic(1_000), 100)).isEqualTo(2_000 + lanes);
    ParadigmSpec subsample = ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 1_000).withRate(1, Pool.CORPORA);
    assertThat(TextPlan.cellTokens(subsample, 100)).as("training set, generated text, lanes, pool").isEqualTo(102_000 + lanes);
    // the text sums are what a TextAccumulator holds
    assertThat(arrayBytes(new TextAccumulator(grid - 1, 2))).isLessThanOrEqualTo(sums);
  }

  @Test
  void anAccumulatorHoldsAtMostItsEstimateAndAnAbsorbedRunReachesIt() throws Exception {
    GenerationAccumulator acc = new GenerationAccumulator(GRID - 1);
    double[] values = new double[Metric.COUNT];
    acc.generation(0, values, false);
    assertThat(arrayBytes(acc)).isLessThan(GenerationAccumulator.bytesAtMost(GRID - 1));
    acc.generation(1, values, true);
    acc.absorbed(2, GRID - 1, values); // allocates the difference arrays
    assertThat(arrayBytes(acc)).isEqualTo(GenerationAccumulator.bytesAtMost(GRID - 1));
    FamilyAccumulator family = new FamilyAccumulator(GRID - 1, FamilySpec.COLUMNS);
    assertThat(arrayBytes(family)).isEqualTo(FamilyAccumulator.bytes(GRID - 1, FamilySpec.COLUMNS.size()));
  }

  /** The payload bytes of the primitive arrays an object holds, through nested arrays and its own nested objects. */
  private static long arrayBytes(Object o) throws IllegalAccessException {
    if (o == null) {
      return 0;
    }
    Class<?> c = o.getClass();
    if (c.isArray()) {
      if (!c.getComponentType().isPrimitive()) {
        long sum = 0;
        for (int i = 0; i < Array.getLength(o); i++) {
          sum += arrayBytes(Array.get(o, i));
        }
        return sum;
      }
      return (long) Array.getLength(o) * Long.BYTES; // long[] and double[] only
    }
    if (!c.getName().startsWith("org.collapsefarm.")) {
      return 0;
    }
    long sum = 0;
    for (Field f : c.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
        f.setAccessible(true);
        sum += arrayBytes(f.get(o));
      }
    }
    return sum;
  }
}
