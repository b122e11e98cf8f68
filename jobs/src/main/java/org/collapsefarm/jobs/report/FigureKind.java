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
  SIGMA("σ_m against m ([S] Figs. 3–4)",
      "Markers: mean over runs of σ_m = Σ_i p_i^(m)² ± 95% CI at log-spaced generations; thin pale lines"
          + " in the same colour: the spread of the runs, mean ± 1 sd (clipped to [0, 1]);"
          + " dashed: S_m, the closed form of E[σ_m] ([S] eq. 6 and MATH.md §4), where one exists."),
  L1_P1("‖p^(m) − p^(1)‖₁ against m",
      "Markers: mean over runs ± 95% CI at log-spaced generations; thin pale lines in the same colour: the"
          + " spread of the runs, mean ± 1 sd (clipped to [0, 2])."),
  HISTOGRAM("Collapse-time histograms",
      "Steps: the fraction of runs that collapsed per generation (density, bins of the collapse_times table)."),
  SURVIVAL("Kaplan–Meier survival P(T > k) with Theorem 1's bounds",
      "Markers: Kaplan–Meier P(T > k) ± 95% CI (Greenwood); dashed: Theorem 1's lower and upper bounds on"
          + " P(T > k) ([S] eq. 7); dotted: the exact chain where it is computable."),
  WINDOWS("Most recent K and randomly sampled: σ_m against m ([S] Fig. 6)",
      "Markers: mean over runs of σ_m ± 95% CI, one colour per window K (circles: split allocation, squares:"
          + " literal), triangles for the randomly-sampled source modes, black for fully synthetic;"
          + " dashed: fully synthetic S_m ([S] Thm 1 eq. 6) for the same context and n, the reference."),
  SIMPLEX("Models on the simplex, three-token contexts ([S] Fig. 1)",
      "One triangle per generation m; each disc is a model p^(m) in barycentric coordinates (a vertex is"
          + " a Dirac mass on that token, labelled by its id), its area proportional to the number of recorded"
          + " runs there; the black diamond is p^(0)."),
  ACCUMULATE("Accumulate-subsample: ‖p^(m) − p^(0)‖₁ against m per rate k ([W])",
      "Markers: mean over runs ± 95% CI at log-spaced generations, one series per rate k."),
  ACCUMULATE_LEVEL("Accumulate-subsample: late-m level against the rate k ([W])",
      "Markers: mean of ‖p^(m) − p^(0)‖₁ over runs and over the last quarter of the generations"
          + " (⌈3M/4⌉ ≤ m ≤ M), from the generation_stats sums; bars: conservative 95% intervals,"
          + " ± 1.96 · (mean sd over the window)/√runs, exact if a run's generations were perfectly correlated."),
  MITIGATIONS("Mitigations: temperature τ, top-p, add-λ smoothing, real anchor (MATH.md §2)",
      "Markers: mean over runs ± 95% CI, one series per knob setting of the same paradigm and n, black"
          + " for the neutral knobs. First chart: the collapsed fraction ρ_m = P(T ≤ m); second:"
          + " ‖p^(m) − p^(0)‖₁, how far the models drift from the truth."),
  FAMILY_MOMENTS("Gaussian: var_ratio and W2² against m per paradigm (Collapse-or-Thrive's panels, MATH.md §7)",
      "One chart per model (d, estimator) and paradigm setting, one colour per n. Markers: the mean over runs"
          + " at up to 30 generations; thin pale lines in the same colour: its 95% band, mean ± 1.96 sd/√runs at"
          + " every generation (from generation_stats); dashed: the exact expectation of MATH.md §7 where one"
          + " applies (E σ²_m/σ_0² and E W2² under replace, the iterated one-step expectations under accumulate"
          + " and the real anchor; none for accumulate-subsample)."),
  FAMILY_LOG_VAR("Gaussian: log_var against m with its exact linear drift (MATH.md §7)",
      "As above for E ln σ²_m (and ln det Σ_m/det Σ_0 when d > 1): under replace it falls linearly,"
          + " m[ψ((n−1)/2) + ln(2/n)] for the MLE and ln(2/(n−1)) in place of ln(2/n) for the unbiased estimator"
          + " (dashed) — even the unbiased estimator, whose E σ²_m stays σ_0², collapses."),
  POISSON_SURVIVAL("Poisson: survival P(T > m) = P(λ_m ≠ 0) against m (MATH.md §7, Suresh et al. Thm 2)",
      "One chart per rate λ_0 and paradigm setting, one colour per n. Markers: the share of runs whose rate is"
          + " not 0 (1 − the mean of rate_zero); thin pale lines: its 95% band, ± 1.96 sd/√runs; dashed: the exact"
          + " 1 − exp(−nλ_0 g_m) of the critical Galton–Watson process (replace, no anchor)."),
  TEXT_PERPLEXITY("Text: validation perplexity and coverage against m ([W] Fig. 3)",
      "Markers: mean over runs ± 95% CI at every generation, one series per parameter set, one chart per"
          + " corpus and order; dashed: the untrained model's perplexity |V_0 ∪ {<unk>}| (uniform)."),
  TEXT_PROBES("Text: probes p^(m)(w | x) against m ([W] Fig. 2)",
      "Markers: mean over the runs whose history x is alive; thin pale lines in the same colour: mean ± 1 sd."),
  TEXT_VOCABULARY("Text: vocabulary kept and distinct-2 against m",
      "Markers: mean over runs ± 95% CI; the share of the training part's types still produced, and"
          + " distinct bigrams over bigrams of text generated from p^(m).");

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
