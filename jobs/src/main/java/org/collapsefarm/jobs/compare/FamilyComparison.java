package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.collapsefarm.family.Estimator;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.stats.ApproximationCheck;
import org.collapsefarm.stats.BoundCheck;
import org.collapsefarm.stats.CheckKind;
import org.collapsefarm.stats.CheckResult;
import org.collapsefarm.stats.Estimate;
import org.collapsefarm.stats.ExactFormulaCheck;
import org.collapsefarm.stats.Intervals;
import org.collapsefarm.theory.GaussianReplace;
import org.collapsefarm.theory.TheoryQuantity;

/**
 * The {@code comparison} rows of a model family's group (MATH.md §7, §5): which checks belong to its
 * family and paradigm, each judged like the categorical ones — an exact formula by {@link
 * ExactFormulaCheck} at every compared generation with Bonferroni over them (family-wise α = 0.05), a
 * probability by Clopper–Pearson intervals, a bound by {@link BoundCheck}, an approximation by
 * {@link ApproximationCheck} with its error scale. The set of checks depends on the family and the
 * paradigm alone; one that cannot be judged is a {@code not-applicable} row with the reason.
 *
 * <p>Every mean is judged with the skewness of its runs' values removed (Hall's transformation, {@link
 * ExactFormulaCheck}; Σx³ is in generation_stats): squared errors and variance ratios are right-skewed,
 * and the plain z rejected true formulas at up to 2.6 times α (README, the measured false-alarm rates).
 *
 * <p>Where a mean is compared (MATH.md: "use log-moments, not Var σ²_m, at large m"):
 * <ul>
 *   <li>{@code log_var} at every generation: ln σ²_m is a sum of m independent log-χ² steps;
 *   <li>{@code var_ratio}, and for the unbiased estimator {@code mean_sq_error} and {@code w2_sq}, only
 *       while Var ln σ²_m = m ψ′((n−1)/2) ≤ {@link #LOG_VARIANCE_LIMIT}: σ²_m is log-normal-tailed, and
 *       beyond that the mean of R runs is carried by a few runs and is not near normal (the MLE's μ_m
 *       and σ_m have bounded variance, so its mean_sq_error and w2_sq are compared at every m);
 *   <li>real anchor: up to generation {@link #ANCHOR_GENERATIONS} (MATH.md: σ² then has a heavy,
 *       about inverse-gamma right tail; check the recursion at finite m);
 *   <li>Poisson {@code rate} while at least {@link #MIN_ALIVE_RUNS} runs are expected alive (R·P(λ_m ≠ 0))
 *       and {@code mean_sq_error} (Var λ_m) while at least {@link #MIN_ALIVE_RUNS_SQUARED} are: the
 *       means are carried by the surviving runs; {@code rate_alive} = P(λ_m ≠ 0) by exact binomial
 *       intervals at every m.
 * </ul>
 */
final class FamilyComparison {
  static final double LOG_VARIANCE_LIMIT = 1.0;
  static final int ANCHOR_GENERATIONS = 10;
  static final double MIN_ALIVE_RUNS = 50;
  /** (λ_m − λ_0)² is far more skewed than λ_m: its mean is compared only with this many runs alive. */
  static final double MIN_ALIVE_RUNS_SQUARED = 200;
  /** The name of the row of a paradigm without closed forms. */
  static final String NO_CLOSED_FORM = GroupComparison.NO_CLOSED_FORM;

  private FamilyComparison() {}

