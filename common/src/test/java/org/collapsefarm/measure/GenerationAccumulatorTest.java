package org.collapsefarm.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The accumulator's O(1) absorbed filling and merging against naive per-generation sums. */
class GenerationAccumulatorTest {
  private static final int M = 50;
  /** Relative tolerance: prefix sums and naive sums of the same doubles differ only by rounding. */
  private static final double REL = 1e-12;

  /** Naive reference: every generation of every run added one by one. */
  private static final class Naive {
    final long[] runs = new long[M + 1];
    final long[] collapsed = new long[M + 1];
    final long[] collapsedBy = new long[M + 1];
    final double[][] sum = new double[Metric.COUNT][M + 1];
    final double[][] sumSq = new double[Metric.COUNT][M + 1];

    void add(int m, double[] v, boolean c, boolean everCollapsed) {
      runs[m]++;
      collapsed[m] += c ? 1 : 0;
      collapsedBy[m] += everCollapsed ? 1 : 0;
      for (int k = 0; k < Metric.COUNT; k++) {
        sum[k][m] += v[k];
        sumSq[k][m] += v[k] * v[k];
      }
    }
  }

  /** Feeds random runs (some absorbed, some with NaN cross-entropy) to acc and to the naive sums. */
  private static void feed(GenerationAccumulator acc, Naive naive, long seed, int nRuns, boolean nanCross) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int r = 0; r < nRuns; r++) {
      // Every run covers 0..M (the sink protocol): simulated up to stop, then absorbed or simulated on.
      boolean absorbs = rnd.nextBoolean();
      int stop = absorbs ? rnd.nextInt(M + 1) : M;
      boolean ever = false;
      double[] v = new double[Metric.COUNT];
      for (int m = 0; m <= stop; m++) {
        for (int k = 0; k < Metric.COUNT; k++) {
          v[k] = rnd.nextDouble() * 3;
        }
        if (nanCross) {
          v[Metric.CROSS_ENTROPY.ordinal()] = Double.NaN;
        }
        boolean c = m > 0 && rnd.nextInt(4) == 0;
        ever |= c;
        acc.generation(m, v, c);
        naive.add(m, v, c, ever);
      }
      if (stop < M) {
        acc.absorbed(stop + 1, M, v);
        for (int m = stop + 1; m <= M; m++) {
          naive.add(m, v, true, true);
        }
      }
    }
  }

  private static void assertMatches(GenerationAccumulator acc, Naive naive) {
    for (int m = 0; m <= M; m++) {
      assertThat(acc.runs(m)).isEqualTo(naive.runs[m]);
      assertThat(acc.collapsed(m)).isEqualTo(naive.collapsed[m]);
      assertThat(acc.collapsedBy(m)).isEqualTo(naive.collapsedBy[m]);
      for (Metric metric : Metric.values()) {
        double s = naive.sum[metric.ordinal()][m];
        double s2 = naive.sumSq[metric.ordinal()][m];
        if (Double.isNaN(s)) {
          assertThat(acc.sum(metric, m)).isNaN();
          assertThat(acc.sumOfSquares(metric, m)).isNaN();
        } else {
          assertThat(acc.sum(metric, m)).isCloseTo(s, within(REL * Math.max(1, Math.abs(s))));
          assertThat(acc.sumOfSquares(metric, m)).isCloseTo(s2, within(REL * Math.max(1, Math.abs(s2))));
        }
      }
    }
  }

  @Test
  void absorbedFillsEveryLaterGenerationLikeNaiveSums() {
    GenerationAccumulator acc = new GenerationAccumulator(M);
    Naive naive = new Naive();
    feed(acc, naive, 1, 300, false);
    assertMatches(acc, naive);
    // Reading resolves the pending arrays; more runs after a read still add up.
    feed(acc, naive, 2, 300, true);
    assertMatches(acc, naive);
    assertThat(acc.maxGenerations()).isEqualTo(M);
  }

  @Test
  void mergeAddsAndSurvivesSerialisation() throws Exception {
    GenerationAccumulator a = new GenerationAccumulator(M);
    GenerationAccumulator b = new GenerationAccumulator(M);
    Naive naive = new Naive();
    feed(a, naive, 3, 200, false);
    feed(b, naive, 4, 200, false);
    GenerationAccumulator shipped = roundTrip(b);
    assertMatches(a.merge(shipped), naive);
  }

  @Test
  void emptyAccumulatorIsZeroAndCapsMustMatch() {
    GenerationAccumulator acc = new GenerationAccumulator(3);
    assertThat(acc.runs(2)).isZero();
    assertThat(acc.sum(Metric.SIGMA, 3)).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> acc.merge(new GenerationAccumulator(4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static GenerationAccumulator roundTrip(GenerationAccumulator acc) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(acc);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (GenerationAccumulator) in.readObject();
    }
  }
}
