package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.collapsefarm.context.Context;
import org.collapsefarm.stats.ApproximationCheck;
import org.collapsefarm.stats.BoundCheck;
import org.collapsefarm.stats.CheckKind;
import org.collapsefarm.stats.CheckResult;
import org.collapsefarm.stats.ChiSquareGoodnessOfFit;
import org.collapsefarm.stats.Estimate;
import org.collapsefarm.stats.ExactFormulaCheck;
import org.collapsefarm.stats.Intervals;
import org.collapsefarm.stats.KaplanMeier;
import org.collapsefarm.stats.Verdict;
import org.collapsefarm.theory.Proposition1;
import org.collapsefarm.theory.TheoryQuantity;

/**
 * The checks on the collapse time T of the fully synthetic recursion ([S] Theorem 1 eq. 7–8, the
 * Wright–Fisher diffusion, the exact chain, [S] Proposition 1), by the rules of MATH.md §5.
 *
 * <p>Probabilities (ρ_m, P(T > k)) get Clopper–Pearson intervals, not the Wilson intervals MATH.md
 * §5 names: these curves end in a tail where 0 to 3 of R runs survive, and there Wilson's lower limit
 * for 1 survivor lies above the exact one — measured on 400 groups of 1000 kernel runs (fully
 * synthetic, n = 10, M = 200), the true eq. 7 bound on P(T > k) came out "violated" in 2.25% of
 * groups, each time by a single survivor past m ≈ 110. The exact interval cannot do that more often
 * than α.
 *
 * <p>Censoring: every run of a group is followed to the same cap M, so a run is censored only at M
 * and the Kaplan–Meier {@code P(T > k)} for k <= M is exactly the proportion of runs with T > k, a
 * binomial proportion. The mean of T exists only without
 * censoring; with censoring only the restricted mean {@code E[min(T, M)] <= E[T]} is known, which can
 * show an upper bound violated but never a lower bound or an equality.
 */
final class CollapseChecks {
  /**
   * The Wright–Fisher diffusion overestimates E[T] by about (ln n)/3 generations (measured against
   * the exact chain, see {@code WrightFisher}); the tolerance adds one generation of slack to that.
   */
  static final double DIFFUSION_SLACK_GENERATIONS = 1.0;
  /**
   * Largest censored share at which Proposition 1 is still tested on the collapsed runs alone:
   * conditioning on collapse by M changes the absorbing token's law by at most the censored share in
   * total variation, far below what the chi-square can detect with R runs at this share.
   */
  static final double MAX_CENSORED_SHARE_FOR_CHI_SQUARE = 0.01;
  /** The check name of [S] Proposition 1's chi-square test (the theory rows are {@code absorb_prob[token]}). */
  static final String PROP1 = "prop1_chi_square";
  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private CollapseChecks() {}

