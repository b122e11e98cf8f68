package org.collapsefarm.jobs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.TestSweeps;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.Trajectories;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict list on a constructed comparison table: counts per (check, verdict), worst group of a violated exact formula. */
class VerdictListTest {
  @TempDir Path dir;

  @Test
  void countsVerdictsAndNamesTheWorstFittingGroupOfAViolatedExactFormula() {
    SparkSession spark = TestSpark.session();
    ContextEntry c = TestSweeps.context(0.5, 0.3, 0.2);
    Group a = TestSweeps.group(c, ParadigmSpec.fullySynthetic(3), 50, 5);
    Group b = TestSweeps.group(c, ParadigmSpec.fullySynthetic(7), 50, 5);
    Group d = TestSweeps.group(c, ParadigmSpec.fullySynthetic(9), 50, 5);
    Sweep sweep = TestSweeps.sweep("v", dir.toString(), 1L, 10, 50, Trajectories.NONE, List.of(c), List.of(a, b, d));
    List<ComparisonRow> rows = List.of(
        row(a, "S_m", "exact", "violated", 4.2, 12),
        row(b, "S_m", "exact", "violated", 9.5, 7),
        row(d, "S_m", "exact", "consistent", 1.1, 3),
        row(a, "rho_upper", "upper bound", "violated", null, 4),
        row(b, "rho_upper", "upper bound", "holds", null, 4));
    String table = dir.resolve("comparison").toString();
    spark.createDataFrame(rows.stream().map(CompareTables::row).toList(), CompareTables.COMPARISON_SCHEMA)
        .write().parquet(table);
    List<String> lines = VerdictList.lines(sweep, spark.read().parquet(table));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\s+S_m\\s+violated\\s+2 groups"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\s+S_m\\s+consistent\\s+1 group"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\s+rho_upper\\s+holds\\s+1 group"));
    // the worst S_m group is b (|z| = 9.5), named with its parameters; a violated bound gets no "worst" line
    assertThat(lines.stream().filter(l -> l.contains("worst")).toList()).singleElement().satisfies(l -> {
      assertThat(l).contains("worst S_m: group " + b.groupId()).contains("|z| = 9.50").contains("at m = 7")
          .contains("fully-synthetic;n=7").contains("explicit(probs=[0.5,0.3,0.2])");
    });
  }

  private static ComparisonRow row(Group g, String check, String kind, String verdict, Double z, Integer m) {
    return new ComparisonRow(g.groupId(), check, 0.5, 0.4, 0.6, 0.3, kind, verdict, Double.NaN, "constructed", m, z, 10,
        "test");
  }
}