  /** The rows of one group, in a fixed order. */
  static List<ComparisonRow> rows(GroupInput in, FamilySpec model, List<FamilyMoments> stats) {
    NavigableMap<Integer, FamilyMoments> byGeneration = new TreeMap<>();
    stats.forEach(s -> byGeneration.put(s.generation(), s));
    ParadigmSpec spec = in.spec();
    boolean replace = spec.paradigm() == Paradigm.FULLY_SYNTHETIC
        || (spec.paradigm() == Paradigm.MOST_RECENT && spec.window() == 1);
    boolean anchored = spec.realAnchor() > 0;
    List<ComparisonRow> rows = new ArrayList<>();
    String blocked = in.runs().isEmpty() ? "no runs of this group in the runs table" : null;
    if (FamilySpec.POISSON.equals(model.family())) {
      if (!replace || anchored) {
        rows.add(noClosedForm(in, spec));
        return rows;
      }
      double[] alive = aliveCurve(in);
      IntPredicate enoughAlive = m -> alive.length > m && in.runs().size() * alive[m] >= MIN_ALIVE_RUNS;
      IntPredicate manyAlive = m -> alive.length > m && in.runs().size() * alive[m] >= MIN_ALIVE_RUNS_SQUARED;
      rows.add(mean(in, TheoryQuantity.RATE, byGeneration, enoughAlive, blocked,
          "generations with at least " + (int) MIN_ALIVE_RUNS + " runs expected alive"));
      rows.add(mean(in, TheoryQuantity.MEAN_SQ_ERROR, byGeneration, manyAlive, blocked,
          "generations with at least " + (int) MIN_ALIVE_RUNS_SQUARED + " runs expected alive"));
      rows.add(rateAlive(in, byGeneration, blocked));
      return rows;
    }
    boolean unbiased = model.estimator() == Estimator.UNBIASED;
    if (replace && !anchored && model.dimension() > 1) {
      rows.addAll(replaceInDimensions(in, model, byGeneration, blocked));
      return rows;
    }
    if (replace && !anchored) {
      NavigableMap<Integer, Double> logVariance = in.curve(TheoryQuantity.LOG_VAR_VARIANCE.quantity());
      IntPredicate lightTail = m -> logVariance.containsKey(m) && logVariance.get(m) <= LOG_VARIANCE_LIMIT;
      String lightNote = "generations with Var ln sigma^2_m <= " + LOG_VARIANCE_LIMIT;
      rows.add(mean(in, TheoryQuantity.VAR_RATIO, byGeneration, lightTail, blocked, lightNote));
      rows.add(mean(in, TheoryQuantity.LOG_VAR, byGeneration, m -> true, blocked, "every generation"));
      rows.add(mean(in, TheoryQuantity.MEAN_SQ_ERROR, byGeneration, unbiased ? lightTail : m -> true, blocked,
          unbiased ? lightNote : "every generation"));
      rows.add(mean(in, TheoryQuantity.W2_SQ, byGeneration, unbiased ? lightTail : m -> true, blocked,
          unbiased ? lightNote : "every generation"));
      rows.add(waldBound(in, blocked));
      rows.add(inverseGaussian(in, model, blocked));
      return rows;
    }
    boolean moments = replace || (!anchored && (spec.paradigm() == Paradigm.ACCUMULATE
        || spec.paradigm() == Paradigm.PARTIALLY_SYNTHETIC));
    if (!moments) {
      rows.add(noClosedForm(in, spec));
      return rows;
    }
    IntPredicate window = replace ? m -> m <= ANCHOR_GENERATIONS : m -> true;
    String note = replace ? "generations m <= " + ANCHOR_GENERATIONS + " (heavy-tailed sigma^2 later)" : "every generation";
    rows.add(mean(in, TheoryQuantity.VAR_RATIO, byGeneration, window, blocked, note));
    rows.add(mean(in, TheoryQuantity.MEAN_SQ_ERROR, byGeneration, window, blocked, note));
    return rows;
  }

  /**
   * Fully synthetic in d &gt; 1 dimensions: var_ratio (E tr Σ_m), mean_sq_error, det_ratio and, for n &gt; d,
   * log_det_ratio. The heavy-tailed means (var_ratio, det_ratio, and the unbiased estimator's
   * mean_sq_error) are compared while one coordinate's Var ln σ²_m = m ψ′((n−1)/2) ≤ {@link
   * #LOG_VARIANCE_LIMIT} (det_ratio: while Var ln det Σ_m ≤ the limit), as in one dimension; ln det Σ_m is a
   * sum of independent log-χ² steps and is compared at every generation.
   */
  private static List<ComparisonRow> replaceInDimensions(GroupInput in, FamilySpec model,
      NavigableMap<Integer, FamilyMoments> byGeneration, String blocked) {
    int n = in.spec().n();
    int d = model.dimension();
    double coordinateStep = new GaussianReplace(1.0, n, model.estimator()).stepVariance();
    IntPredicate lightTail = m -> m * coordinateStep <= LOG_VARIANCE_LIMIT;
    String lightNote = "generations with m psi'((n-1)/2) <= " + LOG_VARIANCE_LIMIT;
    boolean unbiased = model.estimator() == Estimator.UNBIASED;
    List<ComparisonRow> rows = new ArrayList<>();
    rows.add(mean(in, TheoryQuantity.VAR_RATIO, byGeneration, lightTail, blocked, lightNote));
    rows.add(mean(in, TheoryQuantity.MEAN_SQ_ERROR, byGeneration, unbiased ? lightTail : m -> true, blocked,
        unbiased ? lightNote : "every generation"));
    String singular = String.format(Locale.ROOT, "Sigma_m is singular for n <= d (n = %d, d = %d; rank n - 1): "
        + "ln det = -infinity and det = 0 at every m >= 1", n, d);
    if (n > d) {
      NavigableMap<Integer, Double> logDetVariance = in.curve(TheoryQuantity.LOG_DET_RATIO_VARIANCE.quantity());
      IntPredicate detWindow = m -> logDetVariance.containsKey(m) && logDetVariance.get(m) <= LOG_VARIANCE_LIMIT;
      rows.add(mean(in, TheoryQuantity.DET_RATIO, byGeneration, detWindow, blocked,
          "generations with Var ln det Sigma_m <= " + LOG_VARIANCE_LIMIT));
      rows.add(mean(in, TheoryQuantity.LOG_DET_RATIO, byGeneration, m -> true, blocked, "every generation"));
    } else {
      rows.add(mean(in, TheoryQuantity.DET_RATIO, byGeneration, m -> true, blocked, "every generation (" + singular + ")"));
      rows.add(CollapseChecks.notApplicable(in, TheoryQuantity.LOG_DET_RATIO.quantity(), CheckKind.EXACT, singular));
    }
    rows.add(CollapseChecks.notApplicable(in, TheoryQuantity.W2_SQ.quantity(), CheckKind.EXACT,
        "MATH.md 7 has no closed form for E W2^2 in d > 1 dimensions"));
    String notWalk = "ln tr Sigma_m is not a random walk in d > 1 dimensions: MATH.md 7's T_eps forms are for d = 1";
    rows.add(CollapseChecks.notApplicable(in, TheoryQuantity.ET_WALD.quantity(), CheckKind.LOWER_BOUND, notWalk));
    rows.add(CollapseChecks.notApplicable(in, TheoryQuantity.ET_INVERSE_GAUSSIAN.quantity(), CheckKind.APPROXIMATION,
        notWalk));
    return rows;
  }

