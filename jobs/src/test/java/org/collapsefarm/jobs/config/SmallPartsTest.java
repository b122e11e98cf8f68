package org.collapsefarm.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.collapsefarm.context.Context;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

/** Ids, seeds, grids, did-you-mean, trajectories and the work estimate. */
class SmallPartsTest {
  @Test
  void cellIdsAndSeedsFollowTheContract() {
    assertThat(Cells.cellId("00000000000000ab", 42)).isEqualTo("00000000000000ab-000042");
    String id = Cells.cellId("0123456789abcdef", 3);
    assertThat(Cells.seed(99L, id)).isEqualTo(CellSeeds.cellSeed(99L, CellSeeds.key(id)));
    assertThat(Cells.seed(99L, id)).isNotEqualTo(Cells.seed(100L, id));
  }

  @Test
  void idsAreSixteenLowercaseHexDigits() {
    assertThat(Ids.hex(0xabL)).isEqualTo("00000000000000ab");
    assertThat(Ids.hex(-1L)).isEqualTo("ffffffffffffffff");
    ContextEntry c = ContextEntry.of(TestSweeps.threeTokens());
    assertThat(c.contextId()).matches("[0-9a-f]{16}").isEqualTo(Ids.hex(CellSeeds.key("explicit(probs=[0.5,0.3,0.2])")));
    ParadigmSpec spec = ParadigmSpec.fullySynthetic(10);
    assertThat(Group.groupId(c.contextId(), spec, 100))
        .isEqualTo(Ids.hex(CellSeeds.key(c.contextId() + "|" + spec.canonical() + "|max-generations=100")))
        .isNotEqualTo(Group.groupId(c.contextId(), spec, 101));
  }

  @Test
  void gridPointsComeFirstAxisSlowest() {
    List<Grid.Axis> axes = List.of(
        new Grid.Axis("a", "x.a", List.of(1, 2)), new Grid.Axis("b", "x.b", List.of("p", "q", "r")));
    List<Grid.Point> points = Grid.points(axes);
    assertThat(points).extracting(p -> p.get("a") + "" + p.get("b"))
        .containsExactly("1p", "1q", "1r", "2p", "2q", "2r");
    assertThat(Grid.size(axes)).isEqualTo(6.0);
    assertThat(points.get(0).path("b", "x")).isEqualTo("x.b");
    assertThat(points.get(0).path("c", "x")).isEqualTo("x.c");
  }

  @Test
  void didYouMeanSuggestsOnlyCloseNames() {
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    assertThat(DidYouMean.hint("replicate", List.of("replicates", "seed"))).contains("'replicates'");
    assertThat(DidYouMean.hint("banana", List.of("replicates", "seed"))).isEmpty();
  }

  @Test
  void trajectorySampleIsTheFirstReplicatesOfEveryGroup() {
    Trajectories t = new Trajectories(Trajectories.Mode.SAMPLE, 2);
    assertThat(t.records(0)).isTrue();
    assertThat(t.records(1)).isTrue();
    assertThat(t.records(2)).isFalse();
    assertThat(Trajectories.NONE.records(0)).isFalse();
    assertThat(new Trajectories(Trajectories.Mode.ALL, 0).records(1_000_000)).isTrue();
    assertThat(t.canonical()).isEqualTo("sample;sample-size=2");
  }

  @Test
  void fullySyntheticEstimateIsTheWrightFisherMeanCappedAtM() {
    Context uniform = new Context(2, new int[] {0, 1}, new double[] {0.5, 0.5}, "uniform(vocabulary=2)");
    // -2n Σ (1-p) ln(1-p) with p = (1/2, 1/2): 2n ln 2
    assertThat(WorkEstimate.generations(uniform, ParadigmSpec.fullySynthetic(100), 10_000))
        .isCloseTo(200 * Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(WorkEstimate.generations(uniform, ParadigmSpec.fullySynthetic(100), 50)).isEqualTo(50);
    ParadigmSpec windowOne = ParadigmSpec.defaults(Paradigm.MOST_RECENT, 100).withWindow(1, Allocation.SPLIT);
    assertThat(WorkEstimate.generations(uniform, windowOne, 10_000)).isCloseTo(200 * Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
    Context dirac = new Context(2, new int[] {1}, new double[] {1.0}, "explicit(probs=[0,1])");
    assertThat(WorkEstimate.generations(dirac, ParadigmSpec.fullySynthetic(100), 10_000)).isEqualTo(1.0);
  }

  @Test
  void paradigmsThatNeedNotCollapseRunToTheCap() {
    Context p = TestSweeps.threeTokens();
    assertThat(WorkEstimate.generations(p, ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 10), 777)).isEqualTo(777);
    assertThat(WorkEstimate.generations(p, ParadigmSpec.defaults(Paradigm.ACCUMULATE, 10), 777)).isEqualTo(777);
    assertThat(WorkEstimate.generations(p, ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, 0.1, 0.01, 0), 777)).isEqualTo(777);
    assertThat(WorkEstimate.generations(p, ParadigmSpec.defaults(Paradigm.MOST_RECENT, 10).withWindow(3, Allocation.SPLIT), 777))
        .isEqualTo(777);
  }
}
