package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collapsefarm.family.Estimator;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.family.ModelFamily;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.FamilyAccumulator;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.theory.FamilyTheoryRows;
import org.collapsefarm.theory.TheoryRow;

/**
 * Measures the false-alarm rate of the model families' checks on true formulas (not a unit test: a
 * measurement, run by hand, like {@link CompareCalibration}). Many independent groups of R runs of
 * one (model, paradigm), each judged by {@link FamilyComparison}; prints how often each check gave
 * each verdict. A calibrated exact check is violated in at most about α = 5% of groups.
 *
 * <pre>
 * mvn -B -q -o -pl jobs -am test-compile
 * CP=common/target/classes:jobs/target/classes:jobs/target/test-classes:$(find ~/.m2/repository/org/apache/commons/ \
 *   -name "commons-rng-*1.7.jar" -o -name "commons-statistics-distribution-1.3.jar" -o -name "commons-numbers-*.jar" \
 *   | tr '\n' ':'):$(find ~/.m2/repository/org/ejml -name "ejml-*0.43.1.jar" | tr '\n' ':')
 * java -cp $CP org.collapsefarm.jobs.compare.FamilyCompareCalibration gaussian-mle fully-synthetic 10 100 400 400 [d [plain]]
 *   # model (gaussian-mle | gaussian-unbiased | poisson), paradigm (fully-synthetic | accumulate |
 *   # partially-synthetic | anchor), n, M, R, groups, and for the Gaussian the dimension d (default 1;
 *   # d > 1: Σ_0 = [0.5^|i−j|], a full matrix)
 * </pre>
 */
public final class FamilyCompareCalibration {
  private FamilyCompareCalibration() {}

  public static void main(String[] args) {
    int d = args.length > 6 ? Integer.parseInt(args[6]) : 1;
    // "plain" as 8th argument: without the skewness correction (the z of before, for comparison)
    boolean plain = args.length > 7 && args[7].equals("plain");
    double[] covariance = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        covariance[i * d + j] = Math.pow(0.5, Math.abs(i - j));
      }
    }
    FamilySpec model = switch (args[0]) {
      case "gaussian-mle" -> FamilySpec.gaussian(d, 0, covariance, Estimator.MLE);
      case "gaussian-unbiased" -> FamilySpec.gaussian(d, 0, covariance, Estimator.UNBIASED);
      case "poisson" -> FamilySpec.poisson(1);
      default -> throw new IllegalArgumentException(args[0]);
    };
    int n = Integer.parseInt(args[2]);
    int maxGenerations = Integer.parseInt(args[3]);
    int replicates = Integer.parseInt(args[4]);
    int groups = Integer.parseInt(args[5]);
    double epsilon = FamilySpec.GAUSSIAN.equals(model.family()) ? 0.01 : 0.0;
    ParadigmSpec spec = switch (args[1]) {
      case "fully-synthetic" -> ParadigmSpec.fullySynthetic(n);
      case "anchor" -> ParadigmSpec.fullySynthetic(n).withKnobs(1, 1, 0, 0, 1);
      case "accumulate" -> ParadigmSpec.defaults(Paradigm.ACCUMULATE, n).withRate(1, Pool.CORPORA);
      case "partially-synthetic" -> ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, n).withRealN(n);
      default -> throw new IllegalArgumentException(args[1]);
    };
    spec = spec.withKnobs(1, 1, 0, epsilon, spec.realAnchor());
    ModelFamily<?, ?> family = model.build();
    List<TheoryRow> theory = FamilyTheoryRows.forGroup(model, spec, maxGenerations);
    Map<String, Integer> counts = new TreeMap<>();
    for (int g = 0; g < groups; g++) {
      FamilyAccumulator acc = new FamilyAccumulator(maxGenerations, family.metrics());
      List<RunOutcome> runs = new ArrayList<>();
      for (int r = 0; r < replicates; r++) {
        RunResult res = FamilyRecursion.run(family, spec, maxGenerations, CellSeeds.cellSeed(5000L + g, r), acc);
        runs.add(new RunOutcome(r, res.censored() ? null : res.collapseTime(), res.censored(), null, Double.NaN));
      }
      List<FamilyMoments> stats = new ArrayList<>();
      for (int m = 0; m <= maxGenerations; m++) {
        double[] sums = new double[FamilySpec.COLUMNS.size()];
        double[] sumSqs = new double[FamilySpec.COLUMNS.size()];
        double[] sumCubes = new double[FamilySpec.COLUMNS.size()];
        for (int j = 0; j < sums.length; j++) {
          int k = acc.names().indexOf(FamilySpec.COLUMNS.get(j));
          sums[j] = k < 0 ? Double.NaN : acc.sum(k, m);
          sumSqs[j] = k < 0 ? Double.NaN : acc.sumOfSquares(k, m);
          sumCubes[j] = k < 0 || plain ? Double.NaN : acc.sumOfCubes(k, m);
        }
        stats.add(new FamilyMoments(m, acc.runs(m), sums, sumSqs, sumCubes));
      }
      GroupInput in = new GroupInput("g" + g, null, spec, maxGenerations, runs, List.of(), theory);
      for (ComparisonRow row : FamilyComparison.rows(in, model, stats)) {
        counts.merge(row.checkName() + " " + row.verdict(), 1, Integer::sum);
      }
    }
    System.out.printf("%s, %s, n = %d, M = %d, R = %d runs per group, %d groups%s%n", model.source(),
        spec.canonical(), n, maxGenerations, replicates, groups, plain ? ", plain z (no skewness correction)" : "");
    counts.forEach((k, v) -> System.out.printf("  %-32s %5d / %d%n", k, v, groups));
  }
}
