package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.collapsefarm.context.Context;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.junit.jupiter.api.Test;

class TheoryRowsTest {
  private static final Context SMALL =
      new Context(10, new int[] {2, 5, 7}, new double[] {0.5, 0.3, 0.2}, "explicit");

  private static Map<String, List<TheoryRow>> byQuantity(List<TheoryRow> rows) {
    return rows.stream().collect(Collectors.groupingBy(TheoryRow::quantity));
  }

  private static double value(List<TheoryRow> rows, String quantity, Integer generation) {
    return rows.stream()
        .filter(r -> r.quantity().equals(quantity) && java.util.Objects.equals(r.generation(), generation))
        .findFirst().orElseThrow(() -> new AssertionError(quantity + " at " + generation)).value();
  }

  @Test
  void fullySyntheticSmallHasClosedFormsAndTheExactChain() {
    List<TheoryRow> rows = TheoryRows.forGroup(SMALL, ParadigmSpec.fullySynthetic(10), 50);
    Map<String, List<TheoryRow>> q = byQuantity(rows);
    assertThat(q).containsKeys("S_m", "rho_lower", "rho_upper", "survival_lower", "survival_upper",
        "ET_lower", "ET_upper", "ET_diffusion", "ET_exact", "S_m_exact", "survival_exact",
        "absorb_prob[2]", "absorb_prob[5]", "absorb_prob[7]");
    assertThat(q.get("S_m")).hasSize(51);
    assertThat(q.get("rho_lower")).hasSize(50).allMatch(r -> r.generation() >= 1);
    double s0 = 0.25 + 0.09 + 0.04;
    assertThat(value(rows, "S_m", 7)).isCloseTo(1 - Math.pow(0.9, 7) * (1 - s0), within(1e-14));
    assertThat(value(rows, "S_m_exact", 7)).isCloseTo(value(rows, "S_m", 7), within(1e-12));
    assertThat(value(rows, "absorb_prob[5]", null)).isEqualTo(0.3);
    assertThat(value(rows, "ET_exact", null))
        .isBetween(value(rows, "ET_lower", null), value(rows, "ET_upper", null));
    assertThat(q.get("S_m").get(0).source()).isEqualTo("Seddik Thm 1 eq. 6");
    assertThat(q.get("ET_exact").get(0).generation()).isNull();
  }

  @Test
  void largeSupportSkipsTheExactChain() {
    double[] p = new double[40];
    int[] tokens = new int[40];
    for (int i = 0; i < 40; i++) {
      p[i] = 1.0 / 40;
      tokens[i] = i;
    }
    List<TheoryRow> rows = TheoryRows.forGroup(new Context(40, tokens, p, "uniform"), ParadigmSpec.fullySynthetic(100), 20);
    assertThat(byQuantity(rows)).containsKeys("S_m", "ET_diffusion").doesNotContainKeys("ET_exact", "S_m_exact");
  }

  @Test
  void mostRecentWithWindowOneIsFullySynthetic() {
    ParadigmSpec k1 = ParadigmSpec.defaults(Paradigm.MOST_RECENT, 10).withWindow(1, Allocation.SPLIT);
    assertThat(TheoryRows.forGroup(SMALL, k1, 30)).isEqualTo(TheoryRows.forGroup(SMALL, ParadigmSpec.fullySynthetic(10), 30));
    ParadigmSpec k5 = ParadigmSpec.defaults(Paradigm.MOST_RECENT, 10).withWindow(5, Allocation.SPLIT);
    assertThat(TheoryRows.forGroup(SMALL, k5, 30)).isEmpty();
  }

