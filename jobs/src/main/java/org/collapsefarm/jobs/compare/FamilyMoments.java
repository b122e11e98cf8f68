package org.collapsefarm.jobs.compare;

import java.io.Serializable;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.stats.Estimate;
import org.collapsefarm.stats.Intervals;

/**
 * One {@code generation_stats} row of a model family's group, reduced to what its checks use: the
 * runs and Σ, Σ², Σ³ of each family measurement, in {@link FamilySpec#COLUMNS} order (NaN where the
 * family has no such measurement, or a table has no Σ³).
 */
public record FamilyMoments(int generation, long runs, double[] sums, double[] sumSqs, double[] sumCubes)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The mean of a measurement column over the runs, with its SE and the interval at z. */
  public Estimate mean(String column, double z) {
    int k = FamilySpec.COLUMNS.indexOf(column);
    return Intervals.mean(sums[k], sumSqs[k], runs, z);
  }

  /** The sample skewness of a measurement column over the runs (NaN when unknown). */
  public double skewness(String column) {
    int k = FamilySpec.COLUMNS.indexOf(column);
    return Intervals.skewness(sums[k], sumSqs[k], sumCubes[k], runs);
  }

  /** Σ of a measurement column over the runs. */
  public double sum(String column) {
    return sums[FamilySpec.COLUMNS.indexOf(column)];
  }
}
