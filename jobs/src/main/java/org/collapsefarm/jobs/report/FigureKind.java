package org.collapsefarm.jobs.report;

/** The kinds of figure the report draws, in report order, with the heading and legend key of each. */
public enum FigureKind {
  ET_VS_N("Expected collapse time against n ([S] Fig. 2)",
      "Markers: mean collapse time of the runs ± 95% CI (fully synthetic, neutral knobs, no censored run)."
          + " Dashed: Theorem 1's bounds ET_lower and ET_upper ([S] eq. 8); dotted: the diffusion value"
          + " ET_diffusion (Wright–Fisher, MATH.md §4); solid thin: the exact chain's E[T] where it is computable."),
  ET_LOGLOG("Expected collapse time against n, log–log, per vocabulary size",
      "Markers: mean collapse time ± 95% CI per context (labelled by its vocabulary size V);"
          + " dotted: the diffusion value ET_diffusion of the same context."),
  SIGMA("σ_m against m ([S] Figs. 3–4, 6)",
      "Markers: mean over runs of σ_m = Σ_i p_i^(m)² ± 95% CI at log-spaced generations;"
          + " dashed: S_m, the closed form of E[σ_m] ([S] eq. 6 and MATH.md §4), where one exists."),
  L1_P1("‖p^(m) − p^(1)‖₁ against m",
      "Markers: mean over runs ± 95% CI at log-spaced generations."),
  HISTOGRAM("Collapse-time histograms",
      "Steps: the fraction of runs that collapsed per generation (density, bins of the collapse_times table)."),
  SURVIVAL("Kaplan–Meier survival P(T > k) with Theorem 1's bounds",
      "Markers: Kaplan–Meier P(T > k) ± 95% CI (Greenwood); dashed: Theorem 1's lower and upper bounds on"
          + " P(T > k) ([S] eq. 7); dotted: the exact chain where it is computable."),
  ACCUMULATE("Accumulate-subsample: ‖p^(m) − p^(0)‖₁ against m per rate k ([W])",
      "Markers: mean over runs ± 95% CI at log-spaced generations, one series per rate k.");

  private final String heading;
  private final String key;

  FigureKind(String heading, String key) {
    this.heading = heading;
    this.key = key;
  }

  public String heading() {
    return heading;
  }

  /** What the marks mean: data vs theory. */
  public String key() {
    return key;
  }
}