  @Test
  void knobsWithoutAnExactFormEmitNothing() {
    ParadigmSpec tempered = ParadigmSpec.fullySynthetic(10).withKnobs(0.8, 1.0, 0.0, 0.0, 0);
    assertThat(TheoryRows.forGroup(SMALL, tempered, 30)).isEmpty();
    ParadigmSpec anchored = ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 10).withKnobs(1.0, 1.0, 0.0, 0.0, 1);
    assertThat(TheoryRows.forGroup(SMALL, anchored, 30)).isEmpty();
    ParadigmSpec both = ParadigmSpec.fullySynthetic(10).withKnobs(1.0, 1.0, 0.1, 0.1, 1);
    assertThat(TheoryRows.forGroup(SMALL, both, 30)).as("two knobs: no exact form").isEmpty();
  }

  @Test
  void collapseThresholdKeepsOnlyTheSigmaFormulas() {
    ParadigmSpec eps = ParadigmSpec.fullySynthetic(10).withKnobs(1.0, 1.0, 0.0, 0.05, 0);
    Map<String, List<TheoryRow>> q = byQuantity(TheoryRows.forGroup(SMALL, eps, 30));
    assertThat(q.keySet()).containsExactlyInAnyOrder("S_m", "S_m_exact");
  }

  @Test
  void partiallySyntheticHasTheorems2To4() {
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 5).withRealN(6);
    List<TheoryRow> rows = TheoryRows.forGroup(SMALL, spec, 40);
    Map<String, List<TheoryRow>> q = byQuantity(rows);
    assertThat(q).containsKeys("S_m", "S_m_eq9", "thm3_bound", "thm3_log10_bound", "thm3_informative_N",
        "thm3_sstar_bound", "thm3_sstar_informative_N", "E_lambda1", "thm4_bound", "thm4_sstar_bound");
    assertThat(q.get("S_m")).hasSize(40);
    assertThat(q.get("S_m_eq9")).hasSize(39);
    assertThat(value(rows, "S_m", 1)).isCloseTo(1.0 / 6 + (5.0 / 6) * 0.38, within(1e-15));
    assertThat(value(rows, "thm4_bound", null)).isLessThanOrEqualTo(value(rows, "thm3_bound", null));
    assertThat(Math.log10(value(rows, "thm3_bound", null)))
        .isCloseTo(value(rows, "thm3_log10_bound", null), within(1e-12));
  }

  @Test
  void accumulateSubsampleHasTheRealShare() {
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 10).withRate(0.5, Pool.CORPORA);
    List<TheoryRow> rows = TheoryRows.forGroup(SMALL, spec, 30);
    assertThat(value(rows, "real_share", 5)).isCloseTo(1 / 3.0, within(1e-15));
    assertThat(value(rows, "real_share_pool", 5)).isCloseTo(1 / 3.0, within(1e-15));
    assertThat(rows).allMatch(r -> r.source().startsWith("Wang") || r.quantity().equals("real_share_pool"));
    ParadigmSpec fresh = spec.withRate(0.5, Pool.FRESH);
    assertThat(byQuantity(TheoryRows.forGroup(SMALL, fresh, 30)).keySet()).containsExactly("real_share");
  }

  /** Every emitted name is a known {@link TheoryQuantity}, and every quantity is emitted somewhere. */
  @Test
  void everyRowIsAKnownQuantity() {
    java.util.Set<TheoryQuantity> seen = java.util.EnumSet.noneOf(TheoryQuantity.class);
    for (ParadigmSpec spec : List.of(ParadigmSpec.fullySynthetic(10),
        ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 5).withRealN(6),
        ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 10).withRate(0.5, Pool.CORPORA),
        ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, 0, 0, 1))) {
      for (TheoryRow row : TheoryRows.forGroup(SMALL, spec, 20)) {
        TheoryQuantity q = TheoryQuantity.of(row.quantity()).orElseThrow(() -> new AssertionError(row.quantity()));
        seen.add(q);
        if (q.kind().isPresent() && q.maxPossible() == 1.0) {
          // Probabilities and σ: the exact forms lie in the range; bounds may leave it (vacuous).
          if (q.kind().get() == org.collapsefarm.stats.CheckKind.EXACT) {
            assertThat(row.value()).as(row.quantity()).isBetween(0.0, 1.0);
          }
        }
      }
    }
    // the model families' quantities (MATH.md 7)
    ParadigmSpec replace = ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, 0, 0.01, 0);
    for (org.collapsefarm.family.FamilySpec model : List.of(
        org.collapsefarm.family.FamilySpec.gaussian(0, 1, org.collapsefarm.family.Estimator.MLE),
        org.collapsefarm.family.FamilySpec.gaussian(2, 0, new double[] {1, 0, 0, 1},
            org.collapsefarm.family.Estimator.MLE),
        org.collapsefarm.family.FamilySpec.poisson(1))) {
      for (TheoryRow row : FamilyTheoryRows.forGroup(model, replace, 20)) {
        seen.add(TheoryQuantity.of(row.quantity()).orElseThrow(() -> new AssertionError(row.quantity())));
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(TheoryQuantity.values());
    assertThat(TheoryQuantity.of("absorb_prob[17]")).hasValue(TheoryQuantity.ABSORB_PROB);
    assertThat(TheoryQuantity.of("nonsense")).isEmpty();
  }

  @Test
  void generationsAreDenseThenLogSpaced() {
    int[] g = TheoryRows.generations(10000);
    for (int m = 0; m <= 200; m++) {
      assertThat(g[m]).isEqualTo(m);
    }
    assertThat(g[g.length - 1]).isEqualTo(10000);
    for (int i = 1; i < g.length; i++) {
      assertThat(g[i]).isGreaterThan(g[i - 1]);
    }
    // log10(10000/200) = 1.7 decades at 20 per decade: 33 points beyond 200, plus M.
    assertThat(g.length).isEqualTo(201 + 33 + 1);
    assertThat(TheoryRows.generations(5)).containsExactly(0, 1, 2, 3, 4, 5);
  }
}
