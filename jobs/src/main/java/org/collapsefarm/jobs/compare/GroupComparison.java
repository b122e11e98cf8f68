package org.collapsefarm.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.stats.CheckKind;
import org.collapsefarm.stats.CheckResult;
import org.collapsefarm.stats.Estimate;
import org.collapsefarm.stats.Intervals;
import org.collapsefarm.theory.ExactChain;
import org.collapsefarm.theory.KnobForm;
import org.collapsefarm.theory.TheoryQuantity;
import org.collapsefarm.theory.WangAccumulate;

/**
 * The {@code comparison} rows of one group (issue 4 item 3): which checks belong to its paradigm, and
 * each one's verdict by MATH.md §5. The set of checks depends on the paradigm alone, never on what
 * happened to be computed, so no check is silently skipped: one that cannot be judged (a mitigation
 * knob set, ε > 0, too few runs, censoring, an exact chain beyond its guard) is a row with verdict
 * {@code not-applicable} and the reason in {@code detail}. Every check holds the family-wise error
 * rate α = 0.05 over the generations it compares (Bonferroni), each check on its own.
 *
 * <ul>
 *   <li>fully synthetic with a real anchor alone or add-λ smoothing alone ({@link KnobForm}): S_m by
 *       MATH.md §6's exact recursion, the other checks of fully synthetic not-applicable;
 *   <li>fully synthetic (and most recent with K = 1): S_m (eq. 6), S_m_exact, rho_lower/upper and
 *       survival_lower/upper (eq. 7), survival_exact, ET_lower/upper (eq. 8), ET_diffusion, ET_exact,
 *       prop1_chi_square (Prop. 1);
 *   <li>partially synthetic: S_m (Theorem 2), S_m_eq9 (eq. 9 as printed), thm3_bound,
 *       thm3_sstar_bound, thm4_bound, thm4_sstar_bound;
 *   <li>accumulate-subsample: real_share — not measurable from the tables (the runs do not record
 *       the real share of a training sample), so not-applicable, with the ‖p^(m) − p^(0)‖_1 plateau
 *       given in detail as a measurement, not a check;
 *   <li>other paradigms: one {@code closed_forms} row, not-applicable (MATH.md §4 has none).
 * </ul>
 */
public final class GroupComparison {
  /** The name of the row of a paradigm without closed forms. */
  public static final String NO_CLOSED_FORM = "closed_forms";
  private static final List<TheoryQuantity> COLLAPSE_TIME_CHECKS = List.of(
      TheoryQuantity.RHO_LOWER, TheoryQuantity.RHO_UPPER, TheoryQuantity.SURVIVAL_LOWER,
      TheoryQuantity.SURVIVAL_UPPER, TheoryQuantity.SURVIVAL_EXACT, TheoryQuantity.ET_LOWER, TheoryQuantity.ET_UPPER,
      TheoryQuantity.ET_DIFFUSION, TheoryQuantity.ET_EXACT);
  private static final List<TheoryQuantity> PARTIAL_CHECKS = List.of(
      TheoryQuantity.S_M, TheoryQuantity.S_M_EQ9, TheoryQuantity.THM3_BOUND, TheoryQuantity.THM3_SSTAR_BOUND,
      TheoryQuantity.THM4_BOUND, TheoryQuantity.THM4_SSTAR_BOUND);

  private GroupComparison() {}