  private static ComparisonRow noClosedForm(GroupInput in, ParadigmSpec spec) {
    String reason = spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE
        ? "MATH.md 7 has no closed form for accumulate-subsample (reference values by simulation only)"
        : "MATH.md 7 has no closed form for " + spec.paradigm().configName()
            + (spec.realAnchor() > 0 ? " with a real anchor" : "") + " in this family";
    return CollapseChecks.notApplicable(in, NO_CLOSED_FORM, CheckKind.EXACT, reason);
  }

  /** An exact per-generation formula for the mean of the measurement of the same name. */
  private static ComparisonRow mean(GroupInput in, TheoryQuantity q, NavigableMap<Integer, FamilyMoments> stats,
      IntPredicate compared, String blocked, String which) {
    String name = q.quantity();
    if (blocked != null) {
      return CollapseChecks.notApplicable(in, name, CheckKind.EXACT, blocked);
    }
    NavigableMap<Integer, Double> curve = in.curve(name);
    if (curve.isEmpty()) {
      return CollapseChecks.notApplicable(in, name, CheckKind.EXACT, "no " + name + " rows in the theory table");
    }
    List<ExactFormulaCheck.Point> points = new ArrayList<>();
    double range = 0;
    for (Map.Entry<Integer, Double> e : curve.entrySet()) {
      FamilyMoments g = stats.get(e.getKey());
      if (e.getKey() >= 1 && g != null && compared.test(e.getKey())) {
        Estimate s = g.mean(name, 1.0);
        points.add(new ExactFormulaCheck.Point(e.getKey(), s.value(), s.se(), g.runs(), e.getValue(),
            g.skewness(name)));
        range = Math.max(range, Math.abs(e.getValue()));
      }
    }
    if (points.isEmpty()) {
      return CollapseChecks.notApplicable(in, name, CheckKind.EXACT, "no generation to compare among the " + which);
    }
    // The span for the rule used when every run gave the same value: the formula's own scale.
    CheckResult r = ExactFormulaCheck.check(points, Math.max(range, 1e-300), Intervals.ALPHA);
    ExactFormulaCheck.Point worst = points.stream()
        .filter(p -> p.mean() == r.empirical() && p.formula() == r.theory()).findFirst().orElse(null);
    Double z = worst != null && worst.se() > 0 ? Math.abs(worst.z()) : null;
    String detail = "mean of " + name + " (generation_stats) vs " + in.source(name) + " at the " + which
        + " of the theory grid; " + r.detail();
    int k = (int) points.stream().filter(p -> p.runs() >= 2).count();
    return CollapseChecks.row(in, name, r, detail, worst == null ? null : worst.generation(), z, k);
  }

  private static double[] aliveCurve(GroupInput in) {
    NavigableMap<Integer, Double> c = in.curve(TheoryQuantity.RATE_ALIVE.quantity());
    double[] out = new double[c.isEmpty() ? 0 : c.lastKey() + 1];
    c.forEach((m, v) -> out[m] = v);
    return out;
  }

