package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.collapsefarm.stats.BoundCheck;
import org.collapsefarm.stats.CheckKind;
import org.collapsefarm.stats.CheckResult;
import org.collapsefarm.stats.Estimate;
import org.collapsefarm.stats.Intervals;
import org.collapsefarm.theory.SeddikTheorem3;
import org.collapsefarm.theory.SeddikTheorem4;
import org.collapsefarm.theory.TheoryQuantity;
import org.collapsefarm.theory.TheoryRows;

/**
 * [S] Theorems 3 and 4 (MATH.md §4): an upper bound, the same for every m >= 2, on
 * {@code E‖p^(m) − p^(1)‖_1}, against the mean of {@code l1_p1} in {@code generation_stats} at the
 * generations m >= 2 of the theory grid (normal intervals, Bonferroni over those generations). A
 * bound at or above 2, the largest possible L1 distance, is vacuous; the detail then gives the factor
 * in log10 (the bound itself may overflow a double) and the smallest informative N.
 *
 * <p>Theorem 4 needs E[λ_1]. When the theory table has it exactly ({@code E_lambda1}) its bound rows
 * are used. Otherwise it is estimated from the runs' own λ_1 of p^(1) (the {@code lambda1} column):
 * the bound grows with E[λ_1] (φ decreases towards 1/2), so the bound is evaluated at the upper end of
 * the estimate's 95% interval — a bound that still holds with 95% confidence; with no λ_1 recorded it
 * falls back to E[λ_1] <= 1/4, where Theorem 4 equals Theorem 3, and says so.
 */
final class PartiallySyntheticChecks {
  private static final double LOG10 = Math.log(10);

  private PartiallySyntheticChecks() {}

  /** Theorem 3, or its s* = min(N, s~) tightening, from the theory table. */
  static ComparisonRow theorem3(GroupInput in, boolean tightened) {
    TheoryQuantity bound = tightened ? TheoryQuantity.THM3_SSTAR_BOUND : TheoryQuantity.THM3_BOUND;
    TheoryQuantity log10 = tightened ? TheoryQuantity.THM3_SSTAR_LOG10_BOUND : TheoryQuantity.THM3_LOG10_BOUND;
    TheoryQuantity informative =
        tightened ? TheoryQuantity.THM3_SSTAR_INFORMATIVE_N : TheoryQuantity.THM3_INFORMATIVE_N;
    OptionalDouble logBound = in.scalar(log10.quantity());
    if (logBound.isEmpty()) {
      return CollapseChecks.notApplicable(in, bound.quantity(), CheckKind.UPPER_BOUND,
          "no " + log10.quantity() + " row in the theory table");
    }
    OptionalDouble n0 = in.scalar(informative.quantity());
    String note = String.format(Locale.ROOT, "smallest informative N = %s (this group: N = %d)",
        n0.isPresent() ? String.format(Locale.ROOT, "%.4g", n0.getAsDouble()) : "unknown", in.spec().realN());
    return check(in, bound.quantity(), in.source(bound.quantity()), logBound.getAsDouble() * LOG10, note, "");
  }

