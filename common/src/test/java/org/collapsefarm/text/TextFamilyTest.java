package org.collapsefarm.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.collapsefarm.ParameterException;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.junit.jupiter.api.Test;

/** The text family on the paradigm layer ({@link FamilyRecursion}). */
class TextFamilyTest {
  /** A corpus over ids 0..6 with a skewed unigram distribution (EOS included). */
  static TextCorpus toyCorpus(long seed) {
    var rng = RandomSource.SPLIT_MIX_64.create(seed);
    TokenCorpus train = KneserNeyTest.randomCorpus(rng, 40, 5);
    TokenCorpus valid = KneserNeyTest.randomCorpus(rng, 10, 5);
    Vocabulary v = Vocabulary.of(Map.of("a", 50L, "b", 40L, "c", 30L, "d", 20L, "e", 10L), 10);
    return TextCorpus.of(v, train, valid, Tokenizer.WORDS);
  }

  /** Records every generation's values, split as {@link TextFamily} writes them. */
  static class Recorder implements GenerationSink, TextFamily.SampleListener {
    final int probes;
    final List<double[]> values = new ArrayList<>();
    final List<double[]> text = new ArrayList<>();
    final List<double[]> probeValues = new ArrayList<>();
    final List<double[]> residuals = new ArrayList<>();
    final List<Boolean> collapsed = new ArrayList<>();
    final List<String> samples = new ArrayList<>();
    int absorbedFrom = -1;
    int absorbedTo = -1;
    double lastAbsorbingToken = Double.NaN;

    Recorder(int probes) {
      this.probes = probes;
    }

    @Override
    public void generation(int m, double[] v, boolean c) {
      assertThat(m).isEqualTo(values.size());
      values.add(Arrays.copyOf(v, Metric.COUNT));
      text.add(Arrays.copyOfRange(v, TextFamily.TEXT_OFFSET, TextFamily.TEXT_OFFSET + TextMetric.COUNT));
      double[] p = new double[probes];
      for (int i = 0; i < probes; i++) {
        p[i] = v[TextFamily.PROBE_OFFSET + 2 * i];
      }
      probeValues.add(p);
      double[] r = new double[probes];
      for (int i = 0; i < probes; i++) {
        r[i] = v[TextFamily.residualIndex(probes, i)];
      }
      residuals.add(r);
      collapsed.add(c);
      lastAbsorbingToken = v[TextFamily.PROBE_OFFSET + 2 * probes];
    }

    @Override
    public void absorbed(int from, int to, double[] v) {
      absorbedFrom = from;
      absorbedTo = to;
    }

    @Override
    public void sample(int m, int index, String document) {
      samples.add(m + ":" + index + ":" + document);
    }
  }

  static RunResult run(TextSetup setup, ParadigmSpec spec, int maxLength, int gens, long seed, int samples, Recorder rec) {
    return FamilyRecursion.run(new TextFamily(setup, spec, maxLength, seed, samples, rec), spec, gens, seed, rec);
  }

  /**
   * MATH.md §8's exact link: at order 1 with a budget of n tokens, fully synthetic is Mult(n, p^(m−1)),
   * so [S] Theorem 1 eq. 6 holds with S_0 the training part's unigram collision probability:
   * E σ_m = 1 − (1 − 1/n)^m (1 − S_0). 1,500 runs, z < 3.5 at each of 8 generations (Bonferroni over
   * 8 at a 0.4 % family level).
   */
  @Test
  void unigramFullySyntheticFollowsTheorem1() {
    TextSetup setup = new TextSetup(toyCorpus(1), 1, List.of());
    int n = 12;
    int gens = 8;
    int runs = 1500;
    double[] sum = new double[gens + 1];
    double[] sumSq = new double[gens + 1];
    double s0 = Double.NaN;
    for (int r = 0; r < runs; r++) {
      Recorder rec = new Recorder(0);
      run(setup, ParadigmSpec.fullySynthetic(n), 600, gens, 1000 + r, 0, rec);
      s0 = rec.values.get(0)[Metric.SIGMA.ordinal()];
      for (int m = 0; m <= gens; m++) {
        double v = m < rec.values.size() ? rec.values.get(m)[Metric.SIGMA.ordinal()] : rec.values.get(rec.values.size() - 1)[Metric.SIGMA.ordinal()];
        sum[m] += v;
        sumSq[m] += v * v;
      }
    }
    for (int m = 1; m <= gens; m++) {
      double mean = sum[m] / runs;
      double sd = Math.sqrt((sumSq[m] - runs * mean * mean) / (runs - 1));
      double theory = 1 - Math.pow(1 - 1.0 / n, m) * (1 - s0);
      assertThat(Math.abs(mean - theory) / (sd / Math.sqrt(runs))).as("m = %d", m).isLessThan(3.5);
    }
  }