  /** P(λ_m ≠ 0) against the share of runs with rate > 0, exact binomial intervals. */
  private static ComparisonRow rateAlive(GroupInput in, NavigableMap<Integer, FamilyMoments> stats, String blocked) {
    String name = TheoryQuantity.RATE_ALIVE.quantity();
    if (blocked != null) {
      return CollapseChecks.notApplicable(in, name, CheckKind.EXACT, blocked);
    }
    List<ProbabilityCurveCheck.Point> points = new ArrayList<>();
    in.curve(name).forEach((m, p) -> {
      FamilyMoments g = stats.get(m);
      if (m >= 1 && g != null) {
        long dead = Math.round(g.sum("rate_zero"));
        points.add(new ProbabilityCurveCheck.Point(m, g.runs() - dead, g.runs(), p));
      }
    });
    ProbabilityCurveCheck.Outcome o = ProbabilityCurveCheck.check(points, Intervals.ALPHA);
    return CollapseChecks.row(in, name, o.result(), "share of runs with rate > 0 vs " + in.source(name) + ": "
        + o.result().detail(), o.generation(), o.zScore(), o.comparisons());
  }

  /** Collapse times T_ε of the runs, or null when some run is censored (the plain mean does not exist). */
  private static Estimate plainMeanOfT(GroupInput in) {
    if (in.runs().size() < 2 || in.censoredCount() > 0) {
      return null;
    }
    double[] t = in.runs().stream().mapToDouble(r -> r.collapseTime()).toArray();
    return Intervals.mean(t, Intervals.Z95);
  }

  private static String noPlainMean(GroupInput in) {
    return in.runs().size() < 2 ? "fewer than 2 runs" : String.format(Locale.ROOT,
        "%d of %d runs censored at M = %d: the plain mean of T_eps does not exist (raise max-generations)",
        in.censoredCount(), in.runs().size(), in.maxGenerations());
  }

  /** Wald's lower bound on E T_ε. */
  private static ComparisonRow waldBound(GroupInput in, String blocked) {
    TheoryQuantity q = TheoryQuantity.ET_WALD;
    OptionalDouble bound = in.scalar(q.quantity());
    Estimate e = blocked == null ? plainMeanOfT(in) : null;
    if (blocked != null || bound.isEmpty() || e == null) {
      return CollapseChecks.notApplicable(in, q.quantity(), CheckKind.LOWER_BOUND,
          blocked != null ? blocked : bound.isEmpty() ? "no ET_wald row in the theory table" : noPlainMean(in));
    }
    List<BoundCheck.Point> points = List.of(new BoundCheck.Point(0, e.value(), e.low(), e.high(), bound.getAsDouble()));
    CheckResult r = BoundCheck.check(CheckKind.LOWER_BOUND, points, q.minPossible(), q.maxPossible(),
        "95% interval, one comparison", "");
    return CollapseChecks.row(in, q.quantity(), r, String.format(Locale.ROOT, "plain mean of T_eps over %d runs, "
        + "interval [%.6g, %.6g] vs %s %.6g (violated only when the interval lies wholly below it); "
        + "empirical/bound = %.4g", in.runs().size(), e.low(), e.high(), in.source(q.quantity()), bound.getAsDouble(),
        e.value() / bound.getAsDouble()), null, null, 1);
  }

  /**
   * The inverse-Gaussian approximation of E T_ε (its mean is Wald's value): an approximation whose
   * error is the overshoot of ln σ² below ln ε σ_0², which Lorden's inequality bounds by E[S²]/|E S|
   * for the step S, i.e. by (v_s + μ_s²)/μ_s² generations — the tolerance.
   */
  private static ComparisonRow inverseGaussian(GroupInput in, FamilySpec model, String blocked) {
    String name = TheoryQuantity.ET_INVERSE_GAUSSIAN.quantity();
    OptionalDouble approx = in.scalar(name);
    Estimate e = blocked == null ? plainMeanOfT(in) : null;
    if (blocked != null || approx.isEmpty() || e == null) {
      return CollapseChecks.notApplicable(in, name, CheckKind.APPROXIMATION,
          blocked != null ? blocked : approx.isEmpty() ? "no " + name + " row in the theory table" : noPlainMean(in));
    }
    GaussianReplace g = new GaussianReplace(model.variance(), in.spec().n(), model.estimator());
    double mu = g.stepMean();
    double tolerance = (g.stepVariance() + mu * mu) / (mu * mu);
    CheckResult r = ApproximationCheck.check(e, approx.getAsDouble(), tolerance, Intervals.Z95,
        "Lorden's bound on the overshoot, (v_s + mu_s^2)/mu_s^2 generations");
    return CollapseChecks.row(in, name, r, "plain mean of T_eps vs " + in.source(name) + " (an approximation): "
        + r.detail(), null, null, 1);
  }
}
