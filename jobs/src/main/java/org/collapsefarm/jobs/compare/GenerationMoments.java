package org.collapsefarm.jobs.compare;

import java.io.Serializable;
import org.collapsefarm.stats.Estimate;
import org.collapsefarm.stats.Intervals;

/**
 * One {@code generation_stats} row, reduced to what the checks use: the runs, the collapsed runs
 * (ρ_m = collapsed/runs) and Σ, Σ² of σ ({@code S_m} checks), ‖p^(m) − p^(1)‖_1 ([S] Theorems 3–4)
 * and ‖p^(m) − p^(0)‖_1 (the [W] plateau measurement).
 */
public record GenerationMoments(
    int generation,
    long runs,
    long collapsed,
    double sigmaSum,
    double sigmaSumSq,
    double l1P1Sum,
    double l1P1SumSq,
    double l1P0Sum,
    double l1P0SumSq)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The mean of σ_m with its SE and the interval at z. */
  public Estimate sigma(double z) {
    return Intervals.mean(sigmaSum, sigmaSumSq, runs, z);
  }

  /** The mean of ‖p^(m) − p^(1)‖_1 with its SE and the interval at z. */
  public Estimate l1P1(double z) {
    return Intervals.mean(l1P1Sum, l1P1SumSq, runs, z);
  }

  /** The mean of ‖p^(m) − p^(0)‖_1 with its SE and the interval at z. */
  public Estimate l1P0(double z) {
    return Intervals.mean(l1P0Sum, l1P0SumSq, runs, z);
  }
}