  @Test
  void sameSeedSameBitsAndMeasurementsAreConsistent() {
    TextSetup setup = new TextSetup(toyCorpus(2), 2, List.of("a b", "b"));
    for (ParadigmSpec spec : List.of(
        ParadigmSpec.fullySynthetic(40),
        ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 30).withRealN(50),
        ParadigmSpec.defaults(Paradigm.ACCUMULATE, 30),
        ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 30).withKnobs(1, 1, 0, 0, 5),
        ParadigmSpec.defaults(Paradigm.MOST_RECENT, 30).withWindow(3, org.collapsefarm.paradigm.Allocation.SPLIT),
        ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, 30).withKnobs(0.7, 0.9, 0, 0, 0))) {
      Recorder a = new Recorder(2);
      Recorder b = new Recorder(2);
      RunResult ra = run(setup, spec, 20, 6, 77, 2, a);
      RunResult rb = run(setup, spec, 20, 6, 77, 2, b);
      assertThat(ra.collapseTime()).isEqualTo(rb.collapseTime());
      for (int m = 0; m < a.values.size(); m++) {
        assertThat(a.values.get(m)).containsExactly(b.values.get(m));
        assertThat(Arrays.equals(a.text.get(m), b.text.get(m))).isTrue();
        double[] t = a.text.get(m);
        assertThat(t[TextMetric.COVERAGE.ordinal()]).isBetween(0.0, 1.0);
        assertThat(t[TextMetric.KN_CROSS_ENTROPY.ordinal()]).isPositive().isFinite();
        assertThat(t[TextMetric.KN_PERPLEXITY.ordinal()]).isCloseTo(Math.exp(t[TextMetric.KN_CROSS_ENTROPY.ordinal()]), within(1e-9));
        assertThat(t[TextMetric.DISTINCT_1.ordinal()]).isBetween(0.0, 1.0);
        assertThat(t[TextMetric.UNIGRAM_TV.ordinal()]).isCloseTo(a.values.get(m)[Metric.L1_P0.ordinal()] / 2, within(1e-15));
      }
      assertThat(a.samples).isEqualTo(b.samples).isNotEmpty();
    }
  }

  @Test
  void generationZeroIsTheTrainingPart() {
    TextCorpus corpus = toyCorpus(3);
    TextSetup setup = new TextSetup(corpus, 2, List.of());
    Recorder rec = new Recorder(0);
    run(setup, ParadigmSpec.fullySynthetic(100), 600, 1, 5, 0, rec);
    double[] t0 = rec.text.get(0);
    assertThat(t0[TextMetric.VOCAB_KEPT.ordinal()]).isEqualTo(1.0);
    assertThat(t0[TextMetric.UNIGRAM_TV.ordinal()]).isEqualTo(0.0);
    assertThat(rec.values.get(0)[Metric.MISSING_MASS.ordinal()]).isEqualTo(0.0);
  }

  @Test
  void fullySyntheticCollapsesToOneDocumentAndStops() {
    // Tiny n: the run collapses fast; afterwards every generation is the same deterministic model.
    TextSetup setup = new TextSetup(toyCorpus(4), 2, List.of());
    Recorder rec = new Recorder(0);
    RunResult r = run(setup, ParadigmSpec.fullySynthetic(3), 600, 2000, 9, 0, rec);
    assertThat(r.censored()).isFalse();
    assertThat(rec.collapsed.get(r.collapseTime())).isTrue();
    assertThat(rec.values).hasSize(r.collapseTime() + 2); // stopped after T + 1
    assertThat(rec.absorbedFrom).isEqualTo(r.collapseTime() + 2);
    assertThat(rec.absorbedTo).isEqualTo(2000);
    assertThat(rec.text.get(rec.text.size() - 1)[TextMetric.CONDITIONAL_ENTROPY.ordinal()]).isEqualTo(0.0);
  }

  @Test
  void kneserNeyCanBeLeftOut() {
    Recorder rec = new Recorder(0);
    run(new TextSetup(toyCorpus(7), 2, List.of(), false), ParadigmSpec.fullySynthetic(50), 600, 2, 1, 0, rec);
    assertThat(rec.text.get(2)[TextMetric.KN_CROSS_ENTROPY.ordinal()]).isNaN();
    assertThat(rec.text.get(2)[TextMetric.COVERAGE.ordinal()]).isBetween(0.0, 1.0);
  }

  @Test
  void unigramAbsorbingTokenIsTheDiracMass() {
    TextSetup setup = new TextSetup(toyCorpus(5), 1, List.of());
    Recorder rec = new Recorder(0);
    RunResult r = run(setup, ParadigmSpec.fullySynthetic(2), 600, 500, 3, 0, rec);
    assertThat(r.censored()).isFalse();
    assertThat(rec.values.get(r.collapseTime())[Metric.MAX_PROB.ordinal()]).isEqualTo(1.0);
    assertThat(rec.lastAbsorbingToken).isBetween(0.0, 6.0);
  }

  /** "a b" three times, "a c" once: p(b | a) = 3/4 in p^(0). */
  private static TextCorpus abCorpus() {
    Vocabulary v = Vocabulary.of(Map.of("a", 4L, "b", 3L, "c", 1L), 10);
    int a = v.id("a");
    int b = v.id("b");
    int c = v.id("c");
    TokenCorpus train = TokenCorpus.of(new int[] {a, b}, new int[] {a, b}, new int[] {a, b}, new int[] {a, c});
    TextCorpus corpus = TextCorpus.of(v, train, TokenCorpus.of(new int[] {a, b}), Tokenizer.WORDS);
    return corpus;
  }

  @Test
  void probesFollowTheCounts() {
    TextCorpus corpus = abCorpus();
    for (int order : new int[] {2, 3}) {
      TextSetup setup = new TextSetup(corpus, order, List.of("a b", "b"));
      Recorder rec = new Recorder(2);
      run(setup, ParadigmSpec.fullySynthetic(20), 600, 1, 1, 0, rec);
      assertThat(rec.probeValues.get(0)[0]).isEqualTo(0.75);
      assertThat(rec.probeValues.get(0)[1]).isEqualTo(3.0 / 12); // unigram p(b): 3 of 12 tokens (EOS included)
    }
    assertThatThrownBy(() -> new TextSetup(corpus, 2, List.of("a zebra")))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("probes: ");
    // A history longer than k − 1 does not apply: NaN, never collapsed.
    Recorder longer = new Recorder(1);
    run(new TextSetup(corpus, 2, List.of("a b c")), ParadigmSpec.fullySynthetic(20), 600, 1, 1, 0, longer);
    assertThat(longer.probeValues.get(0)[0]).isNaN();
  }

  /**
   * MATH.md §8 for k ≥ 2: under fully synthetic training the residual c_m(h, w) − c_m(h)·p^(m−1)(w | h)
   * of a whole history h has mean 0 at every m ≥ 1. Order 2, h = "a" with p^(0)(b | a) = 3/4, n = 20,
   * 3,000 runs of 4 generations (absorbed runs count 0, as the accumulator does): |mean| < 3.5 SE at
   * each generation (z = 3.5: a 0.2 % family level over 4). The residual varies (SE > 0: it is not taken
   * against p^(m) itself), is NaN at m = 0, and does not apply when a knob changes the sampling
   * distribution (temperature) or the history is shorter than k − 1 (unigram probe "b").
   */
  @Test
  void martingaleResidualHasMeanZeroUnderFullySynthetic() {
    TextCorpus corpus = abCorpus();
    TextSetup setup = new TextSetup(corpus, 2, List.of("a b", "b"), false);
    int runs = 3000;
    int gens = 4;
    double[] sum = new double[gens + 1];
    double[] sumSq = new double[gens + 1];
    for (int r = 0; r < runs; r++) {
      Recorder rec = new Recorder(2);
      run(setup, ParadigmSpec.fullySynthetic(20), 600, gens, 1000 + r, 0, rec);
      assertThat(rec.residuals.get(0)[0]).isNaN();
      for (int m = 1; m <= gens; m++) {
        double x = m < rec.residuals.size() ? rec.residuals.get(m)[0] : 0.0; // absorbed: exactly 0
        assertThat(m < rec.residuals.size() ? rec.residuals.get(m)[1] : Double.NaN).isNaN();
        sum[m] += x;
        sumSq[m] += x * x;
      }
    }
    for (int m = 1; m <= gens; m++) {
      double mean = sum[m] / runs;
      double se = Math.sqrt((sumSq[m] - sum[m] * mean) / (runs - 1) / runs);
      assertThat(se).as("SE at m = %d", m).isPositive();
      assertThat(Math.abs(mean)).as("|mean| at m = %d (SE %.4g)", m, se).isLessThan(3.5 * se);
    }
    Recorder hot = new Recorder(2);
    run(setup, ParadigmSpec.fullySynthetic(20).withKnobs(0.7, 1.0, 0.0, 0.0, 0), 600, 2, 1, 0, hot);
    assertThat(hot.residuals.get(1)[0]).isNaN();
  }

  @Test
  void badParametersNameTheirKey() {
    TextSetup setup = new TextSetup(toyCorpus(6), 2, List.of());
    assertThatThrownBy(() -> run(setup, ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 5).withRealN(1_000_000), 600, 3, 1, 0, new Recorder(0)))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("real-n: ");
    assertThatThrownBy(() -> run(setup, ParadigmSpec.fullySynthetic(5), 0, 3, 1, 0, new Recorder(0)))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("max-length: ");
    assertThatThrownBy(() -> run(setup, ParadigmSpec.fullySynthetic(5).withKnobs(1, 1, 0.5, 0.1, 0), 600, 3, 1, 0, new Recorder(0)))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("smoothing: ");
    assertThatThrownBy(() -> NgramGraph.checkOrder(0, 10)).isInstanceOf(ParameterException.class).hasMessageStartingWith("order: ");
    assertThatThrownBy(() -> NgramGraph.checkOrder(5, 100_000)).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("max-vocabulary: ");
  }
}
