package org.collapsefarm.theory;

import java.util.Optional;
import org.collapsefarm.stats.CheckKind;

/**
 * The quantities of the {@code theory} table ({@link TheoryRows}), with what the comparison needs to
 * know about each: its kind (null for an informational row that is not checked by itself), the
 * empirical quantity it is compared with, and the range of possible values of that quantity, which
 * decides whether a bound is vacuous (MATH.md §5).
 */
public enum TheoryQuantity {
  S_M("S_m", CheckKind.EXACT, "mean of sigma per generation", 0, 1),
  S_M_EXACT("S_m_exact", CheckKind.EXACT, "mean of sigma per generation", 0, 1),
  /** [S] eq. 9 as printed; see {@link SeddikEq9} (it differs from the recursion at finite m). */
  S_M_EQ9("S_m_eq9", CheckKind.EXACT, "mean of sigma per generation", 0, 1),
  RHO_LOWER("rho_lower", CheckKind.LOWER_BOUND, "collapsed_fraction (Wilson interval)", 0, 1),
  RHO_UPPER("rho_upper", CheckKind.UPPER_BOUND, "collapsed_fraction (Wilson interval)", 0, 1),
  SURVIVAL_LOWER("survival_lower", CheckKind.LOWER_BOUND, "Kaplan-Meier P(T > k)", 0, 1),
  SURVIVAL_UPPER("survival_upper", CheckKind.UPPER_BOUND, "Kaplan-Meier P(T > k)", 0, 1),
  SURVIVAL_EXACT("survival_exact", CheckKind.EXACT, "Kaplan-Meier P(T > k)", 0, 1),
  /** Needs E[T]: only the plain mean when nothing is censored (the restricted mean lies below E[T]). */
  ET_LOWER("ET_lower", CheckKind.LOWER_BOUND, "mean of T (no censored run)", 1, Double.POSITIVE_INFINITY),
  /** E[min(T, M)] <= E[T], so a restricted mean wholly above the bound is a violation even with censoring. */
  ET_UPPER("ET_upper", CheckKind.UPPER_BOUND, "mean of T, or the restricted mean E[min(T,M)] under censoring",
      1, Double.POSITIVE_INFINITY),
  ET_DIFFUSION("ET_diffusion", CheckKind.APPROXIMATION, "mean of T (no censored run)", 1, Double.POSITIVE_INFINITY),
  ET_EXACT("ET_exact", CheckKind.EXACT, "mean of T (no censored run)", 1, Double.POSITIVE_INFINITY),
  /** One row per support token, named {@code absorb_prob[token]}; checked together by chi-square. */
  ABSORB_PROB("absorb_prob", CheckKind.EXACT, "absorbing tokens of collapsed runs (chi-square)", 0, 1),
  THM3_BOUND("thm3_bound", CheckKind.UPPER_BOUND, "mean of l1_p1 at m >= 2", 0, 2),
  THM3_SSTAR_BOUND("thm3_sstar_bound", CheckKind.UPPER_BOUND, "mean of l1_p1 at m >= 2", 0, 2),
  THM4_BOUND("thm4_bound", CheckKind.UPPER_BOUND, "mean of l1_p1 at m >= 2", 0, 2),
  THM4_SSTAR_BOUND("thm4_sstar_bound", CheckKind.UPPER_BOUND, "mean of l1_p1 at m >= 2", 0, 2),
  THM3_LOG10_BOUND("thm3_log10_bound", null, "log10 of thm3_bound (finite when the bound overflows)", 0, 0),
  THM3_SSTAR_LOG10_BOUND("thm3_sstar_log10_bound", null, "log10 of thm3_sstar_bound", 0, 0),
  THM4_LOG10_BOUND("thm4_log10_bound", null, "log10 of thm4_bound", 0, 0),
  THM4_SSTAR_LOG10_BOUND("thm4_sstar_log10_bound", null, "log10 of thm4_sstar_bound", 0, 0),
  THM3_INFORMATIVE_N("thm3_informative_N", null, "smallest N with thm3_bound < 2", 0, 0),
  THM3_SSTAR_INFORMATIVE_N("thm3_sstar_informative_N", null, "smallest N from which thm3_sstar_bound < 2", 0, 0),
  E_LAMBDA1("E_lambda1", null, "exact E[lambda_1] over the real corpus, used by thm4", 0, 0.25),
  /** [W]'s expected real share; a reference curve (no per-generation measurement matches it). */
  REAL_SHARE("real_share", null, "expected real share of generation m's training sample", 0, 1),
  REAL_SHARE_POOL("real_share_pool", null, "real share of the pool = corpora pool", 0, 1),
  /** The long-run value of an S_m recursion of MATH.md 6 (real anchor, add-λ smoothing). */
  S_STATIONARY("S_stationary", null, "the limit of S_m as m grows (MATH.md 6)", 0, 1),
  // Model families (MATH.md 7): each per-generation quantity is the expectation of the measurement
  // column of the same name.
  VAR_RATIO("var_ratio", CheckKind.EXACT, "mean of var_ratio per generation", 0, Double.POSITIVE_INFINITY),
  LOG_VAR("log_var", CheckKind.EXACT, "mean of log_var per generation", Double.NEGATIVE_INFINITY,
      Double.POSITIVE_INFINITY),
  /** Var ln σ²_m = m ψ′((n−1)/2): informational (the comparison checks the mean of log_var). */
  LOG_VAR_VARIANCE("log_var_variance", null, "variance of log_var over runs", 0, Double.POSITIVE_INFINITY),
  MEAN_SQ_ERROR("mean_sq_error", CheckKind.EXACT, "mean of mean_sq_error per generation", 0, Double.POSITIVE_INFINITY),
  W2_SQ("w2_sq", CheckKind.EXACT, "mean of w2_sq per generation", 0, Double.POSITIVE_INFINITY),
  /** E ln(det Σ_m/det Σ_0) (Gaussian, d &gt; 1, n &gt; d). */
  LOG_DET_RATIO("log_det_ratio", CheckKind.EXACT, "mean of log_det_ratio per generation", Double.NEGATIVE_INFINITY,
      Double.POSITIVE_INFINITY),
  /** Var ln det Σ_m = m Σ_i ψ′((n−i)/2): informational, and the window of the heavy-tailed means (d &gt; 1). */
  LOG_DET_RATIO_VARIANCE("log_det_ratio_variance", null, "variance of log_det_ratio over runs", 0,
      Double.POSITIVE_INFINITY),
  /** E det Σ_m/det Σ_0 (Gaussian, d &gt; 1). */
  DET_RATIO("det_ratio", CheckKind.EXACT, "mean of det_ratio per generation", 0, Double.POSITIVE_INFINITY),
  RATE("rate", CheckKind.EXACT, "mean of rate per generation", 0, Double.POSITIVE_INFINITY),
  /** P(λ_m ≠ 0), against 1 − the mean of rate_zero (Clopper–Pearson). */
  RATE_ALIVE("rate_alive", CheckKind.EXACT, "share of runs with rate > 0 (1 - rate_zero_mean)", 0, 1),
  ET_WALD("ET_wald", CheckKind.LOWER_BOUND, "mean of T_eps, or the restricted mean under censoring", 1,
      Double.POSITIVE_INFINITY),
  ET_INVERSE_GAUSSIAN("ET_inverse_gaussian", CheckKind.APPROXIMATION, "mean of T_eps (no censored run)", 1,
      Double.POSITIVE_INFINITY),
  /** The inverse-Gaussian approximation's sd of T_ε (informational). */
  SD_T_INVERSE_GAUSSIAN("sd_T_inverse_gaussian", null, "sd of T_eps over runs", 0, Double.POSITIVE_INFINITY);

