package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.paradigm.SourceMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric of every generation, as the kernel computes it over the live support, against a
 * brute-force recomputation on the dense vocabulary vector of the model (MATH.md §3), to 1e-12; for
 * every paradigm, variant and knob. The models come from the kernel's test trace, so this checks the
 * live-support bookkeeping (compaction, dead sums, absorbed filling), not the sampling.
 */
class DenseMeasurementsTest {
  private static final double TOLERANCE = 1e-12;
  private static final int MAX_GENERATIONS = 60;
  private static final int SEEDS = 12;

  static Stream<Arguments> specs() {
    Context power = Contexts.powerLaw(40, 9, 0.3, 7);
    Context explicit = Contexts.explicit(new double[] {0.5, 0, 0.3, 0.2});
    List<ParadigmSpec> specs = new ArrayList<>();
    for (int n : new int[] {1, 3, 12}) {
      specs.add(ParadigmSpec.fullySynthetic(n));
      specs.add(ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, n).withRealN(4));
      specs.add(ParadigmSpec.defaults(Paradigm.MOST_RECENT, n).withWindow(3, Allocation.SPLIT));
      specs.add(ParadigmSpec.defaults(Paradigm.MOST_RECENT, n).withWindow(1, Allocation.SPLIT));
      specs.add(ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, n).withSource(SourceMode.PER_SAMPLE));
      specs.add(ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, n).withSource(SourceMode.PER_GENERATION));
      specs.add(ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, n).withRate(0.5, Pool.CORPORA));
      specs.add(ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, n).withRate(2, Pool.FRESH));
      specs.add(ParadigmSpec.defaults(Paradigm.ACCUMULATE, n).withRate(1, Pool.CORPORA));
    }
    specs.add(ParadigmSpec.defaults(Paradigm.MOST_RECENT, 12).withWindow(4, Allocation.LITERAL));
    specs.add(ParadigmSpec.defaults(Paradigm.MOST_RECENT, 5).withWindow(8, Allocation.SPLIT));
    List<ParadigmSpec> withKnobs = new ArrayList<>(specs);
    for (ParadigmSpec s : specs) {
      withKnobs.add(s.withKnobs(0.7, 0.8, 0, 0.1, 0));
      withKnobs.add(s.withKnobs(1.5, 1, 0.5, 0.2, 0));
      withKnobs.add(s.withKnobs(1, 1, 0, 0, 2));
    }
    List<Arguments> args = new ArrayList<>();
    for (ParadigmSpec s : withKnobs) {
      args.add(Arguments.of(power, s));
      args.add(Arguments.of(explicit, s));
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("specs")
  void everyMetricMatchesADenseRecomputation(Context context, ParadigmSpec spec) {
    for (long seed = 0; seed < SEEDS; seed++) {
      RecordingSink sink = new RecordingSink();
      List<double[]> models = new ArrayList<>();
      Recursion.ModelTrace trace =
          (m, tokenAt, counts, live, total) -> {
            double[] dense = new double[context.vocabulary()];
            long sum = 0;
            for (int i = 0; i < live; i++) {
              dense[tokenAt[i]] = counts[i];
              sum += counts[i];
            }
            assertThat(sum).as("counts sum to the training-set size").isEqualTo(total);
            double lambda = spec.smoothing();
            for (int t = 0; t < dense.length; t++) {
              dense[t] = (dense[t] + lambda) / (total + lambda * context.vocabulary());
            }
            assertThat(models).hasSize(m - 1);
            models.add(dense);
          };
      RunResult result = Recursion.run(context, spec, MAX_GENERATIONS, seed, sink, trace);
      assertThat(sink.values).hasSize(MAX_GENERATIONS + 1);
      double[] p0 = context.dense();
      checkGeneration(sink.values.get(0), p0, p0, p0, spec.smoothing() > 0, 0);
      for (int m = 1; m <= MAX_GENERATIONS; m++) {
        // Absorbed generations repeat the last simulated model exactly.
        double[] model = models.get(Math.min(m, models.size()) - 1);
        checkGeneration(sink.values.get(m), model, models.get(0), p0, spec.smoothing() > 0, m);
        boolean collapsed = max(model) >= 1 - spec.collapseEpsilon();
        assertThat(sink.collapsed.get(m)).as("collapsed at %d", m).isEqualTo(collapsed);
      }
      assertThat(result.generationsRun()).isEqualTo(models.size());
      assertThat(result.finalValues()).containsExactly(sink.values.get(MAX_GENERATIONS));
      int firstCollapse = -1;
      for (int m = 1; m <= MAX_GENERATIONS && firstCollapse < 0; m++) {
        if (sink.collapsed.get(m)) {
          firstCollapse = m;
        }
      }
      assertThat(result.collapseTime()).isEqualTo(firstCollapse);
      assertThat(result.censored()).isEqualTo(firstCollapse < 0);
      if (firstCollapse > 0) {
        double[] atT = models.get(firstCollapse - 1);
        assertThat(atT[result.absorbingToken()]).isEqualTo(max(atT));
      }
    }
  }

  private static void checkGeneration(double[] v, double[] p, double[] p1, double[] p0, boolean smoothed, int m) {
    double sigma = 0;
    double entropy = 0;
    double l1p1 = 0;
    double l1p0 = 0;
    double missing = 0;
    double cross = 0;
    int support = 0;
    for (int i = 0; i < p.length; i++) {
      sigma += p[i] * p[i];
      if (p[i] > 0) {
        support++;
        entropy -= p[i] * Math.log(p[i]);
        cross -= p0[i] * Math.log(p[i]);
      } else {
        missing += p0[i];
      }
      l1p1 += Math.abs(p[i] - p1[i]);
      l1p0 += Math.abs(p[i] - p0[i]);
    }
    String at = "generation " + m;
    assertThat(v[Metric.SIGMA.ordinal()]).as(at).isCloseTo(sigma, within(TOLERANCE));
    assertThat(v[Metric.MAX_PROB.ordinal()]).as(at).isCloseTo(max(p), within(TOLERANCE));
    assertThat(v[Metric.SUPPORT.ordinal()]).as(at).isEqualTo(support);
    assertThat(v[Metric.ENTROPY.ordinal()]).as(at).isCloseTo(entropy, within(TOLERANCE));
    assertThat(v[Metric.L1_P1.ordinal()]).as(at).isCloseTo(m <= 1 ? 0 : l1p1, within(TOLERANCE));
    assertThat(v[Metric.L1_P0.ordinal()]).as(at).isCloseTo(l1p0, within(TOLERANCE));
    assertThat(v[Metric.MISSING_MASS.ordinal()]).as(at).isCloseTo(missing, within(TOLERANCE));
    if (smoothed) {
      assertThat(v[Metric.CROSS_ENTROPY.ordinal()]).as(at).isCloseTo(cross, within(TOLERANCE));
    } else {
      assertThat(v[Metric.CROSS_ENTROPY.ordinal()]).as(at).isNaN();
    }
  }

  private static double max(double[] p) {
    double m = 0;
    for (double x : p) {
      m = Math.max(m, x);
    }
    return m;
  }
}
