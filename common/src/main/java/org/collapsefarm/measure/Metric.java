package org.collapsefarm.measure;

/**
 * The per-generation measurements of MATH.md §3, in a fixed order (their ordinals index the arrays
 * of {@link Measurements} and the accumulators). Column names are the table contract.
 */
public enum Metric {
  /** σ_m = Σ_i (p_i^(m))². */
  SIGMA("sigma"),
  /** ‖p^(m)‖_∞ = max_i p_i^(m). */
  MAX_PROB("max_prob"),
  /** |{i : p_i^(m) > 0}|. */
  SUPPORT("support"),
  /** H(p^(m)) in nats. */
  ENTROPY("entropy"),
  /** ‖p^(m) − p^(1)‖_1 (0 at m ≤ 1). */
  L1_P1("l1_p1"),
  /** ‖p^(m) − p^(0)‖_1 (twice the total variation). */
  L1_P0("l1_p0"),
  /** Σ_{i : p_i^(m) = 0} p_i^(0): the real-data mass the model can no longer produce. */
  MISSING_MASS("missing_mass"),
  /** −Σ p_i^(0) ln p_i^(m), finite only for smoothed models (NaN otherwise). */
  CROSS_ENTROPY("cross_entropy");

  /** Number of metrics. */
  public static final int COUNT = values().length;

  private final String column;

  Metric(String column) {
    this.column = column;
  }

  /** The column name in Parquet tables. */
  public String column() {
    return column;
  }
}
