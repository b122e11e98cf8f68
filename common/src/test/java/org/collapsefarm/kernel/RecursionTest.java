package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.collapsefarm.ParameterException;
import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.paradigm.SourceMode;
import org.collapsefarm.theory.SeddikTheorem4;
import org.junit.jupiter.api.Test;

/** Paradigm semantics, early stopping and determinism of {@link Recursion}. */
class RecursionTest {
  private static final Context CONTEXT = Contexts.powerLaw(100, 10, 0.2, 2);

  /** Training-set sizes and vocabulary-indexed counts of every simulated generation. */
  private static List<int[]> models(ParadigmSpec spec, int cap, long seed, List<Long> totals) {
    List<int[]> models = new ArrayList<>();
    Recursion.run(
        CONTEXT,
        spec,
        cap,
        seed,
        GenerationSink.NONE,
        (m, tokenAt, counts, live, total) -> {
          int[] dense = new int[CONTEXT.vocabulary()];
          for (int i = 0; i < live; i++) {
            dense[tokenAt[i]] = counts[i];
          }
          models.add(dense);
          totals.add(total);
        });
    return models;
  }

  @Test
  void trainingSetSizesFollowEachParadigm() {
    int n = 12;
    int cap = 40;
    for (long seed = 0; seed < 5; seed++) {
      List<Long> t = new ArrayList<>();
      models(ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, n).withRealN(7), cap, seed, t);
      assertThat(t.get(0)).isEqualTo(7);
      assertThat(t.subList(1, t.size())).containsOnly(19L);
      t.clear();
      models(ParadigmSpec.defaults(Paradigm.MOST_RECENT, n).withWindow(5, Allocation.LITERAL), cap, seed, t);
      for (int m = 1; m <= t.size(); m++) {
        assertThat(t.get(m - 1)).isEqualTo(Math.min(m, 5) * (12 / 5));
      }
      t.clear();
      models(ParadigmSpec.defaults(Paradigm.ACCUMULATE, n).withRate(0.5, Pool.CORPORA), cap, seed, t);
      for (int m = 1; m <= t.size(); m++) {
        assertThat(t.get(m - 1)).isEqualTo(12 + 6L * (m - 1));
      }
      t.clear();
      models(ParadigmSpec.fullySynthetic(n).withKnobs(1, 1, 0, 0, 3), cap, seed, t);
      assertThat(t).containsOnly(15L);
    }
  }

  @Test
  void partiallySyntheticModelsAlwaysContainTheRealCorpus() {
    List<Long> t = new ArrayList<>();
    List<int[]> models = models(ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 5).withRealN(6), 50, 4, t);
    int[] real = models.get(0);
    for (int[] model : models) {
      for (int id = 0; id < real.length; id++) {
        assertThat(model[id]).isGreaterThanOrEqualTo(real[id]);
        if (real[id] == 0) {
          assertThat(model[id]).as("every model lives on the support of R").isZero();
        }
      }
    }
  }

  @Test
  void fullySyntheticStopsAtCollapseAndFillsTheRestExactly() {
    RecordingSink sink = new RecordingSink();
    RunResult r = Recursion.run(CONTEXT, ParadigmSpec.fullySynthetic(5), 1000, 9, sink);
    assertThat(r.censored()).isFalse();
    assertThat(r.generationsRun()).isEqualTo(r.collapseTime());
    assertThat(sink.absorbedFrom).isEqualTo(r.collapseTime() + 1);
    assertThat(sink.values).hasSize(1001);
    double[] last = sink.values.get(1000);
    assertThat(last[Metric.SIGMA.ordinal()]).isEqualTo(1.0);
    assertThat(last[Metric.SUPPORT.ordinal()]).isEqualTo(1.0);
    assertThat(last[Metric.ENTROPY.ordinal()]).isEqualTo(0.0);
    int a = java.util.Arrays.binarySearch(CONTEXT.tokens(), r.absorbingToken());
    assertThat(last[Metric.MISSING_MASS.ordinal()]).isCloseTo(1 - CONTEXT.prob(a), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(r.tokenGenerations()).isGreaterThanOrEqualTo(r.generationsRun() * 2L);
  }

  @Test
  void aDiracMassIsCollapsedForEverySampleSize() {
    // ‖p‖_∞ = c/n must be exactly 1 for a Dirac mass: c·(1/c) is not 1 for some c (e.g. 49).
    for (int n = 1; n <= 120; n++) {
      RunResult r = Recursion.run(CONTEXT, ParadigmSpec.fullySynthetic(n), 100_000, n, GenerationSink.NONE);
      assertThat(r.censored()).as("n = %d", n).isFalse();
      assertThat(r.collapseTime()).isEqualTo(r.generationsRun());
      assertThat(r.finalValues()[Metric.MAX_PROB.ordinal()]).isEqualTo(1.0);
    }
  }

  @Test
  void paradigmsThatCanRegainDiversityRunToTheCap() {
    // p^(0) is a source forever (randomly sampled, fresh pool) or R is not a Dirac: never absorbed.
    ParadigmSpec[] specs = {
      ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, 3).withSource(SourceMode.PER_GENERATION),
      ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, 3).withSource(SourceMode.PER_SAMPLE),
      ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 3).withRate(1, Pool.FRESH),
      ParadigmSpec.fullySynthetic(3).withKnobs(1, 1, 0, 0, 1),
    };
    for (ParadigmSpec spec : specs) {
      RecordingSink sink = new RecordingSink();
      RunResult r = Recursion.run(CONTEXT, spec, 300, 1, sink);
      assertThat(r.generationsRun()).as(spec.canonical()).isEqualTo(300);
      assertThat(sink.absorbedCalls).isZero();
    }
  }

  @Test
  void mostRecentLiteralWithWindowNTrainsGenerationOneOnOneSample() {
    // MATH.md §2: with K = n = 10 and literal allocation generation 1 has ⌊10/10⌋ = 1 sample, so
    // every run is collapsed at T = 1 (though not absorbed: p^(0) stays in the window).
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.MOST_RECENT, 10).withWindow(10, Allocation.LITERAL);
    for (long seed = 0; seed < 50; seed++) {
      RunResult r = Recursion.run(CONTEXT, spec, 30, seed, GenerationSink.NONE);
      assertThat(r.collapseTime()).isEqualTo(1);
    }
  }

  @Test
  void mostRecentIsAbsorbedOnlyOnceTheWholeWindowIsOneDirac() {
    int window = 4;
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.MOST_RECENT, 4).withWindow(window, Allocation.LITERAL);
    for (long seed = 0; seed < 30; seed++) {
      List<Long> t = new ArrayList<>();
      List<int[]> models = models(spec, 5000, seed, t);
      int last = models.size();
      assertThat(last).as("collapses well before the cap").isLessThan(5000);
      int token = argmax(models.get(last - 1));
      // The last `window` models are all the same Dirac mass; the one before is not.
      for (int m = last - window + 1; m <= last; m++) {
        assertThat(models.get(m - 1)[token]).isEqualTo(t.get(m - 1).intValue());
      }
      if (last > window) {
        assertThat(models.get(last - window - 1)[token]).isLessThan(t.get(last - window - 1).intValue());
      }
    }
  }

  @Test
  void sameSeedSameRunDifferentSeedDifferentRun() {
    ParadigmSpec[] specs = {
      ParadigmSpec.fullySynthetic(20),
      ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 20).withRealN(10),
      ParadigmSpec.defaults(Paradigm.MOST_RECENT, 20).withWindow(3, Allocation.SPLIT),
      ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, 20),
      ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, 20),
      ParadigmSpec.defaults(Paradigm.ACCUMULATE, 20),
      ParadigmSpec.fullySynthetic(20).withKnobs(0.5, 0.9, 0.1, 0.05, 1),
    };
    for (ParadigmSpec spec : specs) {
      RecordingSink a = new RecordingSink();
      RecordingSink b = new RecordingSink();
      RecordingSink c = new RecordingSink();
      RunResult ra = Recursion.run(CONTEXT, spec, 200, 77, a);
      RunResult rb = Recursion.run(CONTEXT, spec, 200, 77, b);
      Recursion.run(CONTEXT, spec, 200, 78, c);
      assertThat(rb.collapseTime()).isEqualTo(ra.collapseTime());
      assertThat(rb.absorbingToken()).isEqualTo(ra.absorbingToken());
      assertThat(rb.finalValues()).containsExactly(ra.finalValues());
      assertThat(rb.tokenGenerations()).isEqualTo(ra.tokenGenerations());
      for (int m = 0; m <= 200; m++) {
        assertThat(b.values.get(m)).containsExactly(a.values.get(m));
      }
      boolean differs = false;
      for (int m = 1; m <= 200; m++) {
        differs |= !java.util.Arrays.equals(a.values.get(m), c.values.get(m));
      }
      assertThat(differs).as(spec.canonical()).isTrue();
    }
  }

  @Test
  void resultsDoNotDependOnTheThreadOrItsCachedTables() throws Exception {
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, 4); // draws real data every generation
    Context other = Contexts.powerLaw(100, 10, 0.2, 3);
    RecordingSink first = new RecordingSink();
    Recursion.run(CONTEXT, spec, 50, 5, first);
    Recursion.run(other, spec, 50, 5, GenerationSink.NONE); // evicts the thread's cached table
    RecordingSink rebuilt = new RecordingSink();
    Recursion.run(CONTEXT, spec, 50, 5, rebuilt);
    RecordingSink cached = new RecordingSink();
    Recursion.run(CONTEXT, spec, 50, 5, cached);
    RecordingSink[] onThread = {new RecordingSink()};
    Thread t = new Thread(() -> Recursion.run(CONTEXT, spec, 50, 5, onThread[0]));
    t.start();
    t.join();
    for (int m = 0; m <= 50; m++) {
      assertThat(rebuilt.values.get(m)).containsExactly(first.values.get(m));
      assertThat(cached.values.get(m)).containsExactly(first.values.get(m));
      assertThat(onThread[0].values.get(m)).containsExactly(first.values.get(m));
    }
  }

  /**
   * The kernel's λ_1 (MATH.md §4, [S] Theorem 4) is exactly SeddikTheorem4's subset-sum λ_1 of the
   * generation-1 counts the trace sees (the real corpus R). With N odd no subset of R has mass 1/2,
   * so λ_1 < 1/4 in every run and a kernel returning the worst case 1/4 fails; the runs cover
   * several corpora (distinct values), few tokens (a single token against the rest) and many.
   */
  @Test
  void lambda1IsTheSubsetSumLambda1OfTheFirstModelsCounts() {
    List<Double> seen = new ArrayList<>();
    for (Context context : List.of(CONTEXT, Contexts.explicit(new double[] {0.6, 0.25, 0.15}))) {
      for (int realN : new int[] {7, 31, 101}) {
        for (long seed = 0; seed < 20; seed++) {
          int[][] first = new int[1][];
          Recursion.ModelTrace trace = (m, tokenAt, counts, live, total) -> {
            if (m == 1) {
              first[0] = Arrays.copyOf(counts, live);
              assertThat(total).isEqualTo(realN);
            }
          };
          RunResult ps = Recursion.run(context, ParadigmSpec.defaults(Paradigm.PARTIALLY_SYNTHETIC, 5)
              .withRealN(realN), 3, seed, new RecordingSink(), trace);
          double expected = SeddikTheorem4.lambda1(first[0]);
          assertThat(ps.lambda1()).as("N = %d, seed %d", realN, seed).isEqualTo(expected).isLessThan(0.25);
          seen.add(expected);
        }
      }
    }
    assertThat(seen.stream().distinct().count()).isGreaterThan(20);
    assertThat(Recursion.run(CONTEXT, ParadigmSpec.fullySynthetic(5), 3, 0, GenerationSink.NONE).lambda1()).isNaN();
  }

  @Test
  void diracContextIsAbsorbedAtOnce() {
    RecordingSink sink = new RecordingSink();
    RunResult r = Recursion.run(Contexts.explicit(new double[] {0, 1, 0}), ParadigmSpec.defaults(Paradigm.RANDOMLY_SAMPLED, 4), 10, 0, sink);
    assertThat(r.collapseTime()).isEqualTo(1);
    assertThat(r.absorbingToken()).isEqualTo(1);
    assertThat(r.generationsRun()).isZero();
    assertThat(sink.values).hasSize(11);
    assertThat(sink.collapsed.get(0)).isFalse();
    assertThat(sink.collapsed.get(1)).isTrue();
  }

  @Test
  void rejectsABadCapAndAPoolThatWouldOverflow() {
    assertThatThrownBy(() -> Recursion.run(CONTEXT, ParadigmSpec.fullySynthetic(5), 0, 0, GenerationSink.NONE))
        .isInstanceOf(ParameterException.class)
        .hasMessage("max-generations: must be an integer >= 1, got 0");
    ParadigmSpec big = ParadigmSpec.defaults(Paradigm.ACCUMULATE, 100_000).withRate(100, Pool.CORPORA);
    assertThatThrownBy(() -> Recursion.run(CONTEXT, big, 1000, 0, GenerationSink.NONE))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("max-generations: the training set or pool would reach");
  }

  private static int argmax(int[] a) {
    int best = 0;
    for (int i = 1; i < a.length; i++) {
      if (a[i] > a[best]) {
        best = i;
      }
    }
    return best;
  }
}