  /** The rows of one group, in a fixed order. */
  public static List<ComparisonRow> rows(GroupInput in) {
    ParadigmSpec spec = in.spec();
    Map<String, CheckKind> names = checkNames(spec);
    List<ComparisonRow> rows = new ArrayList<>();
    String blocked = null;
    boolean knob = KnobForm.of(spec).isPresent();
    if (!spec.isPlain() && !knob) {
      blocked = knobs(spec) + ": the closed forms of MATH.md 4 assume none";
    } else if (in.runs().isEmpty()) {
      blocked = "no runs of this group in the runs table";
    } else if (in.hasNoTheory() && !names.containsKey(NO_CLOSED_FORM)
        && spec.paradigm() != Paradigm.ACCUMULATE_SUBSAMPLE) {
      blocked = "no rows of this group in the theory table (run the theory stage)";
    }
    if (blocked != null || names.containsKey(NO_CLOSED_FORM)) {
      String reason = blocked != null ? blocked
          : "MATH.md 4 has no closed form for " + spec.paradigm().configName()
              + (spec.paradigm() == Paradigm.MOST_RECENT ? " with window K > 1" : "");
      names.forEach((name, kind) -> rows.add(CollapseChecks.notApplicable(in, name, kind, reason)));
      return rows;
    }
    if (knob) {
      String reason = knobs(spec) + ": MATH.md 6 gives E sigma_m (S_m) for this knob alone; the other closed "
          + "forms of MATH.md 4 assume no knob";
      names.forEach((name, kind) -> rows.add(name.equals(TheoryQuantity.S_M.quantity())
          ? SigmaChecks.check(in, name) : CollapseChecks.notApplicable(in, name, kind, reason)));
      return rows;
    }
    switch (spec.paradigm()) {
      case PARTIALLY_SYNTHETIC -> partiallySynthetic(in, rows);
      case ACCUMULATE_SUBSAMPLE -> rows.add(realShare(in));
      default -> fullySynthetic(in, rows);
    }
    return rows;
  }

  private static String knobs(ParadigmSpec spec) {
    return String.format(Locale.ROOT, "mitigation knobs set (temperature = %s, top-p = %s, smoothing = %s, "
        + "real-anchor = %d)", spec.temperature(), spec.topP(), spec.smoothing(), spec.realAnchor());
  }

  /** The checks of a spec's paradigm, by name, with their kinds (the order of the table). */
  static Map<String, CheckKind> checkNames(ParadigmSpec spec) {
    Map<String, CheckKind> names = new java.util.LinkedHashMap<>();
    if (isFullySynthetic(spec)) {
      names.put(TheoryQuantity.S_M.quantity(), CheckKind.EXACT);
      names.put(TheoryQuantity.S_M_EXACT.quantity(), CheckKind.EXACT);
      COLLAPSE_TIME_CHECKS.forEach(q -> names.put(q.quantity(), q.kind().orElseThrow()));
      names.put(CollapseChecks.PROP1, CheckKind.EXACT);
    } else if (spec.paradigm() == Paradigm.PARTIALLY_SYNTHETIC) {
      PARTIAL_CHECKS.forEach(q -> names.put(q.quantity(), q.kind().orElseThrow()));
    } else if (spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE) {
      names.put(TheoryQuantity.REAL_SHARE.quantity(), CheckKind.EXACT);
    } else {
      names.put(NO_CLOSED_FORM, CheckKind.EXACT);
    }
    return names;
  }

  private static boolean isFullySynthetic(ParadigmSpec spec) {
    return spec.paradigm() == Paradigm.FULLY_SYNTHETIC
        || (spec.paradigm() == Paradigm.MOST_RECENT && spec.window() == 1);
  }

