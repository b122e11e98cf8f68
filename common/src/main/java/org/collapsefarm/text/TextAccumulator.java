package org.collapsefarm.text;

import java.io.Serializable;
import java.util.Arrays;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.measure.Metric;

/**
 * Mergeable per-generation sums over the runs of one text group, fed by {@link
 * org.collapsefarm.family.FamilyRecursion} with {@link TextFamily}'s values: the categorical {@link
 * Metric}s in a {@link GenerationAccumulator} (runs, collapse counts, Σ and Σ²), Σ and Σ² of every
 * {@link TextMetric}, and per probe Σ and Σ² of p^(m)(w | x) over the runs where x is alive, that
 * number of runs, the number of runs whose probe is collapsed, and Σ, Σ² and the number of runs of
 * its martingale residual ({@link TextFamily}, where it applies). One run at a time.
 */
public final class TextAccumulator implements GenerationSink, Serializable {
  private static final long serialVersionUID = 3L;
  private final int maxGenerations;
  private final int probes;
  private final GenerationAccumulator categorical;
  private final double[] textSum;
  private final double[] textSumSq;
  private final double[] probeSum;
  private final double[] probeSumSq;
  private final long[] probeAlive;
  private final long[] probeCollapsed;
  private final double[] residualSum;
  private final double[] residualSumSq;
  private final long[] residualRuns;

  public TextAccumulator(int maxGenerations, int probes) {
    this.maxGenerations = maxGenerations;
    this.probes = probes;
    int len = maxGenerations + 1;
    categorical = new GenerationAccumulator(maxGenerations);
    textSum = new double[len * TextMetric.COUNT];
    textSumSq = new double[len * TextMetric.COUNT];
    probeSum = new double[len * probes];
    probeSumSq = new double[len * probes];
    probeAlive = new long[len * probes];
    probeCollapsed = new long[len * probes];
    residualSum = new double[len * probes];
    residualSumSq = new double[len * probes];
    residualRuns = new long[len * probes];
  }

  /**
   * The heap an accumulator for generations 0..maxGenerations and {@code probes} probes can hold: the
   * categorical sums ({@link GenerationAccumulator#bytesAtMost}), Σ and Σ² of every {@link TextMetric}
   * and seven sums per probe, per generation. Sizes a sweep's heap.
   */
  public static long bytesAtMost(int maxGenerations, int probes) {
    return GenerationAccumulator.bytesAtMost(maxGenerations)
        + (maxGenerations + 1L) * (2L * TextMetric.COUNT + 7L * probes) * Long.BYTES;
  }

  @Override
  public void generation(int m, double[] values, boolean collapsed) {
    categorical.generation(m, Arrays.copyOf(values, Metric.COUNT), collapsed);
    addText(m, values);
    for (int p = 0; p < probes; p++) {
      double r = values[TextFamily.residualIndex(probes, p)];
      if (!Double.isNaN(r)) {
        addResidual(m, p, r);
      }
    }
  }

  private void addResidual(int m, int p, double r) {
    int i = m * probes + p;
    residualSum[i] += r;
    residualSumSq[i] += r * r;
    residualRuns[i]++;
  }

  @Override
  public void absorbed(int from, int to, double[] values) {
    categorical.absorbed(from, to, Arrays.copyOf(values, Metric.COUNT));
    for (int m = from; m <= to; m++) {
      addText(m, values);
      // An absorbed model generates its one document again: every reachable history has a single
      // continuation, so c_m(h, w) = c_m(h)·p^(m−1)(w | h) exactly — residual 0 where it applies.
      for (int p = 0; p < probes; p++) {
        if (!Double.isNaN(values[TextFamily.residualIndex(probes, p)])) {
          addResidual(m, p, 0.0);
        }
      }
    }
  }

  private void addText(int m, double[] values) {
    int base = m * TextMetric.COUNT;
    for (int k = 0; k < TextMetric.COUNT; k++) {
      double v = values[TextFamily.TEXT_OFFSET + k];
      textSum[base + k] += v;
      textSumSq[base + k] += v * v;
    }
    int pb = m * probes;
    for (int p = 0; p < probes; p++) {
      double v = values[TextFamily.PROBE_OFFSET + 2 * p];
      if (!Double.isNaN(v)) {
        probeSum[pb + p] += v;
        probeSumSq[pb + p] += v * v;
        probeAlive[pb + p]++;
      }
      if (values[TextFamily.PROBE_OFFSET + 2 * p + 1] != 0) {
        probeCollapsed[pb + p]++;
      }
    }
  }

  /** Adds other's sums (same cap and probes) to this one's; returns this. */
  public TextAccumulator merge(TextAccumulator other) {
    categorical.merge(other.categorical);
    add(textSum, other.textSum);
    add(textSumSq, other.textSumSq);
    add(probeSum, other.probeSum);
    add(probeSumSq, other.probeSumSq);
    add(residualSum, other.residualSum);
    add(residualSumSq, other.residualSumSq);
    for (int i = 0; i < probeAlive.length; i++) {
      probeAlive[i] += other.probeAlive[i];
      probeCollapsed[i] += other.probeCollapsed[i];
      residualRuns[i] += other.residualRuns[i];
    }
    return this;
  }

  private static void add(double[] into, double[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /** A copy that can be merged into without changing this one. */
  public TextAccumulator copy() {
    return new TextAccumulator(maxGenerations, probes).merge(this);
  }

  public int maxGenerations() {
    return maxGenerations;
  }

  /** The categorical sums (runs, collapse counts and the {@link Metric}s of the unigram distribution). */
  public GenerationAccumulator categorical() {
    return categorical;
  }

  public double textSum(TextMetric metric, int m) {
    return textSum[m * TextMetric.COUNT + metric.ordinal()];
  }

  public double textSumOfSquares(TextMetric metric, int m) {
    return textSumSq[m * TextMetric.COUNT + metric.ordinal()];
  }

  public double probeSum(int probe, int m) {
    return probeSum[m * probes + probe];
  }

  public double probeSumOfSquares(int probe, int m) {
    return probeSumSq[m * probes + probe];
  }

  /** Runs whose probe history is alive at m. */
  public long probeAlive(int probe, int m) {
    return probeAlive[m * probes + probe];
  }

  /** Σ over runs of the probe's martingale residual at m ({@link TextFamily}; runs where it applies). */
  public double residualSum(int probe, int m) {
    return residualSum[m * probes + probe];
  }

  public double residualSumOfSquares(int probe, int m) {
    return residualSumSq[m * probes + probe];
  }

  /** Runs whose probe has a martingale residual at m. */
  public long residualRuns(int probe, int m) {
    return residualRuns[m * probes + probe];
  }

  public long probeCollapsed(int probe, int m) {
    return probeCollapsed[m * probes + probe];
  }
}
