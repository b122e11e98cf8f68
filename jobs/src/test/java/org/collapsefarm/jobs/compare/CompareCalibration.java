package org.collapsefarm.jobs.compare;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collapsefarm.context.Context;
import org.collapsefarm.paradigm.ParadigmSpec;
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
 * java -cp $CP org.collapsefarm.jobs.compare.CompareCalibration 10 200 400 400 real-anchor 1   # MATH.md 6
 * java -cp $CP org.collapsefarm.jobs.compare.CompareCalibration 10 200 400 400 smoothing 0.1
 * </pre>
 */
public final class CompareCalibration {
  /** The collapse threshold of smoothed groups (required with λ > 0; it does not change σ). */
  private static final double SMOOTHED_EPSILON = 0.1;

  private CompareCalibration() {}

  public static void main(String[] args) {
    Context p = new Context(3, new int[] {0, 1, 2}, new double[] {0.5, 0.3, 0.2}, "explicit(probs=[0.5,0.3,0.2])");
    int n = Integer.parseInt(args[0]);
    int maxGenerations = Integer.parseInt(args[1]);
    int replicates = Integer.parseInt(args[2]);
    int groups = Integer.parseInt(args[3]);
    ParadigmSpec spec = ParadigmSpec.fullySynthetic(n);
    if (args.length == 6 && args[4].equals("real-anchor")) {
      spec = spec.withKnobs(1, 1, 0, 0, Integer.parseInt(args[5]));
    } else if (args.length == 6 && args[4].equals("smoothing")) {
      spec = spec.withKnobs(1, 1, Double.parseDouble(args[5]), SMOOTHED_EPSILON, 0);
    }
    List<TheoryRow> theory = TheoryRows.forGroup(p, spec, maxGenerations);
    Map<String, Integer> counts = new TreeMap<>();
    for (int g = 0; g < groups; g++) {
      KernelRuns sim = new KernelRuns(p, spec, maxGenerations, replicates, 1000L + g);
      for (ComparisonRow row : GroupComparison.rows(new GroupInput("g" + g, p, spec, maxGenerations, sim.runs,
          sim.moments, theory))) {
        counts.merge(row.checkName() + " " + row.verdict(), 1, Integer::sum);
      }
    }
    System.out.printf("fully synthetic p = (0.5, 0.3, 0.2), n = %d, M = %d, R = %d runs per group, %d groups, %s%n", n,
        maxGenerations, replicates, groups, spec.canonical());
    counts.forEach((k, v) -> System.out.printf("  %-32s %5d / %d%n", k, v, groups));
  }
}
