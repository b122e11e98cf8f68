package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.collapsefarm.family.Estimator;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.junit.jupiter.api.Test;

class FamilyTheoryRowsTest {
  private static final ParadigmSpec REPLACE = ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, 0, 0.01, 0);

  private static Set<String> quantities(List<TheoryRow> rows) {
    return rows.stream().map(TheoryRow::quantity).collect(Collectors.toSet());
  }

  private static double value(List<TheoryRow> rows, String quantity, Integer m) {
    return rows.stream().filter(r -> r.quantity().equals(quantity) && java.util.Objects.equals(r.generation(), m))
        .findFirst().orElseThrow().value();
  }

  @Test
  void gaussianReplaceHasItsExactMomentsTheWaldBoundAndTheApproximation() {
    List<TheoryRow> rows = FamilyTheoryRows.forGroup(FamilySpec.gaussian(3, 2, Estimator.MLE), REPLACE, 50);
    assertThat(quantities(rows)).containsExactlyInAnyOrder("var_ratio", "log_var", "log_var_variance",
        "mean_sq_error", "w2_sq", "ET_wald", "ET_inverse_gaussian", "sd_T_inverse_gaussian");
    assertThat(value(rows, "var_ratio", 3)).isCloseTo(Math.pow(0.9, 3), within(1e-15));
    assertThat(value(rows, "mean_sq_error", 3)).isCloseTo(2 * (1 - Math.pow(0.9, 3)), within(1e-14));
    // MATH.md 7: n = 10, MLE: drift −0.2206, beta = 0.92275; Wald bound at ε = 0.01: 20.9
    assertThat(value(rows, "log_var", 1) - Math.log(2)).isCloseTo(-0.2206, within(1e-4));
    assertThat(value(rows, "w2_sq", 1)).isCloseTo(2 * 2 * (1 - 0.92275), within(1e-4));
    assertThat(value(rows, "ET_wald", null)).isCloseTo(20.9, within(0.05));
    assertThat(rows.stream().filter(r -> r.quantity().equals("var_ratio")).mapToInt(TheoryRow::generation).min())
        .hasValue(1);
  }

  /**
   * d = 3, MLE, n = 10 (MATH.md §7 "d dimensions"): E tr Σ_m/tr Σ_0 = 0.9^m, E‖μ_m − μ_0‖² = tr Σ_0(1 − 0.9^m),
   * E det ratio = (9·8·7/1000)^m, E ln det ratio = m Σ_{i=1..3}[ψ((10−i)/2) + ln(2/10)] — the three digamma
   * values by their closed forms ψ(9/2), ψ(4), ψ(7/2) (ψ(x+1) = ψ(x) + 1/x from ψ(1/2) = −γ − 2 ln 2, ψ(1) = −γ).
   */
  @Test
  void gaussianInThreeDimensionsHasTheDeterminantForms() {
    FamilySpec model = FamilySpec.gaussian(3, 0.0, new double[] {2, 0.5, 0, 0.5, 1, 0, 0, 0, 3}, Estimator.MLE);
    List<TheoryRow> rows = FamilyTheoryRows.forGroup(model, REPLACE, 50);
    assertThat(quantities(rows)).containsExactlyInAnyOrder("var_ratio", "mean_sq_error", "det_ratio", "log_det_ratio",
        "log_det_ratio_variance");
    assertThat(value(rows, "var_ratio", 4)).isCloseTo(Math.pow(0.9, 4), within(1e-15));
    assertThat(value(rows, "mean_sq_error", 4)).isCloseTo(6 * (1 - Math.pow(0.9, 4)), within(1e-14));
    assertThat(value(rows, "det_ratio", 2)).isCloseTo(Math.pow(0.504, 2), within(1e-15));
    double gamma = 0.5772156649015329;
    double psiHalf = -gamma - 2 * Math.log(2);
    double psi35 = psiHalf + 2 + 2 / 3.0 + 2 / 5.0; // ψ(7/2)
    double psi45 = psi35 + 2 / 7.0; // ψ(9/2)
    double psi4 = -gamma + 1 + 0.5 + 1 / 3.0;
    assertThat(value(rows, "log_det_ratio", 5)).isCloseTo(5 * (psi45 + psi4 + psi35 + 3 * Math.log(0.2)), within(1e-12));
    // n ≤ d: Σ_m is singular, det = 0 exactly and no ln det row.
    FamilySpec ten = FamilySpec.gaussian(10, 0.0, identity(10), Estimator.MLE);
    List<TheoryRow> singular = FamilyTheoryRows.forGroup(ten, REPLACE, 20);
    assertThat(quantities(singular)).containsExactlyInAnyOrder("var_ratio", "mean_sq_error", "det_ratio");
    assertThat(value(singular, "det_ratio", 1)).isEqualTo(0.0);
    assertThat(value(singular, "mean_sq_error", 1)).isCloseTo(10 * 0.1, within(1e-14));
    // Accumulate in d dimensions: the one-step recursion in the trace (tr Σ_0 = 10).
    ParadigmSpec accumulate = ParadigmSpec.defaults(Paradigm.ACCUMULATE, 10).withRate(1, Pool.CORPORA);
    List<TheoryRow> acc = FamilyTheoryRows.forGroup(ten, accumulate, 20);
    GaussianMoments.Curves oneDim = GaussianMoments.accumulate(1, 10, 10, Estimator.MLE, 20);
    assertThat(value(acc, "var_ratio", 7)).isCloseTo(oneDim.variance()[7], within(1e-15));
    assertThat(value(acc, "mean_sq_error", 7)).isCloseTo(10 * oneDim.meanSqError()[7], within(1e-14));
  }

  private static double[] identity(int d) {
    double[] c = new double[d * d];
    for (int i = 0; i < d; i++) {
      c[i * d + i] = 1;
    }
    return c;
  }

  @Test
  void otherParadigmsGetTheirOneStepRecursionsOrNothing() {
    FamilySpec unbiased = FamilySpec.gaussian(0, 1, Estimator.UNBIASED);
    ParadigmSpec accumulate = ParadigmSpec.defaults(Paradigm.ACCUMULATE, 10).withRate(1, Pool.CORPORA);
    List<TheoryRow> acc = FamilyTheoryRows.forGroup(unbiased, accumulate, 20);
    assertThat(quantities(acc)).containsExactlyInAnyOrder("var_ratio", "mean_sq_error");
    assertThat(acc.get(0).source()).isEqualTo(GaussianMoments.SOURCE_ACCUMULATE);
    assertThat(FamilyTheoryRows.forGroup(unbiased, REPLACE.withKnobs(1, 1, 0, 0.01, 1), 20))
        .allMatch(r -> r.source().equals(GaussianMoments.SOURCE_ANCHOR)).isNotEmpty();
    ParadigmSpec subsample = ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 10).withRate(1, Pool.CORPORA);
    assertThat(FamilyTheoryRows.forGroup(unbiased, subsample, 20)).isEmpty();
    assertThat(FamilyTheoryRows.forGroup(FamilySpec.poisson(1), accumulate, 20)).isEmpty();
  }

  @Test
  void poissonReplaceHasTheGaltonWatsonLaws() {
    List<TheoryRow> rows = FamilyTheoryRows.forGroup(FamilySpec.poisson(1), ParadigmSpec.fullySynthetic(10), 200);
    assertThat(quantities(rows)).containsExactlyInAnyOrder("rate", "mean_sq_error", "rate_alive");
    assertThat(value(rows, "rate_alive", 50)).isCloseTo(0.3187, within(5e-5));
    assertThat(value(rows, "mean_sq_error", 50)).isCloseTo(5.0, within(1e-12));
    assertThat(value(rows, "rate", 200)).isEqualTo(1.0);
  }
}
