package org.collapsefarm.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapsefarm.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextsTest {
  @ParameterizedTest(name = "S0 = {0}, support = {1}")
  @CsvSource({
    // [S] Fig. 2 and Fig. 3/4/6 settings, the extremes of the reachable range, and a large support
    "0.01, 181", "0.1, 29", "0.5, 10", "0.7, 9", "0.1, 52", "0.01, 484", "0.5, 22", "0.7, 16",
    "0.0055248618784530384, 181", "0.999, 52", "0.02, 600"
  })
  void powerLawReachesItsTargetS0To1e9OnExactlyTheTargetSupport(double s0, int support) {
    Context c = Contexts.powerLaw(600, support, s0, 0);
    assertThat(c.s0()).isCloseTo(s0, within(1e-9));
    assertThat(c.support()).isEqualTo(support);
    assertThat(c.vocabulary()).isEqualTo(600);
    double sum = 0;
    for (int i = 0; i < support; i++) {
      sum += c.prob(i);
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void powerLawIsAPowerLawInRankOnSeedChosenTokens() {
    Context c = Contexts.powerLaw(600, 52, 0.1, 0);
    double[] sorted = c.probs();
    java.util.Arrays.sort(sorted);
    // p_r ∝ r^-a: ln(p_1/p_r) / ln r is the same exponent a for every rank r.
    double p1 = sorted[51];
    double a = Math.log(p1 / sorted[50]) / Math.log(2);
    for (int r = 3; r <= 52; r++) {
      assertThat(Math.log(p1 / sorted[52 - r]) / Math.log(r)).isCloseTo(a, within(1e-9));
    }
    assertThat(Contexts.powerLaw(600, 52, 0.1, 0)).isEqualTo(c);
    assertThat(Contexts.powerLaw(600, 52, 0.1, 1).tokens()).isNotEqualTo(c.tokens());
    assertThat(c.tokens()).isNotEqualTo(java.util.stream.IntStream.range(0, 52).toArray());
    assertThat(c.source()).isEqualTo("power-law(vocabulary=600,support=52,s0=0.1,seed=0)");
  }

  @Test
  void powerLawRejectsUnreachableTargets() {
    assertThatThrownBy(() -> Contexts.powerLaw(600, 52, 0.01, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessage("s0: must be in [1/support, 1) = [0.019230769230769232, 1) for support 52, got 0.01");
    assertThatThrownBy(() -> Contexts.powerLaw(600, 52, 1.0, 0)).hasMessageStartingWith("s0: must be in [1/support, 1)");
    assertThatThrownBy(() -> Contexts.powerLaw(600, 52, Double.NaN, 0)).hasMessageStartingWith("s0: ");
    assertThatThrownBy(() -> Contexts.powerLaw(600, 1, 0.5, 0)).hasMessage("s0: support 1 forces s0 = 1, got 0.5");
    assertThatThrownBy(() -> Contexts.powerLaw(600, 601, 0.5, 0))
        .hasMessage("support: must be in [1, vocabulary] = [1, 600], got 601");
    assertThatThrownBy(() -> Contexts.powerLaw(600, 0, 0.5, 0)).hasMessageStartingWith("support: ");
    assertThatThrownBy(() -> Contexts.powerLaw(0, 1, 1, 0)).hasMessageStartingWith("vocabulary: ");
    assertThatThrownBy(() -> Contexts.powerLaw(600, 52, 1 - 1e-300, 0)).hasMessageStartingWith("s0: ");
    assertThat(Contexts.powerLaw(600, 1, 1.0, 0).support()).isEqualTo(1);
  }

  @Test
  void explicitValidatesAndKeepsZerosOutOfTheSupport() {
    Context c = Contexts.explicit(new double[] {0.5, 0, 0.3, 0.2});
    assertThat(c.vocabulary()).isEqualTo(4);
    assertThat(c.tokens()).containsExactly(0, 2, 3);
    assertThat(c.probs()).containsExactly(0.5, 0.3, 0.2);
    assertThat(c.source()).isEqualTo("explicit(probs=[0.5,0.0,0.3,0.2])");
    assertThatThrownBy(() -> Contexts.explicit(new double[] {0.5, 0.6}))
        .isInstanceOf(ParameterException.class)
        .hasMessage("probs: must sum to 1 within 1.0E-9, got 1.1");
    assertThatThrownBy(() -> Contexts.explicit(new double[] {1.5, -0.5}))
        .hasMessage("probs: entry 1 must be finite and >= 0, got -0.5");
    assertThatThrownBy(() -> Contexts.explicit(new double[] {Double.NaN, 1}))
        .hasMessage("probs: entry 0 must be finite and >= 0, got NaN");
    assertThatThrownBy(() -> Contexts.explicit(new double[] {Double.POSITIVE_INFINITY}))
        .hasMessageStartingWith("probs: entry 0 must be finite");
    assertThatThrownBy(() -> Contexts.explicit(new double[0])).hasMessage("probs: must be a non-empty list of probabilities");
    assertThat(Contexts.explicit(new double[] {0.5, 0.5 + 5e-10}).support()).isEqualTo(2);
  }

  @Test
  void uniformOnTheVocabularyOrOnSeedChosenTokens() {
    Context all = Contexts.uniform(10);
    assertThat(all.tokens()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(all.s0()).isCloseTo(0.1, within(1e-15));
    assertThat(all.source()).isEqualTo("uniform(vocabulary=10)");
    Context some = Contexts.uniform(600, 52, 3);
    assertThat(some.support()).isEqualTo(52);
    assertThat(some.s0()).isCloseTo(1.0 / 52, within(1e-15));
    assertThat(some.source()).isEqualTo("uniform(vocabulary=600,support=52,seed=3)");
    assertThat(Contexts.uniform(600, 52, 3)).isEqualTo(some);
    assertThat(Contexts.uniform(600, 52, 4).tokens()).isNotEqualTo(some.tokens());
    assertThatThrownBy(() -> Contexts.uniform(10, 11, 0)).hasMessageStartingWith("support: ");
  }

  @Test
  void dirichletDrawsDependOnlyOnTheSeedAndDropUnderflowedTokens() {
    Context c = Contexts.dirichlet(600, 0.1, 3);
    assertThat(Contexts.dirichlet(600, 0.1, 3)).isEqualTo(c);
    assertThat(Contexts.dirichlet(600, 0.1, 4)).isNotEqualTo(c);
    assertThat(c.source()).isEqualTo("dirichlet(vocabulary=600,concentration=0.1,seed=3)");
    // With concentration 0.001 most Gamma(0.001) draws underflow to exactly 0.
    Context sparse = Contexts.dirichlet(600, 0.001, 3);
    assertThat(sparse.support()).isLessThan(600).isGreaterThan(0);
    assertThatThrownBy(() -> Contexts.dirichlet(600, 0, 3)).hasMessage("concentration: must be a finite number > 0.0, got 0.0");
    // The mean of a symmetric Dirichlet is uniform: average many draws' first coordinate.
    double mean = 0;
    int draws = 2000;
    for (int seed = 0; seed < draws; seed++) {
      mean += Contexts.dirichlet(5, 1.0, seed).dense()[0];
    }
    mean /= draws;
    // Var of a Dirichlet(1,...,1) coordinate with k = 5: (1/5)(4/5)/6; z = 4.5.
    double se = Math.sqrt(0.2 * 0.8 / 6 / draws);
    assertThat(Math.abs(mean - 0.2) / se).isLessThan(4.5);
  }

  @Test
  void zipfFollowsItsExponent() {
    Context c = Contexts.zipf(1000, 1.1);
    assertThat(c.support()).isEqualTo(1000);
    assertThat(c.prob(0) / c.prob(9)).isCloseTo(Math.pow(10, 1.1), within(1e-9));
    assertThat(c.source()).isEqualTo("zipf(vocabulary=1000,exponent=1.1)");
    assertThat(Contexts.zipf(1000, 0).s0()).isCloseTo(1e-3, within(1e-15));
    assertThat(Contexts.zipf(1000, 2000).support()).isLessThan(1000);
    assertThatThrownBy(() -> Contexts.zipf(1000, -1)).hasMessage("exponent: must be a finite number >= 0.0, got -1.0");
  }
}