  private final String quantity;
  private final CheckKind kind;
  private final String empirical;
  private final double minPossible;
  private final double maxPossible;

  TheoryQuantity(String quantity, CheckKind kind, String empirical, double minPossible, double maxPossible) {
    this.quantity = quantity;
    this.kind = kind;
    this.empirical = empirical;
    this.minPossible = minPossible;
    this.maxPossible = maxPossible;
  }

  /** The name in the {@code quantity} column. */
  public String quantity() {
    return quantity;
  }

  /** The check kind, or empty for an informational row. */
  public Optional<CheckKind> kind() {
    return Optional.ofNullable(kind);
  }

  /** The empirical quantity it is compared with, in words. */
  public String empirical() {
    return empirical;
  }

  /** The smallest possible value of the empirical quantity (a lower bound at or below it is vacuous). */
  public double minPossible() {
    return minPossible;
  }

  /** The largest possible value of the empirical quantity (an upper bound at or above it is vacuous). */
  public double maxPossible() {
    return maxPossible;
  }

  /** The row name of {@link #ABSORB_PROB} for a vocabulary token. */
  public static String absorbProb(int token) {
    return ABSORB_PROB.quantity + "[" + token + "]";
  }

  /** The quantity of a {@code quantity} column value ({@code absorb_prob[17]} → {@link #ABSORB_PROB}). */
  public static Optional<TheoryQuantity> of(String name) {
    int bracket = name.indexOf('[');
    String base = bracket < 0 ? name : name.substring(0, bracket);
    for (TheoryQuantity q : values()) {
      if (q.quantity.equals(base)) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }
}
