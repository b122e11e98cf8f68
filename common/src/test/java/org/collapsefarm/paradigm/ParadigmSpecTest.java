package org.collapsefarm.paradigm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapsefarm.ParameterException;
import org.junit.jupiter.api.Test;

/** Invalid combinations are rejected with the key and the allowed range (issue 2, item 5). */
class ParadigmSpecTest {
  @Test
  void rejectsOutOfRangeParametersNamingTheKey() {
    assertThatThrownBy(() -> ParadigmSpec.fullySynthetic(0))
        .isInstanceOf(ParameterException.class)
        .hasMessage("n: must be an integer >= 1, got 0");
    assertThatThrownBy(() -> ParadigmSpec.defaults(Paradigm.MOST_RECENT, 10).withWindow(0, Allocation.SPLIT))
        .hasMessage("window: must be an integer >= 1, got 0");
    assertThatThrownBy(() -> ParadigmSpec.defaults(Paradigm.MOST_RECENT, 3).withWindow(4, Allocation.LITERAL))
        .hasMessageStartingWith("window: allocation literal draws floor(n/window)");
    assertThatThrownBy(() -> ParadigmSpec.defaults(Paradigm.ACCUMULATE, 10).withRate(0, Pool.CORPORA))
        .hasMessage("rate: must be a finite number > 0.0, got 0.0");
    assertThatThrownBy(() -> ParadigmSpec.defaults(Paradigm.ACCUMULATE, 10).withRate(0.01, Pool.CORPORA))
        .hasMessageStartingWith("rate: round(rate * n) must be >= 1");
    assertThat(ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 10).withRate(0.01, Pool.FRESH).rate()).isEqualTo(0.01);
    assertThatThrownBy(() -> ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 10).withRealN(0))
        .hasMessage("real-n: must be an integer >= 1, got 0");
    assertThatThrownBy(() -> ParadigmSpec.fullySynthetic(10).withRealN(5))
        .hasMessage("real-n: applies only to partially-synthetic, got 5");
    assertThatThrownBy(() -> ParadigmSpec.fullySynthetic(10).withKnobs(1, 0, 0, 0, 0))
        .hasMessage("top-p: must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> ParadigmSpec.fullySynthetic(10).withKnobs(1, 1.5, 0, 0, 0))
        .hasMessage("top-p: must be in (0, 1], got 1.5");
    assertThatThrownBy(() -> ParadigmSpec.fullySynthetic(10).withKnobs(0, 1, 0, 0, 0))
        .hasMessage("temperature: must be a finite number > 0.0, got 0.0");
    assertThatThrownBy(() -> ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, 0.5, 0, 0))
        .hasMessageStartingWith("collapse-epsilon: must be > 0 when smoothing > 0");
    assertThatThrownBy(() -> ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, -1, 0.1, 0))
        .hasMessage("smoothing: must be a finite number >= 0.0, got -1.0");
    assertThatThrownBy(() -> ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, 0, 1, 0))
        .hasMessage("collapse-epsilon: must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> ParadigmSpec.fullySynthetic(10).withKnobs(1, 1, 0, 0, -1))
        .hasMessage("real-anchor: must be an integer >= 0, got -1");
    assertThatThrownBy(() -> Paradigm.fromConfig("replace"))
        .hasMessageStartingWith("paradigm: unknown value 'replace'; allowed: fully-synthetic, partially-synthetic");
  }

  @Test
  void canonicalTextListsOnlyTheParametersThatMatter() {
    assertThat(ParadigmSpec.fullySynthetic(10).canonical())
        .isEqualTo("fully-synthetic;n=10;temperature=1.0;top-p=1.0;smoothing=0.0;collapse-epsilon=0.0;real-anchor=0");
    assertThat(ParadigmSpec.defaults(Paradigm.MOST_RECENT, 10).withWindow(5, Allocation.LITERAL).canonical())
        .startsWith("most-recent;n=10;window=5;allocation=literal;");
  }
}
