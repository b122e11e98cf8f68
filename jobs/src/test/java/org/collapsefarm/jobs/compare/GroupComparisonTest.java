package org.collapsefarm.jobs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import org.collapsefarm.context.Context;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.stats.Intervals;
import org.collapsefarm.theory.TheoryRow;
import org.collapsefarm.theory.TheoryRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison of one group on constructed inputs: runs from the test's own Wright–Fisher
 * simulation (fixed seed) against the theory rows, and the same runs against deliberately wrong
 * formulas, which must come out violated. True formulas are asserted by {@link TrueFormulas}' policy
 * (|z| below the Bonferroni threshold at α = 10⁻³, not the job's 5 %-level verdict); the wrong ones
 * below are off by 6 to 20 standard errors, far beyond any threshold used.
 */
class GroupComparisonTest {
  private static final Context P = new Context(3, new int[] {0, 1, 2}, new double[] {0.5, 0.3, 0.2},
      "explicit(probs=[0.5,0.3,0.2])");
  private static final int N_SYNTH = 5;
  private static final int M = 80;
  private static final int R = 400;
  private static final long SEED = 20240408L;
  private static final ParadigmSpec FULLY = ParadigmSpec.fullySynthetic(N_SYNTH);

  private static WrightFisherRuns sim;
  private static List<TheoryRow> theory;

  @BeforeAll
  static void simulate() {
    sim = new WrightFisherRuns(P, N_SYNTH, M, R, SEED);
    theory = TheoryRows.forGroup(P, FULLY, M);
  }

  private static Map<String, ComparisonRow> compare(List<TheoryRow> rows) {
    GroupInput in = new GroupInput("g", P, FULLY, M, sim.runs, sim.moments, rows);
    return GroupComparison.rows(in).stream().collect(Collectors.toMap(ComparisonRow::checkName, r -> r));
  }

  /** The theory rows with one quantity's values changed (a wrong formula). */
  private static List<TheoryRow> replace(String quantity, DoubleUnaryOperator change) {
    List<TheoryRow> out = new ArrayList<>();
    for (TheoryRow r : theory) {
      boolean hit = r.quantity().equals(quantity) || r.quantity().startsWith(quantity + "[");
      out.add(hit ? new TheoryRow(r.generation(), r.quantity(), change.applyAsDouble(r.value()), r.source()) : r);
    }
    return out;
  }

  @Test
  void trueFormulasAreConsistentAndTheorem1BoundsHold() {
    Map<String, ComparisonRow> rows = compare(theory);
    assertThat(rows.keySet()).containsExactlyInAnyOrder("S_m", "S_m_exact", "rho_lower", "rho_upper",
        "survival_lower", "survival_upper", "survival_exact", "ET_lower", "ET_upper", "ET_diffusion", "ET_exact",
        "prop1_chi_square");
    for (String exact : List.of("S_m", "S_m_exact", "survival_exact", "ET_exact", "prop1_chi_square", "ET_diffusion")) {
      TrueFormulas.assertConsistent(rows.get(exact));
    }
    for (String bound : List.of("rho_lower", "rho_upper", "survival_lower", "survival_upper", "ET_lower", "ET_upper")) {
      assertThat(rows.get(bound).verdict()).as(bound + ": " + rows.get(bound).detail()).isEqualTo("holds");
      assertThat(rows.get(bound).tightness()).as(bound).isPositive();
    }
    ComparisonRow sm = rows.get("S_m");
    assertThat(sm.kind()).isEqualTo("exact");
    assertThat(sm.detail()).contains("Bonferroni").contains("Seddik Thm 1 eq. 6");
    // compared at every m >= 1 with at least 50 runs not yet collapsed
    long live = sim.moments.stream().filter(g -> g.generation() >= 1 && g.runs() - g.collapsed() >= 50).count();
    assertThat(live).isBetween(5L, (long) M);
    assertThat(sm.comparisons()).isEqualTo(live);
  }

  @Test
  void aWrongSigmaFormulaIsViolated() {
    // eq. 6 with n/2 in place of n: 17 standard errors off at m = 2.
    List<TheoryRow> rows = new ArrayList<>();
    for (TheoryRow r : theory) {
      rows.add(r.quantity().equals("S_m")
          ? new TheoryRow(r.generation(), "S_m", 1 - Math.pow(1 - 2.0 / N_SYNTH, r.generation()) * (1 - P.s0()),
              r.source())
          : r);
    }
    ComparisonRow sm = compare(rows).get("S_m");
    assertThat(sm.verdict()).isEqualTo("violated");
    assertThat(sm.zScore()).isGreaterThan(6.0);
    assertThat(sm.theory() < sm.ciLow() || sm.theory() > sm.ciHigh()).isTrue();
  }

  @Test
  void wrongExactTimeAbsorptionAndSurvivalAreViolated() {
    assertThat(compare(replace("ET_exact", v -> 1.2 * v)).get("ET_exact").verdict()).isEqualTo("violated");
    assertThat(compare(replace("absorb_prob", v -> 1.0 / 3)).get("prop1_chi_square").verdict()).isEqualTo("violated");
    assertThat(compare(replace("survival_exact", v -> Math.min(1, 1.3 * v))).get("survival_exact").verdict())
        .isEqualTo("violated");
  }

  @Test
  void aBoundOnTheWrongSideIsViolated() {
    ComparisonRow rho = compare(replace("rho_upper", v -> 0.5 * v)).get("rho_upper");
    assertThat(rho.verdict()).isEqualTo("violated");
    assertThat(rho.ciLow()).isGreaterThan(rho.theory());
    ComparisonRow et = compare(replace("ET_lower", v -> 3 * v)).get("ET_lower");
    assertThat(et.verdict()).isEqualTo("violated");
    assertThat(et.ciHigh()).isLessThan(et.theory());
  }

  @Test
  void censoredRunsLeaveOnlyTheUpperBoundOnTheMean() {
    int n = 20;
    int cap = 5;
    ParadigmSpec spec = ParadigmSpec.fullySynthetic(n);
    WrightFisherRuns censored = new WrightFisherRuns(P, n, cap, 200, SEED);
    GroupInput in = new GroupInput("c", P, spec, cap, censored.runs, censored.moments,
        TheoryRows.forGroup(P, spec, cap));
    Map<String, ComparisonRow> rows =
        GroupComparison.rows(in).stream().collect(Collectors.toMap(ComparisonRow::checkName, r -> r));
    assertThat(in.censoredCount()).isGreaterThan(100);
    assertThat(rows.get("ET_lower").verdict()).isEqualTo("not-applicable");
    assertThat(rows.get("ET_lower").detail()).contains("censored");
    assertThat(rows.get("ET_upper").verdict()).isEqualTo("holds");
    assertThat(rows.get("ET_upper").detail()).contains("restricted mean");
    assertThat(rows.get("ET_diffusion").verdict()).isEqualTo("not-applicable");
    assertThat(rows.get("ET_exact").verdict()).isEqualTo("not-applicable");
    assertThat(rows.get("prop1_chi_square").verdict()).isEqualTo("not-applicable");
    TrueFormulas.assertConsistent(rows.get("S_m"));
  }

  @Test
  void mitigationKnobsMakeEveryCheckNotApplicable() {
    ParadigmSpec hot = FULLY.withKnobs(1.5, 1.0, 0.0, 0.0, 0);
    GroupInput in = new GroupInput("t", P, hot, M, sim.runs, sim.moments, TheoryRows.forGroup(P, hot, M));
    List<ComparisonRow> rows = GroupComparison.rows(in);
    assertThat(rows).hasSize(12);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.verdict()).isEqualTo("not-applicable");
      assertThat(r.detail()).contains("mitigation knobs").contains("temperature = 1.5");
    });
  }

  @Test
  void aRealAnchorOrSmoothingAloneIsJudgedByItsExactRecursion() {
    int cap = 60;
    for (ParadigmSpec knob : List.of(FULLY.withKnobs(1, 1, 0, 0, 1), FULLY.withKnobs(1, 1, 0.1, 0.1, 0))) {
      KernelRuns runs = new KernelRuns(P, knob, cap, R, SEED);
      List<TheoryRow> rows = TheoryRows.forGroup(P, knob, cap);
      Map<String, ComparisonRow> byName = GroupComparison.rows(new GroupInput("k", P, knob, cap, runs.runs,
          runs.moments, rows)).stream().collect(Collectors.toMap(ComparisonRow::checkName, r -> r));
      assertThat(byName).hasSize(12);
      ComparisonRow sm = byName.get("S_m");
      TrueFormulas.assertConsistent(sm);
      assertThat(sm.source()).startsWith("MATH.md 6");
      assertThat(sm.comparisons()).isGreaterThan(cap / 2);
      byName.values().stream().filter(r -> !r.checkName().equals("S_m")).forEach(r -> {
        assertThat(r.verdict()).isEqualTo("not-applicable");
        assertThat(r.detail()).contains("MATH.md 6 gives E sigma_m");
      });
      // The knob-free eq. 6 (every run a Dirac in the limit) is far from the anchored or smoothed runs.
      List<TheoryRow> eq6 = theory.stream().filter(r -> r.quantity().equals("S_m") && r.generation() <= cap).toList();
      ComparisonRow wrong = GroupComparison.rows(new GroupInput("k", P, knob, cap, runs.runs, runs.moments, eq6))
          .stream().filter(r -> r.checkName().equals("S_m")).findFirst().orElseThrow();
      assertThat(wrong.verdict()).as(wrong.detail()).isEqualTo("violated");
    }
  }

  @Test
  void partiallySyntheticTheorem2ConsistentEq9AsTheDataSayAndTheorem3VacuousWithItsN() {
    Context wide = new Context(600, new int[] {0, 1, 2}, new double[] {0.5, 0.3, 0.2}, "wide");
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, N_SYNTH).withRealN(10);
    int cap = 30;
    List<TheoryRow> rows = TheoryRows.forGroup(wide, spec, cap);
    Map<Integer, Double> recursion = rows.stream().filter(r -> r.quantity().equals("S_m"))
        .collect(Collectors.toMap(TheoryRow::generation, TheoryRow::value));
    // Constructed moments: the sigma means equal the recursion, SE = sd/sqrt(R) = 0.002/20 = 1e-4, as
    // from a large sweep: eq. 9's finite-m error (about 1.5e-3 here) is then about 15 SE.
    double sd = 0.002;
    List<GenerationMoments> stats = new ArrayList<>();
    for (int m = 1; m <= cap; m++) {
      double s = recursion.get(m);
      double l1 = m >= 2 ? 0.4 : 0.0;
      stats.add(new GenerationMoments(m, R, 0, s * R, (s * s + sd * sd * (R - 1) / R) * R, l1 * R,
          (l1 * l1 + 0.04 * (R - 1) / R) * R, 0, 0));
    }
    double worstEq9Gap = rows.stream().filter(r -> r.quantity().equals("S_m_eq9"))
        .mapToDouble(r -> Math.abs(r.value() - recursion.get(r.generation()))).max().orElseThrow();
    GroupInput in = new GroupInput("p", wide, spec, cap, sim.runs, stats, rows);
    Map<String, ComparisonRow> out =
        GroupComparison.rows(in).stream().collect(Collectors.toMap(ComparisonRow::checkName, r -> r));
    TrueFormulas.assertConsistent(out.get("S_m"));
    // eq. 9 as printed is judged by the same rule as the recursion, no special case.
    ComparisonRow eq9 = out.get("S_m_eq9");
    double zStar = Intervals.zTwoSided(Intervals.ALPHA, eq9.comparisons());
    assertThat(worstEq9Gap / (sd / Math.sqrt(R))).isGreaterThan(2 * zStar);
    assertThat(eq9.verdict()).as(eq9.detail()).isEqualTo("violated");
    ComparisonRow thm3 = out.get("thm3_bound");
    assertThat(thm3.verdict()).isEqualTo("vacuous");
    assertThat(thm3.detail()).contains("vacuous by a factor").contains("smallest informative N");
    assertThat(out.get("thm3_sstar_bound").verdict()).as(out.get("thm3_sstar_bound").detail()).isEqualTo("holds");
    assertThat(out.get("thm4_bound").verdict()).isEqualTo("vacuous");
    assertThat(out.get("thm4_bound").detail()).contains("exact");
    assertThat(out.get("thm4_sstar_bound").verdict()).isEqualTo("holds");
  }

  @Test
  void theorem4EstimatesLambda1FromTheRunsWhenNotExact() {
    Context five = new Context(5, new int[] {0, 1, 2, 3, 4}, new double[] {0.3, 0.25, 0.2, 0.15, 0.1}, "five");
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, N_SYNTH).withRealN(100);
    List<TheoryRow> rows = TheoryRows.forGroup(five, spec, 10);
    assertThat(rows).noneMatch(r -> r.quantity().equals("thm4_bound"));
    List<RunOutcome> runs = new ArrayList<>();
    for (int r = 0; r < 50; r++) {
      runs.add(new RunOutcome(r, null, true, null, 0.24 + 0.0002 * (r % 10)));
    }
    List<GenerationMoments> stats = new ArrayList<>();
    for (int m = 1; m <= 10; m++) {
      stats.add(new GenerationMoments(m, 50, 0, 10, 3, 5, 1, 0, 0));
    }
    Map<String, ComparisonRow> out = GroupComparison.rows(new GroupInput("q", five, spec, 10, runs, stats, rows))
        .stream().collect(Collectors.toMap(ComparisonRow::checkName, r -> r));
    assertThat(out.get("thm4_bound").detail()).contains("estimated from 50 runs");
    assertThat(out.get("thm4_bound").theory()).isLessThanOrEqualTo(out.get("thm3_bound").theory());
  }

  @Test
  void paradigmsWithoutClosedFormsSayWhy() {
    ParadigmSpec recent = ParadigmSpec.defaults(Paradigm.MOST_RECENT, 10).withWindow(3,
        org.collapsefarm.paradigm.Allocation.SPLIT);
    List<ComparisonRow> rows = GroupComparison.rows(new GroupInput("r", P, recent, M, sim.runs, sim.moments, List.of()));
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.checkName()).isEqualTo("closed_forms");
      assertThat(r.verdict()).isEqualTo("not-applicable");
      assertThat(r.detail()).contains("most-recent");
    });
    ParadigmSpec acc = ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 10).withRate(0.5, Pool.CORPORA);
    List<GenerationMoments> stats = List.of(new GenerationMoments(40, 20, 0, 0, 0, 0, 0, 8, 4),
        new GenerationMoments(M, 20, 0, 0, 0, 0, 0, 10, 6));
    List<ComparisonRow> acc1 = GroupComparison.rows(
        new GroupInput("a", P, acc, M, sim.runs, stats, TheoryRows.forGroup(P, acc, M)));
    assertThat(acc1).singleElement().satisfies(r -> {
      assertThat(r.checkName()).isEqualTo("real_share");
      assertThat(r.verdict()).isEqualTo("not-applicable");
      assertThat(r.empirical()).isEqualTo(0.5);
      assertThat(r.detail()).contains("not measurable").contains("at m = 40");
    });
  }
}
