package org.collapsefarm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * MultinomialSampler, both methods (conditional binomials and ordered uniforms), both entry points
 * (probabilities and integer counts):
 *
 * <ul>
 *   <li>marginals: out[i] ~ Binomial(k, q_i), chi-square per (method, case, entry);
 *   <li>joint: the full composition against the exact multinomial pmf on small cases;
 *   <li>sampleFromCounts equals sample in distribution: both fit the same exact pmf.
 * </ul>
 *
 * Every chi-square test rejects at family-wise α = 1e-3 with Bonferroni over the {@value #FAMILY}
 * tests of this class (threshold from the χ² null distribution). Fixed seeds.
 */
class MultinomialSamplerTest {
  private static final double FAMILY_ALPHA = 1e-3;
  /**
   * The number of chi-square tests in this class (for Bonferroni): marginals 3 k × 6 methods × 6
   * positive entries, joint 6 methods, large counts 4 methods, long support 6 methods.
   */
  private static final int FAMILY = 3 * 6 * 6 + 6 + 4 + 6;
  private static final int DRAWS = 20_000;

  /** A sampler under test: one of the four (entry point × method) combinations. */
  private interface Method {
    void sample(UniformRandomProvider rng, int k, double[] q, int[] counts, long total, int len,
        int[] out);
  }

  private static final Map<String, Method> METHODS = Map.of(
      "conditional-binomials", (rng, k, q, c, t, len, out) ->
          MultinomialSampler.sampleConditionalBinomials(rng, k, q, len, out),
      "ordered-uniforms", (rng, k, q, c, t, len, out) ->
          MultinomialSampler.sampleOrderedUniforms(rng, k, q, len, out),
      "counts-conditional-binomials", (rng, k, q, c, t, len, out) ->
          MultinomialSampler.sampleFromCountsConditionalBinomials(rng, k, c, t, len, out),
      "counts-ordered-uniforms", (rng, k, q, c, t, len, out) ->
          MultinomialSampler.sampleFromCountsOrderedUniforms(rng, k, c, t, len, out),
      "sample", (rng, k, q, c, t, len, out) -> MultinomialSampler.sample(rng, k, q, len, out),
      "sampleFromCounts", (rng, k, q, c, t, len, out) ->
          MultinomialSampler.sampleFromCounts(rng, k, c, t, len, out));

  /** counts, with q = counts / Σ counts; includes zero entries inside and at the end. */
  private static final int[] COUNTS = {40, 0, 25, 20, 10, 4, 1, 0};

  private static double[] probabilities(int[] counts) {
    long total = Arrays.stream(counts).asLongStream().sum();
    return Arrays.stream(counts).mapToDouble(c -> (double) c / total).toArray();
  }

  @Test
  void marginalsAreBinomial() {
    double[] q = probabilities(COUNTS);
    long total = Arrays.stream(COUNTS).sum();
    for (int k : new int[] {3, 30, 400}) {
      for (Map.Entry<String, Method> method : METHODS.entrySet()) {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(k * 31L + method.getKey().hashCode());
        long[][] marginal = new long[COUNTS.length][DRAWS / 4];
        int[] out = new int[COUNTS.length];
        for (int d = 0; d < DRAWS / 4; d++) {
          method.getValue().sample(rng, k, q, COUNTS, total, COUNTS.length, out);
          assertThat(Arrays.stream(out).sum()).isEqualTo(k);
          for (int i = 0; i < COUNTS.length; i++) {
            marginal[i][d] = out[i];
          }
        }
        for (int i = 0; i < COUNTS.length; i++) {
          if (q[i] == 0) {
            assertThat(marginal[i]).as("zero-probability entry %d", i).containsOnly(0L);
            continue;
          }
          BinomialDistribution exact = BinomialDistribution.of(k, q[i]);
          GoodnessOfFit.assertFitsBinomial(method.getKey() + " k=" + k + " entry " + i, marginal[i], exact,
              FAMILY_ALPHA, FAMILY);
        }
      }
    }
  }

  @Test
  void jointMatchesExactMultinomialPmf() {
    int[] counts = {5, 3, 0, 2};
    long total = 10;
    double[] q = probabilities(counts);
    int k = 4;
    // Enumerate the compositions of k over the entries with a positive count, with their exact pmf.
    Map<String, Integer> index = new HashMap<>();
    double[] pmf = new double[64];
    int categories = 0;
    for (int a = 0; a <= k; a++) {
      for (int b = 0; a + b <= k; b++) {
        int c = k - a - b;
        index.put(Arrays.toString(new int[] {a, b, 0, c}), categories);
        pmf[categories++] = 24.0 / (factorial(a) * factorial(b) * factorial(c))
            * Math.pow(q[0], a) * Math.pow(q[1], b) * Math.pow(q[3], c);
      }
    }
    double[] probability = Arrays.copyOf(pmf, categories);
    assertThat(Arrays.stream(probability).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    for (Map.Entry<String, Method> method : METHODS.entrySet()) {
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(method.getKey().hashCode());
      long[] observed = new long[categories];
      int[] out = new int[counts.length];
      for (int d = 0; d < DRAWS; d++) {
        method.getValue().sample(rng, k, q, counts, total, counts.length, out);
        Integer category = index.get(Arrays.toString(out));
        assertThat(category).as("%s drew an impossible composition %s", method.getKey(),
            Arrays.toString(out)).isNotNull();
        observed[category]++;
      }
      GoodnessOfFit.assertFits(method.getKey() + " joint", observed, probability, DRAWS,
          FAMILY_ALPHA, FAMILY);
    }
  }

  @Test
  void largeCountsOnFewEntries() {
    // (k = 1e5, len = 3): conditional binomials in the BTRS regime. Ordered uniforms cost O(k) and
    // are never chosen here, so they are left out (they are tested at k = 400 above).
    int[] counts = {1, 2, 7};
    double[] q = probabilities(counts);
    int k = 100_000;
    for (Map.Entry<String, Method> method : METHODS.entrySet()) {
      if (method.getKey().endsWith("ordered-uniforms")) {
        continue;
      }
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(7 + method.getKey().hashCode());
      long[] first = new long[DRAWS / 4];
      int[] out = new int[3];
      for (int d = 0; d < first.length; d++) {
        method.getValue().sample(rng, k, q, counts, 10, 3, out);
        assertThat(out[0] + out[1] + out[2]).isEqualTo(k);
        first[d] = out[0];
      }
      BinomialDistribution exact = BinomialDistribution.of(k, 0.1);
      GoodnessOfFit.assertFitsBinomial(method.getKey() + " k=1e5 entry 0", first, exact, FAMILY_ALPHA, FAMILY);
    }
  }

  @Test
  void fewDrawsOnALongSupport() {
    // (k = 10, len = 2e4), uniform q: the number of draws in the first 30% of entries ~ Binomial(10, 0.3).
    int len = 20_000;
    int[] counts = new int[len];
    Arrays.fill(counts, 1);
    double[] q = probabilities(counts);
    for (Map.Entry<String, Method> method : METHODS.entrySet()) {
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11 + method.getKey().hashCode());
      long[] head = new long[500];
      int[] out = new int[len];
      for (int d = 0; d < head.length; d++) {
        method.getValue().sample(rng, 10, q, counts, len, len, out);
        assertThat(Arrays.stream(out).sum()).isEqualTo(10);
        head[d] = Arrays.stream(out, 0, len * 3 / 10).sum();
      }
      BinomialDistribution exact = BinomialDistribution.of(10, 0.3);
      GoodnessOfFit.assertFitsBinomial(method.getKey() + " k=10 len=2e4 head", head, exact, FAMILY_ALPHA, FAMILY);
    }
  }

  @Test
  void zeroDrawsGiveZeros() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(3L);
    int[] out = {9, 9, 9};
    MultinomialSampler.sample(rng, 0, new double[] {0.5, 0.5, 0}, 3, out);
    assertThat(out).containsExactly(0, 0, 0);
    out = new int[] {9, 9, 9};
    MultinomialSampler.sampleFromCounts(rng, 0, new int[] {1, 1, 0}, 2, 3, out);
    assertThat(out).containsExactly(0, 0, 0);
  }

  @Test
  void singleLiveEntryTakesEverything() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(4L);
    for (Map.Entry<String, Method> method : METHODS.entrySet()) {
      int[] out = new int[4];
      method.getValue().sample(rng, 37, new double[] {0, 0, 1, 0}, new int[] {0, 0, 5, 0}, 5, 4, out);
      assertThat(out).as(method.getKey()).containsExactly(0, 0, 37, 0);
    }
  }

  @Test
  void rejectsBadArguments() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
    int[] out = new int[3];
    assertThatThrownBy(() -> MultinomialSampler.sample(rng, -1, new double[] {1}, 1, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be >= 0");
    assertThatThrownBy(() -> MultinomialSampler.sample(rng, 5, new double[] {1}, 2, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("len");
    assertThatThrownBy(() -> MultinomialSampler.sample(rng, 5, new double[] {0, 0}, 2, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no positive entry");
    assertThatThrownBy(() -> MultinomialSampler.sampleFromCounts(rng, 50, new int[] {1, 2}, 5, 2, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not sum to total");
    assertThatThrownBy(() -> MultinomialSampler.sampleFromCounts(rng, 5, new int[] {1, 2}, 0, 2, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total");
  }

  private static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }
}
