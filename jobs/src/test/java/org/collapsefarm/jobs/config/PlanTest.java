package org.collapsefarm.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.Test;

class PlanTest {
  @Test
  void planCountsContextsGroupsCellsAndWork() {
    Sweep s = TestSweeps.small("s", "/tmp/nowhere-out");
    String plan = Plan.describe(s);
    // p = (0.5, 0.3, 0.2): Σ(1-p)ln(1-p) = 0.5 ln 0.5 + 0.7 ln 0.7 + 0.8 ln 0.8
    double perN = -2 * (0.5 * Math.log(0.5) + 0.7 * Math.log(0.7) + 0.8 * Math.log(0.8));
    double total = 4 * (Math.min(100, 10 * perN) + Math.min(100, 50 * perN));
    assertThat(plan)
        .contains("sweep s -> /tmp/nowhere-out/s/")
        .contains("contexts: 1")
        .contains("explicit(probs=[0.5,0.3,0.2])")
        .contains("parameter sets: 2")
        .contains("fully-synthetic n=10")
        .contains("groups: 2 = 1 contexts x 2 parameter sets")
        .contains("cells:  8 = 2 groups x 4 replicates")
        .contains(String.format(Locale.ROOT, "about %.0f generations", total))
        .contains(s.definitionHash())
        .contains("memory: simulate needs about 450 MiB (local Spark's minimum heap");
    assertThat(plan).doesNotContain("temperature=");
  }

  @Test
  void labelsKeepOnlyKnobsThatAreSet() {
    assertThat(Plan.label(ParadigmSpec.fullySynthetic(10))).isEqualTo("fully-synthetic n=10");
    assertThat(Plan.label(ParadigmSpec.fullySynthetic(10).withKnobs(0.5, 1, 0, 0, 2)))
        .isEqualTo("fully-synthetic n=10 temperature=0.5 real-anchor=2");
  }

  @Test
  void coresComeFromALocalMaster() {
    int all = Runtime.getRuntime().availableProcessors();
    assertThat(Plan.localCores(null)).isEqualTo(all);
    assertThat(Plan.localCores("local[*]")).isEqualTo(all);
    assertThat(Plan.localCores("local")).isEqualTo(1);
    assertThat(Plan.localCores("local[3]")).isEqualTo(3);
    assertThat(Plan.localCores("local[3,2]")).isEqualTo(3);
    assertThat(Plan.localCores("spark://127.0.0.1:7077")).isZero();
  }

  @Test
  void largeNumbersAreShortened() {
    assertThat(Plan.approx(9999)).isEqualTo("9999");
    assertThat(Plan.approx(1.93e6)).isEqualTo("1.9e6");
    assertThat(Plan.approx(1.1e12)).isEqualTo("1.1e12");
  }
}
