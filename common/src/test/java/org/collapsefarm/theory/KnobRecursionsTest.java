package org.collapsefarm.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.collapsefarm.ParameterException;
import org.collapsefarm.context.Context;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.Test;

/** MATH.md §6's exact recursions for the real anchor and add-λ smoothing, against its worked examples. */
class KnobRecursionsTest {
  @Test
  void realAnchorMatchesTheWorkedExampleAndItsOwnLimit() {
    RealAnchorRecursion anchor = new RealAnchorRecursion(0.1, 100, 1);
    assertThat(anchor.stationary()).isCloseTo(121.0 / 301.0, within(1e-15));
    double[] s = anchor.expectedSigma(5000);
    assertThat(s[0]).isEqualTo(0.1);
    assertThat(s[1]).isCloseTo(1.0 / 101 + (100.0 / 101) * 0.1, within(1e-15));
    // S^A_2 by hand: [1·0.9 + 100 + 0.1 + 200·0.1]/101² + 9900/101²·S^A_1
    assertThat(s[2]).isCloseTo((0.9 + 100 + 0.1 + 20) / 10201.0 + 9900 / 10201.0 * s[1], within(1e-15));
    assertThat(s[5000]).isCloseTo(anchor.stationary(), within(1e-12));
    // The stationary value is the fixed point of the recursion.
    assertThat(anchor.constant() + anchor.slope() * anchor.stationary()).isCloseTo(anchor.stationary(), within(1e-15));
  }

  @Test
  void aLargeAnchorPinsTheModelToTheTruth() {
    // S^A_1 − S_0 = (1 − S_0)/M, and the recursion keeps S^A_m within (1 − S_0)·M/(n + 2nk + k²) of S_0.
    RealAnchorRecursion heavy = new RealAnchorRecursion(0.3, 1, 1_000_000);
    for (double v : heavy.expectedSigma(20)) {
      assertThat(v).isCloseTo(0.3, within(1e-6));
    }
  }

  @Test
  void smoothingMatchesTheWorkedExampleAndItsOwnLimit() {
    SmoothingRecursion smoothing = new SmoothingRecursion(0.1, 100, 0.01, 600);
    assertThat(smoothing.stationary()).isCloseTo(0.0764, within(5e-5));
    double l = 100 + 0.01 * 600;
    assertThat(smoothing.a()).isCloseTo((100 + 2 * 100 * 0.01 + 1e-4 * 600) / (l * l), within(1e-15));
    assertThat(smoothing.b()).isCloseTo(9900 / (l * l), within(1e-15));
    double[] s = smoothing.expectedSigma(1000);
    assertThat(s[0]).isEqualTo(0.1);
    assertThat(s[1]).isCloseTo(smoothing.a() + smoothing.b() * 0.1, within(1e-15));
    assertThat(s[1000]).isCloseTo(smoothing.stationary(), within(1e-12));
    // The limit lies above 1/s: the model drifts to the uniform distribution but keeps sampling noise.
    assertThat(smoothing.stationary()).isGreaterThan(1.0 / 600);
  }

  @Test
  void theKnobFormAppliesToOneKnobAloneUnderFullySyntheticOnly() {
    ParadigmSpec fully = ParadigmSpec.fullySynthetic(10);
    assertThat(KnobForm.of(fully)).isEmpty();
    assertThat(KnobForm.of(fully.withKnobs(1, 1, 0, 0, 2))).contains(KnobForm.REAL_ANCHOR);
    assertThat(KnobForm.of(fully.withKnobs(1, 1, 0.1, 0.05, 0))).contains(KnobForm.SMOOTHING);
    assertThat(KnobForm.of(fully.withKnobs(1, 1, 0.1, 0.05, 2))).as("both knobs").isEmpty();
    assertThat(KnobForm.of(fully.withKnobs(0.8, 1, 0, 0, 2))).as("with temperature").isEmpty();
    assertThat(KnobForm.of(fully.withKnobs(1, 0.9, 0.1, 0.05, 0))).as("with top-p").isEmpty();
    ParadigmSpec window1 = ParadigmSpec.defaults(Paradigm.MOST_RECENT, 10).withWindow(1, Allocation.SPLIT);
    assertThat(KnobForm.of(window1.withKnobs(1, 1, 0, 0, 1))).contains(KnobForm.REAL_ANCHOR);
    ParadigmSpec partial = ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 10);
    assertThat(KnobForm.of(partial.withKnobs(1, 1, 0, 0, 1))).isEmpty();
  }

  @Test
  void theoryRowsCarryTheRecursionAndItsStationaryValue() {
    Context context = new Context(10, new int[] {2, 5, 7}, new double[] {0.5, 0.3, 0.2}, "explicit");
    double s0 = 0.38;
    List<TheoryRow> anchored = TheoryRows.forGroup(context, ParadigmSpec.fullySynthetic(5).withKnobs(1, 1, 0, 0, 1), 40);
    double[] exact = new RealAnchorRecursion(s0, 5, 1).expectedSigma(40);
    assertThat(anchored.stream().filter(r -> r.quantity().equals("S_m"))).hasSize(41).allSatisfy(r -> {
      assertThat(r.value()).isCloseTo(exact[r.generation()], within(1e-15));
      assertThat(r.source()).isEqualTo(RealAnchorRecursion.SOURCE);
    });
    assertThat(anchored).contains(new TheoryRow(null, "S_stationary", new RealAnchorRecursion(s0, 5, 1).stationary(),
        RealAnchorRecursion.SOURCE));
    assertThat(anchored).allMatch(r -> r.quantity().equals("S_m") || r.quantity().equals("S_stationary"));

    List<TheoryRow> smoothed =
        TheoryRows.forGroup(context, ParadigmSpec.fullySynthetic(5).withKnobs(1, 1, 0.2, 0.1, 0), 40);
    SmoothingRecursion lambda = new SmoothingRecursion(s0, 5, 0.2, 10); // s = the vocabulary, 10
    assertThat(smoothed).contains(new TheoryRow(7, "S_m", lambda.expectedSigma(7)[7], SmoothingRecursion.SOURCE));
    assertThat(smoothed).contains(new TheoryRow(null, "S_stationary", lambda.stationary(), SmoothingRecursion.SOURCE));
  }

  @Test
  void badParametersNameTheirKey() {
    assertThatThrownBy(() -> new RealAnchorRecursion(0.1, 10, 0))
        .isInstanceOf(ParameterException.class).hasMessageContaining("real-anchor");
    assertThatThrownBy(() -> new SmoothingRecursion(0.1, 10, 0.0, 5))
        .isInstanceOf(ParameterException.class).hasMessageContaining("smoothing");
  }
}