  private static void fullySynthetic(GroupInput in, List<ComparisonRow> rows) {
    rows.add(SigmaChecks.check(in, TheoryQuantity.S_M.quantity()));
    boolean chain = ExactChain.fits(in.spec().n(), in.context().support());
    rows.add(chain ? SigmaChecks.check(in, TheoryQuantity.S_M_EXACT.quantity())
        : CollapseChecks.notApplicable(in, TheoryQuantity.S_M_EXACT.quantity(), CheckKind.EXACT,
            CollapseChecks.exactChainMissing(in)));
    double epsilon = in.spec().collapseEpsilon();
    if (epsilon > 0) {
      String reason = String.format(Locale.ROOT, "collapse-epsilon = %s > 0: T is the first m with max p >= 1 - eps, "
          + "not a Dirac mass, and no longer absorbing; eq. 7-8, the diffusion, the exact chain's T and Prop. 1 are "
          + "for eps = 0", epsilon);
      COLLAPSE_TIME_CHECKS.forEach(q -> rows.add(
          CollapseChecks.notApplicable(in, q.quantity(), q.kind().orElseThrow(), reason)));
      rows.add(CollapseChecks.notApplicable(in, CollapseChecks.PROP1, CheckKind.EXACT, reason));
      return;
    }
    rows.add(CollapseChecks.rho(in, TheoryQuantity.RHO_LOWER));
    rows.add(CollapseChecks.rho(in, TheoryQuantity.RHO_UPPER));
    rows.add(CollapseChecks.survival(in, TheoryQuantity.SURVIVAL_LOWER));
    rows.add(CollapseChecks.survival(in, TheoryQuantity.SURVIVAL_UPPER));
    rows.add(chain ? CollapseChecks.survivalExact(in)
        : CollapseChecks.notApplicable(in, TheoryQuantity.SURVIVAL_EXACT.quantity(), CheckKind.EXACT,
            CollapseChecks.exactChainMissing(in)));
    rows.add(CollapseChecks.expectedTimeBound(in, TheoryQuantity.ET_LOWER));
    rows.add(CollapseChecks.expectedTimeBound(in, TheoryQuantity.ET_UPPER));
    rows.add(CollapseChecks.diffusion(in));
    rows.add(CollapseChecks.expectedTimeExact(in));
    rows.add(CollapseChecks.proposition1(in));
  }

  private static void partiallySynthetic(GroupInput in, List<ComparisonRow> rows) {
    rows.add(SigmaChecks.check(in, TheoryQuantity.S_M.quantity()));
    rows.add(SigmaChecks.check(in, TheoryQuantity.S_M_EQ9.quantity()));
    rows.add(PartiallySyntheticChecks.theorem3(in, false));
    rows.add(PartiallySyntheticChecks.theorem3(in, true));
    rows.add(PartiallySyntheticChecks.theorem4(in, false));
    rows.add(PartiallySyntheticChecks.theorem4(in, true));
  }

  /**
   * [W]'s real share is not measurable here: no table records how much of a training sample was
   * real. The row says so and carries the measurement [W]'s claim is about — the mean of
   * ‖p^(M) − p^(0)‖_1 at the cap (in empirical, with its 95% interval), and at the grid generation
   * nearest M/2 in detail, to show whether it has levelled off.
   */
  private static ComparisonRow realShare(GroupInput in) {
    String name = TheoryQuantity.REAL_SHARE.quantity();
    int m = in.maxGenerations();
    GenerationMoments atCap = in.stats().get(m);
    Map.Entry<Integer, GenerationMoments> half = in.stats().floorEntry(m / 2);
    StringBuilder detail = new StringBuilder("not measurable: the runs do not record the real share of each "
        + "training sample; [W]'s expected real share at M is ")
        .append(String.format(Locale.ROOT, "%.6g", WangAccumulate.realShare(m, in.spec().rate())))
        .append(" (theory table, real_share). Measurement, not a check: ");
    double empirical = Double.NaN;
    double low = Double.NaN;
    double high = Double.NaN;
    if (atCap != null && atCap.runs() >= 2) {
      Estimate e = atCap.l1P0(Intervals.Z95);
      empirical = e.value();
      low = e.low();
      high = e.high();
      detail.append(String.format(Locale.ROOT, "mean ||p^(M) - p^(0)||_1 at M = %d: %.6g (SE %.3g)", m, e.value(),
          e.se()));
      if (half != null && half.getValue().runs() >= 2) {
        Estimate h = half.getValue().l1P0(Intervals.Z95);
        detail.append(String.format(Locale.ROOT, "; at m = %d: %.6g (SE %.3g)", half.getKey(), h.value(), h.se()));
      }
    } else {
      detail.append("no generation_stats at M with 2 runs");
    }
    CheckResult r = new CheckResult(org.collapsefarm.stats.Verdict.NOT_APPLICABLE, CheckKind.EXACT, empirical, low,
        high, Double.NaN, Double.NaN, detail.toString());
    return ComparisonRow.of(in.groupId(), name, in.source(name), r, atCap == null ? null : m, null, 0);
  }
}