  /** rho_lower / rho_upper: ρ_m = collapsed_fraction of generation_stats, Clopper–Pearson, Bonferroni over m. */
  static ComparisonRow rho(GroupInput in, TheoryQuantity q) {
    List<long[]> counts = new ArrayList<>(); // {m, collapsed, runs}
    List<Double> bounds = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : in.curve(q.quantity()).entrySet()) {
      GenerationMoments g = in.stats().get(e.getKey());
      if (e.getKey() >= 1 && g != null && g.runs() >= 1) {
        counts.add(new long[] {e.getKey(), g.collapsed(), g.runs()});
        bounds.add(e.getValue());
      }
    }
    return bound(in, q, counts, bounds, "collapsed_fraction rho_m (generation_stats)");
  }

  /** survival_lower / survival_upper: P(T > k) from the runs (KM = proportion, see the class comment). */
  static ComparisonRow survival(GroupInput in, TheoryQuantity q) {
    List<long[]> counts = new ArrayList<>();
    List<Double> bounds = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : in.curve(q.quantity()).entrySet()) {
      if (e.getKey() >= 1 && e.getKey() <= in.maxGenerations() && !in.runs().isEmpty()) {
        counts.add(new long[] {e.getKey(), survivors(in, e.getKey()), in.runs().size()});
        bounds.add(e.getValue());
      }
    }
    return bound(in, q, counts, bounds,
        "Kaplan-Meier P(T > k) from runs (= the proportion with T > k: censoring only at the cap M)");
  }

  private static ComparisonRow bound(
      GroupInput in, TheoryQuantity q, List<long[]> counts, List<Double> bounds, String empirical) {
    CheckKind kind = q.kind().orElseThrow();
    if (counts.isEmpty()) {
      return notApplicable(in, q.quantity(), kind, "no generation with both a " + q.quantity() + " row and runs");
    }
    int k = counts.size();
    List<BoundCheck.Point> points = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      long[] c = counts.get(i);
      double[] ci = ProbabilityCurveCheck.clopperPearson(c[1], c[2], Intervals.ALPHA / k);
      points.add(new BoundCheck.Point((int) c[0], c[1] / (double) c[2], ci[0], ci[1], bounds.get(i)));
    }
    String note = String.format(Locale.ROOT, "Clopper-Pearson intervals at level 1 - alpha/k, alpha = %s, "
        + "Bonferroni over k = %d generations", Intervals.ALPHA, k);
    CheckResult r = BoundCheck.check(kind, points, q.minPossible(), q.maxPossible(), note, "");
    return row(in, q.quantity(), r, empirical + " vs " + in.source(q.quantity()) + ": " + r.detail(),
        generationOf(points, r), null, k);
  }

  /** survival_exact: the exact chain's P(T > k) against the proportions, Clopper–Pearson, Bonferroni over k. */
  static ComparisonRow survivalExact(GroupInput in) {
    String name = TheoryQuantity.SURVIVAL_EXACT.quantity();
    List<ProbabilityCurveCheck.Point> points = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : in.curve(name).entrySet()) {
      if (e.getKey() >= 1 && e.getKey() <= in.maxGenerations() && !in.runs().isEmpty()) {
        points.add(new ProbabilityCurveCheck.Point(e.getKey(), survivors(in, e.getKey()), in.runs().size(),
            e.getValue()));
      }
    }
    if (points.isEmpty()) {
      return notApplicable(in, name, CheckKind.EXACT, "no generation with both a survival_exact row and runs");
    }
    ProbabilityCurveCheck.Outcome o = ProbabilityCurveCheck.check(points, Intervals.ALPHA);
    return row(in, name, o.result(), "proportion of runs with T > k vs " + in.source(name) + ": "
        + o.result().detail(), o.generation(), o.zScore(), o.comparisons());
  }

  /** ET_lower / ET_upper ([S] eq. 8): plain mean of T; under censoring the upper bound via the restricted mean. */
  static ComparisonRow expectedTimeBound(GroupInput in, TheoryQuantity q) {
    CheckKind kind = q.kind().orElseThrow();
    OptionalDouble bound = in.scalar(q.quantity());
    if (bound.isEmpty()) {
      return notApplicable(in, q.quantity(), kind, "no " + q.quantity() + " row in the theory table");
    }
    if (in.runs().size() < 2) {
      return notApplicable(in, q.quantity(), kind, "fewer than 2 runs");
    }
    long censored = in.censoredCount();
    Estimate e;
    String what;
    if (censored == 0) {
      e = Intervals.mean(times(in), Intervals.Z95);
      what = "plain mean of T over " + in.runs().size() + " runs (none censored), 95% normal interval";
    } else if (kind == CheckKind.UPPER_BOUND) {
      KaplanMeier km = km(in);
      double rm = km.restrictedMean(in.maxGenerations());
      double se = km.restrictedMeanStandardError(in.maxGenerations());
      e = new Estimate(rm, se, rm - Intervals.Z95 * se, rm + Intervals.Z95 * se, in.runs().size());
      what = String.format(Locale.ROOT, "restricted mean E[min(T, M)] (M = %d, %d of %d runs censored; it is <= E[T], "
          + "so only a violation is conclusive), 95%% interval with Greenwood-type SE", in.maxGenerations(), censored,
          in.runs().size());
    } else {
      return notApplicable(in, q.quantity(), kind, String.format(Locale.ROOT,
          "%d of %d runs censored at M = %d: the plain mean of T does not exist and the restricted mean "
              + "E[min(T, M)] <= E[T] cannot show a lower bound violated", censored, in.runs().size(),
          in.maxGenerations()));
    }
    List<BoundCheck.Point> points = List.of(new BoundCheck.Point(0, e.value(), e.low(), e.high(), bound.getAsDouble()));
    CheckResult r = BoundCheck.check(kind, points, q.minPossible(), q.maxPossible(), "95% interval, one comparison", "");
    String verdictText = String.format(Locale.ROOT, "interval [%.6g, %.6g] vs %s %.6g: %s (violated only when the "
        + "interval lies wholly %s it); empirical/bound = %.4g", e.low(), e.high(), kind.word(), bound.getAsDouble(),
        r.verdict().word(), kind == CheckKind.UPPER_BOUND ? "above" : "below", e.value() / bound.getAsDouble());
    return row(in, q.quantity(), r, what + " vs " + in.source(q.quantity()) + ": " + verdictText, null, null, 1);
  }

  /** ET_diffusion: an approximation with tolerance (ln n)/3 + 1 generations; needs the plain mean. */
  static ComparisonRow diffusion(GroupInput in) {
    String name = TheoryQuantity.ET_DIFFUSION.quantity();
    OptionalDouble approx = in.scalar(name);
    if (approx.isEmpty()) {
      return notApplicable(in, name, CheckKind.APPROXIMATION, "no ET_diffusion row in the theory table");
    }
    String why = plainMeanMissing(in);
    if (why != null) {
      return notApplicable(in, name, CheckKind.APPROXIMATION, why);
    }
    int n = in.spec().n();
    double tolerance = Math.log(n) / 3.0 + DIFFUSION_SLACK_GENERATIONS;
    Estimate e = Intervals.mean(times(in), Intervals.Z95);
    CheckResult r = ApproximationCheck.check(e, approx.getAsDouble(), tolerance, Intervals.Z95,
        "(ln n)/3 + 1 generations: the diffusion's measured overestimate of E[T] against the exact chain, plus 1");
    return row(in, name, r, "plain mean of T vs " + in.source(name) + ": " + r.detail(), null, null, 1);
  }

  /** ET_exact: the exact chain's E[T] against the plain mean of T (z test, one comparison). */
  static ComparisonRow expectedTimeExact(GroupInput in) {
    String name = TheoryQuantity.ET_EXACT.quantity();
    OptionalDouble exact = in.scalar(name);
    if (exact.isEmpty()) {
      return notApplicable(in, name, CheckKind.EXACT, exactChainMissing(in));
    }
    String why = plainMeanMissing(in);
    if (why != null) {
      return notApplicable(in, name, CheckKind.EXACT, why);
    }
    Estimate e = Intervals.mean(times(in), 1.0);
    ExactFormulaCheck.Point p = new ExactFormulaCheck.Point(0, e.value(), e.se(), in.runs().size(), exact.getAsDouble());
    // T ranges over [1, M]: the span for the rule used when every run has the same T.
    CheckResult r = ExactFormulaCheck.check(List.of(p), Math.max(1, in.maxGenerations() - 1), Intervals.ALPHA);
    Double z = e.se() > 0 ? Math.abs(e.value() - exact.getAsDouble()) / e.se() : null;
    String how = z == null ? r.detail() : String.format(Locale.ROOT,
        "|mean - E[T]| / SE = %.3g (SE %.4g over %d runs), consistent when <= z* = %.3f (alpha = %s, one comparison)",
        z, e.se(), in.runs().size(), Intervals.Z95, Intervals.ALPHA);
    return row(in, name, r, "plain mean of T vs " + in.source(name) + ": " + how, null, z, 1);
  }

  /** [S] Proposition 1: chi-square of the absorbing tokens against p (the theory's absorb_prob rows). */
  static ComparisonRow proposition1(GroupInput in) {
    String name = PROP1;
    Context c = in.context();
    double[] probs = new double[c.support()];
    for (int i = 0; i < probs.length; i++) {
      OptionalDouble p = in.scalar(TheoryQuantity.absorbProb(c.token(i)));
      if (p.isEmpty()) {
        return notApplicable(in, name, CheckKind.EXACT, "no absorb_prob rows in the theory table");
      }
      probs[i] = p.getAsDouble();
    }
    long censored = in.censoredCount();
    int runs = in.runs().size();
    if (runs == 0) {
      return notApplicable(in, name, CheckKind.EXACT, "no runs");
    }
    if (censored > MAX_CENSORED_SHARE_FOR_CHI_SQUARE * runs) {
      return notApplicable(in, name, CheckKind.EXACT, String.format(Locale.ROOT,
          "%d of %d runs censored (> %.0f%%): the absorbing tokens of the collapsed runs alone are biased "
              + "towards fast-fixing tokens, so the chi-square would not test Prop. 1", censored, runs,
          100 * MAX_CENSORED_SHARE_FOR_CHI_SQUARE));
    }
    long[] observed = new long[probs.length];
    for (RunOutcome r : in.runs()) {
      if (r.censored()) {
        continue;
      }
      int i = java.util.Arrays.binarySearch(c.tokens(), r.absorbingToken());
      if (i < 0) {
        CheckResult v = new CheckResult(Verdict.VIOLATED, CheckKind.EXACT, Double.NaN, Double.NaN, Double.NaN,
            0.0, Double.NaN, "replicate " + r.replicate() + " was absorbed at token " + r.absorbingToken()
                + ", outside the support of p^(0), where Prop. 1 gives probability 0");
        return row(in, name, v, v.detail(), null, null, 1);
      }
      observed[i]++;
    }
    CheckResult r = ChiSquareGoodnessOfFit.check(observed, probs, Intervals.ALPHA);
    String scope = censored == 0
        ? "absorbing tokens of all " + runs + " runs (none censored)"
        : String.format(Locale.ROOT, "absorbing tokens of the %d collapsed runs, conditioned on collapse by M "
            + "(%d of %d censored, <= %.0f%%)", runs - censored, censored, runs, 100 * MAX_CENSORED_SHARE_FOR_CHI_SQUARE);
    Double z = null;
    if (r.verdict() != Verdict.NOT_APPLICABLE) {
      double p = ChiSquareGoodnessOfFit.test(observed, probs).pValue();
      z = STANDARD.inverseSurvivalProbability(Math.max(p, Double.MIN_NORMAL) / 2);
    }
    return row(in, name, r, scope + " vs " + Proposition1.SOURCE
        + " (empirical = statistic, theory = its null mean df; z_score = the normal z of the p-value): " + r.detail(),
        null, z, 1);
  }

  /** Why the plain mean of T is not available, or null when it is. */
  private static String plainMeanMissing(GroupInput in) {
    if (in.runs().size() < 2) {
      return "fewer than 2 runs";
    }
    long censored = in.censoredCount();
    if (censored > 0) {
      return String.format(Locale.ROOT, "%d of %d runs censored at M = %d: the mean of T is unknown (only the "
          + "restricted mean E[min(T, M)], which is not E[T])", censored, in.runs().size(), in.maxGenerations());
    }
    return null;
  }

  static String exactChainMissing(GroupInput in) {
    return String.format(Locale.ROOT, "exact chain not computed: n = %d, s~ = %d gives C(n+s~-1, s~-1) states "
        + "beyond the guard (%d states, n <= %d)", in.spec().n(), in.context().support(),
        org.collapsefarm.theory.ExactChain.MAX_STATES, org.collapsefarm.theory.ExactChain.MAX_N);
  }

  private static long survivors(GroupInput in, int k) {
    return in.runs().stream().filter(r -> r.censored() || r.collapseTime() > k).count();
  }

  private static double[] times(GroupInput in) {
    return in.runs().stream().mapToDouble(r -> r.collapseTime()).toArray();
  }

  private static KaplanMeier km(GroupInput in) {
    int[] t = new int[in.runs().size()];
    boolean[] c = new boolean[t.length];
    for (int i = 0; i < t.length; i++) {
      RunOutcome r = in.runs().get(i);
      c[i] = r.censored();
      t[i] = r.censored() ? in.maxGenerations() : r.collapseTime();
    }
    return new KaplanMeier(t, c);
  }

  static Integer generationOf(List<BoundCheck.Point> points, CheckResult r) {
    if (points.size() == 1 && points.get(0).generation() == 0) {
      return null;
    }
    return points.stream()
        .filter(p -> p.estimate() == r.empirical() && p.bound() == r.theory() && p.low() == r.ciLow())
        .map(BoundCheck.Point::generation)
        .findFirst()
        .orElse(null);
  }

  static ComparisonRow row(
      GroupInput in, String name, CheckResult r, String detail, Integer generation, Double z, int comparisons) {
    CheckResult d = new CheckResult(r.verdict(), r.kind(), r.empirical(), r.ciLow(), r.ciHigh(), r.theory(),
        r.tightness(), detail);
    String source = name.equals(PROP1) ? Proposition1.SOURCE : in.source(name);
    return ComparisonRow.of(in.groupId(), name, source, d, generation, z, comparisons);
  }

  static ComparisonRow notApplicable(GroupInput in, String name, CheckKind kind, String reason) {
    String source = name.equals(PROP1) ? Proposition1.SOURCE : in.source(name);
    return ComparisonRow.of(in.groupId(), name, source, CheckResult.notApplicable(kind, Double.NaN, reason),
        null, null, 0);
  }
}