  /** Theorem 4, or its tightening: exact E[λ_1] from the theory table, else estimated from the runs. */
  static ComparisonRow theorem4(GroupInput in, boolean tightened) {
    TheoryQuantity bound = tightened ? TheoryQuantity.THM4_SSTAR_BOUND : TheoryQuantity.THM4_BOUND;
    TheoryQuantity log10 = tightened ? TheoryQuantity.THM4_SSTAR_LOG10_BOUND : TheoryQuantity.THM4_LOG10_BOUND;
    String thm3Note = "Theorem 4 <= Theorem 3, so it is informative at the latest from Theorem 3's N = "
        + in.scalar((tightened ? TheoryQuantity.THM3_SSTAR_INFORMATIVE_N : TheoryQuantity.THM3_INFORMATIVE_N)
            .quantity()).stream().mapToObj(v -> String.format(Locale.ROOT, "%.4g", v)).findFirst().orElse("unknown")
        + " (E[lambda_1] depends on N, so no exact smallest N is given)";
    OptionalDouble exact = in.scalar(TheoryQuantity.E_LAMBDA1.quantity());
    OptionalDouble logBound = in.scalar(log10.quantity());
    if (exact.isPresent() && logBound.isPresent()) {
      return check(in, bound.quantity(), in.source(bound.quantity()), logBound.getAsDouble() * LOG10, thm3Note,
          String.format(Locale.ROOT, "E[lambda_1] = %.6g exact over the real corpus; ", exact.getAsDouble()));
    }
    int realN = in.spec().realN();
    int n = in.spec().n();
    long s = tightened ? Math.min(realN, in.context().support()) : in.context().vocabulary();
    double[] lambdas = in.runs().stream().mapToDouble(RunOutcome::lambda1).filter(v -> !Double.isNaN(v)).toArray();
    String how;
    double e;
    if (lambdas.length >= 2) {
      Estimate est = Intervals.mean(lambdas, Intervals.Z95);
      e = Math.min(SeddikTheorem4.LAMBDA1_MAX, est.high());
      double atPoint = SeddikTheorem4.logBound(realN, n, s, Math.min(SeddikTheorem4.LAMBDA1_MAX, est.value())) / LOG10;
      how = String.format(Locale.ROOT, "E[lambda_1] estimated from %d runs' p^(1): %.6g (SE %.3g); the bound is taken "
          + "at the upper end of its 95%% interval, %.6g (the bound increases with E[lambda_1]), log10 bound at the "
          + "point estimate = %.6g; ", lambdas.length, est.value(), est.se(), e, atPoint);
    } else {
      e = SeddikTheorem4.LAMBDA1_MAX;
      how = "no lambda_1 recorded by the runs: E[lambda_1] bounded by 1/4, where Theorem 4 equals Theorem 3; ";
    }
    double lnBound = SeddikTheorem4.logBound(realN, n, s, e);
    String source = tightened ? SeddikTheorem4.SOURCE_TIGHTENED : SeddikTheorem4.SOURCE;
    return check(in, bound.quantity(), source, lnBound, thm3Note, how);
  }

  /** The bound check of {@code l1_p1} means against {@code exp(lnBound)} at the generations m >= 2. */
  private static ComparisonRow check(
      GroupInput in, String name, String source, double lnBound, String vacuousNote, String prefix) {
    List<GenerationMoments> gens = new ArrayList<>();
    for (int m : TheoryRows.generations(in.maxGenerations())) {
      GenerationMoments g = in.stats().get(m);
      if (m >= 2 && g != null && g.runs() >= 2) {
        gens.add(g);
      }
    }
    double boundValue = Math.exp(lnBound);
    if (gens.isEmpty()) {
      return ComparisonRow.of(in.groupId(), name, source, CheckResult.notApplicable(CheckKind.UPPER_BOUND, boundValue,
          prefix + "no generation m >= 2 with at least 2 runs"), null, null, 0);
    }
    int k = gens.size();
    double z = Intervals.zTwoSided(Intervals.ALPHA, k);
    List<BoundCheck.Point> points = new ArrayList<>();
    for (GenerationMoments g : gens) {
      Estimate e = g.l1P1(z);
      points.add(new BoundCheck.Point(g.generation(), e.value(), e.low(), e.high(), boundValue));
    }
    String note = String.format(Locale.ROOT, "normal intervals at Bonferroni z* = %.3f over %d generations", z, k);
    String vacuous = String.format(Locale.ROOT, "log10(bound) = %.6g, i.e. vacuous by a factor of 10^%.6g; %s",
        lnBound / LOG10, (lnBound - Math.log(SeddikTheorem3.L1_MAX)) / LOG10, vacuousNote);
    CheckResult r = BoundCheck.check(CheckKind.UPPER_BOUND, points, 0, SeddikTheorem3.L1_MAX, note, vacuous);
    CheckResult d = new CheckResult(r.verdict(), r.kind(), r.empirical(), r.ciLow(), r.ciHigh(), r.theory(),
        r.tightness(), prefix + "mean of l1_p1 (generation_stats) at m >= 2 vs " + source + ": " + r.detail());
    return ComparisonRow.of(in.groupId(), name, source, d, CollapseChecks.generationOf(points, r), null, k);
  }
}
