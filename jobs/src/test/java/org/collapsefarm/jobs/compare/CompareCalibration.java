package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collapsefarm.context.Context;
import org.collapsefarm.kernel.Recursion;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.theory.TheoryRow;
import org.collapsefarm.theory.TheoryRows;

/**
 * Measures the false-alarm rate of the comparison on true formulas (not a unit test: a measurement,
 * run by hand). Many independent groups of R kernel runs of fully synthetic p = (0.5, 0.3, 0.2), each
 * judged by {@link GroupComparison}; prints how often each check gave each verdict. A calibrated
 * exact check is violated in at most about α = 5% of groups, a true bound in about none.
 *
 * <pre>
 * mvn -B -q -o -pl jobs -am test-compile
 * CP=common/target/classes:jobs/target/classes:jobs/target/test-classes:$(find ~/.m2/repository/org/apache/commons/ \
 *   -name "commons-rng-*1.7.jar" -o -name "commons-statistics-distribution-1.3.jar" -o -name "commons-numbers-*.jar" \
 *   | tr '\n' ':')
 * java -cp $CP org.collapsefarm.jobs.compare.CompareCalibration 10 200 1000 400   # n M R groups
 * </pre>
 */
public final class CompareCalibration {
  private CompareCalibration() {}

  public static void main(String[] args) {
    Context p = new Context(3, new int[] {0, 1, 2}, new double[] {0.5, 0.3, 0.2}, "explicit(probs=[0.5,0.3,0.2])");
    int n = Integer.parseInt(args[0]);
    int maxGenerations = Integer.parseInt(args[1]);
    int replicates = Integer.parseInt(args[2]);
    int groups = Integer.parseInt(args[3]);
    ParadigmSpec spec = ParadigmSpec.fullySynthetic(n);
    List<TheoryRow> theory = TheoryRows.forGroup(p, spec, maxGenerations);
    Map<String, Integer> counts = new TreeMap<>();
    for (int g = 0; g < groups; g++) {
      GenerationAccumulator acc = new GenerationAccumulator(maxGenerations);
      List<RunOutcome> runs = new ArrayList<>();
      for (int r = 0; r < replicates; r++) {
        RunResult res = Recursion.run(p, spec, maxGenerations, CellSeeds.cellSeed(1000L + g, r), acc);
        runs.add(new RunOutcome(r, res.censored() ? null : res.collapseTime(), res.censored(),
            res.censored() ? null : res.absorbingToken(), res.lambda1()));
      }
      List<GenerationMoments> stats = new ArrayList<>();
      for (int m = 0; m <= maxGenerations; m++) {
        stats.add(new GenerationMoments(m, acc.runs(m), acc.collapsed(m), acc.sum(Metric.SIGMA, m),
            acc.sumOfSquares(Metric.SIGMA, m), 0, 0, 0, 0));
      }
      for (ComparisonRow row : GroupComparison.rows(new GroupInput("g" + g, p, spec, maxGenerations, runs, stats,
          theory))) {
        counts.merge(row.checkName() + " " + row.verdict(), 1, Integer::sum);
      }
    }
    System.out.printf("fully synthetic p = (0.5, 0.3, 0.2), n = %d, M = %d, R = %d runs per group, %d groups%n", n,
        maxGenerations, replicates, groups);
    counts.forEach((k, v) -> System.out.printf("  %-32s %5d / %d%n", k, v, groups));
  }
}
