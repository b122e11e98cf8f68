package org.collapsefarm.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and expanding sweeps (builds real contexts with the kernel's {@code Contexts}). */
class SweepLoaderTest {
  @TempDir Path dir;

  private Sweep load(String body, String... overrides) throws IOException, ConfigException {
    Path conf = Files.writeString(dir.resolve("s.conf"), "sweep {\n name = s\n output = \"" + dir.resolve("out") + "\"\n" + body + "\n}\n");
    return SweepLoader.load(conf, List.of(overrides));
  }

  private static final String SMALL = """
      contexts = [ { family = uniform, vocabulary = 4 } ]
      paradigms = [ { paradigm = fully-synthetic, n = [10, 20] } ]
      """;

  @Test
  void quickstartExpandsContextsTimesParameterSets() throws ConfigException {
    Sweep s = SweepLoader.load(Path.of("..", "conf", "quickstart.conf"), List.of());
    assertThat(s.contexts()).hasSize(3);
    assertThat(s.groups()).hasSize(15);
    assertThat(s.cellCount()).isEqualTo(3000);
    assertThat(s.groups()).extracting(Group::groupId).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{16}"));
    // contexts in config order, then entries in config order, then grid order
    assertThat(s.groups().subList(0, 5)).extracting(g -> Plan.label(g.spec())).containsExactly(
        "fully-synthetic n=10", "fully-synthetic n=50", "partially-synthetic n=10 real-n=100",
        "most-recent n=10 window=5 allocation=split", "accumulate-subsample n=10 rate=1.0 pool=corpora");
    assertThat(s.groups()).extracting(Group::contextId).containsSubsequence(
        s.contexts().get(0).contextId(), s.contexts().get(1).contextId(), s.contexts().get(2).contextId());
    assertThat(s.contexts().get(0).context().support()).isEqualTo(52);
    assertThat(s.contexts().get(0).context().s0()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void cotGridHasTwentyFiveGroupsAndEstimatesAboutTwoNGenerations() throws ConfigException {
    Sweep s = SweepLoader.load(Path.of("..", "conf", "cot-replace-grid.conf"), List.of());
    assertThat(s.groups()).hasSize(25);
    assertThat(s.cellCount()).isEqualTo(2500);
    assertThat(s.maxGenerations()).isEqualTo(2_000_000);
    Group largest = s.groups().get(24);
    assertThat(largest.spec().n()).isEqualTo(100_000);
    // uniform on 1e5 outcomes: -2n·s(1-1/s)ln(1-1/s) = 2n(1 - 1/(2s) + …) ≈ 2e5, well under the cap
    assertThat(largest.estimatedGenerations()).isBetween(1.99e5, 2.0e5);
  }

  @Test
  void definitionIgnoresSparkAndOutputButNotResults() throws IOException, ConfigException {
    Sweep base = load(SMALL);
    assertThat(load(SMALL, "spark.master=\"local[2]\"", "spark.sql.shuffle.partitions=3").definitionHash())
        .isEqualTo(base.definitionHash());
    assertThat(load(SMALL, "sweep.output=elsewhere").definitionHash()).isEqualTo(base.definitionHash());
    assertThat(load(SMALL, "sweep.seed=1").definitionHash()).isNotEqualTo(base.definitionHash());
    assertThat(load(SMALL, "sweep.replicates=5").definitionHash()).isNotEqualTo(base.definitionHash());
    assertThat(load(SMALL, "sweep.max-generations=5").definitionHash()).isNotEqualTo(base.definitionHash());
    assertThat(load(SMALL, "sweep.record.trajectories=all").definitionHash()).isNotEqualTo(base.definitionHash());
    assertThat(base.definitionHash()).isEqualTo(Definition.sha256(base.definition())).matches("[0-9a-f]{64}");
    assertThat(base.definition()).contains("uniform(vocabulary=4)").contains("fully-synthetic;n=20");
  }

  @Test
  void sparkSettingsAreCollected() throws IOException, ConfigException {
    Sweep s = load(SMALL, "spark.master=local[2]", "spark.sql.shuffle.partitions=3");
    assertThat(s.sparkMaster()).isEqualTo("local[2]");
    assertThat(s.sparkConf()).isEqualTo(Map.of("spark.sql.shuffle.partitions", "3"));
    assertThat(load(SMALL).sparkMaster()).isNull();
  }

  @Test
  void sweepWideKnobAxesCrossEveryEntryUnlessTheEntrySetsTheKnob() throws IOException, ConfigException {
    Sweep s = load("""
        temperature = [1, 0.5]
        contexts = [ { family = uniform, vocabulary = 4 } ]
        paradigms = [
          { paradigm = fully-synthetic, n = [10, 20] }
          { paradigm = accumulate, n = 10, rate = [1, 2], temperature = 2 }
        ]
        """);
    assertThat(s.groups()).extracting(g -> g.spec().n() + "/" + g.spec().temperature() + "/" + g.spec().rate())
        .containsExactly("10/1.0/0.0", "10/0.5/0.0", "20/1.0/0.0", "20/0.5/0.0", "10/2.0/1.0", "10/2.0/2.0");
  }

  @Test
  void probsIsAVectorAndAListOfVectorsIsAnAxis() throws IOException, ConfigException {
    Sweep one = load("""
        contexts = [ { family = explicit, probs = [0.5, 0.5] } ]
        paradigms = [ { paradigm = fully-synthetic, n = 4 } ]
        """);
    assertThat(one.contexts()).hasSize(1);
    assertThat(one.contexts().get(0).context().support()).isEqualTo(2);
    Sweep two = load("""
        contexts = [ { family = explicit, probs = [[0.5, 0.5], [0.1, 0.2, 0.7]] } ]
        paradigms = [ { paradigm = fully-synthetic, n = 4 } ]
        """);
    assertThat(two.contexts()).extracting(c -> c.context().support()).containsExactly(2, 3);
  }

  @Test
  void wholeNumbersInExponentNotationAreIntegers() throws IOException, ConfigException {
    Sweep s = load("""
        contexts = [ { family = uniform, vocabulary = 1e2 } ]
        paradigms = [ { paradigm = fully-synthetic, n = 1e5 } ]
        """);
    assertThat(s.groups().get(0).spec()).isEqualTo(ParadigmSpec.fullySynthetic(100_000));
    assertThat(s.contexts().get(0).context().vocabulary()).isEqualTo(100);
  }

  @Test
  void paradigmDefaultsAndTrajectories() throws IOException, ConfigException {
    Sweep s = load("""
        record { trajectories = sample, sample-size = 5 }
        contexts = [ { family = uniform, vocabulary = 4 } ]
        paradigms = [
          { paradigm = most-recent, n = 10, window = 3 }
          { paradigm = randomly-sampled, n = 10 }
          { paradigm = accumulate-subsample, n = 10 }
        ]
        """);
    assertThat(s.trajectories()).isEqualTo(new Trajectories(Trajectories.Mode.SAMPLE, 5));
    assertThat(s.groups()).extracting(Group::spec).containsExactly(
        ParadigmSpec.defaults(Paradigm.MOST_RECENT, 10).withWindow(3, org.collapsefarm.paradigm.Allocation.SPLIT),
        ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, 10),
        ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 10));
  }

  @Test
  void groupIdsDependOnlyOnContextSpecAndCap() throws IOException, ConfigException {
    Sweep a = load(SMALL);
    Sweep b = load("""
        contexts = [ { family = explicit, probs = [0.9, 0.1] }, { family = uniform, vocabulary = 4 } ]
        paradigms = [ { paradigm = fully-synthetic, n = [20, 10] } ]
        """, "sweep.seed=99");
    assertThat(b.groups()).extracting(Group::groupId).containsAll(a.groups().stream().map(Group::groupId).toList());
  }

  @Test
  void kernelRangeErrorsNameTheEntryKey() {
    assertThatThrownBy(() -> load("""
        contexts = [ { family = uniform, vocabulary = 4 }, { family = uniform, vocabulary = 0 } ]
        paradigms = [ { paradigm = fully-synthetic, n = 4 } ]
        """)).isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("sweep.contexts[1].vocabulary"));
    assertThatThrownBy(() -> load("""
        contexts = [ { family = explicit, probs = [0.5, 0.4] } ]
        paradigms = [ { paradigm = fully-synthetic, n = 4 } ]
        """)).isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("sweep.contexts[0].probs"));
    assertThatThrownBy(() -> load("""
        contexts = [ { family = power-law, vocabulary = 10, support = 20, s0 = 0.2 } ]
        paradigms = [ { paradigm = fully-synthetic, n = 4 } ]
        """)).isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("sweep.contexts[0].support"));
  }

  @Test
  void theSameContextTwiceIsRefused() {
    assertThatThrownBy(() -> load("""
        contexts = [ { family = uniform, vocabulary = 4 }, { family = uniform, vocabulary = [3, 4] } ]
        paradigms = [ { paradigm = fully-synthetic, n = 4 } ]
        """)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sweep.contexts[1]"))
        .hasMessageContaining("appears twice");
  }
}
