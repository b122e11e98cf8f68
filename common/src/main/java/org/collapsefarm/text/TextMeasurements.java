package org.collapsefarm.text;

import com.carrotsearch.hppc.LongHashSet;
import java.util.Arrays;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.random.CellSeeds;

/**
 * The per-generation measurements of a text run (MATH.md §8) from the model's edge counts, the text
 * generated from it and the validation part. Reuses its scratch arrays: one instance per run.
 */
final class TextMeasurements {
  private final TextSetup setup;
  private final NgramGraph graph;
  private final int vocabulary;
  private final double[] unigram0;
  private final int types0;
  private double[] unigram1;
  private final long[] unigram;
  private final int[] liveEdges;
  private final int[] queue;
  private final boolean[] seen;
  private final LongHashSet[] grams = new LongHashSet[4];

  TextMeasurements(TextSetup setup) {
    this.setup = setup;
    this.graph = setup.graph();
    this.vocabulary = graph.vocabularySize();
    this.unigram = new long[vocabulary];
    this.liveEdges = new int[graph.states()];
    this.queue = new int[graph.states()];
    this.seen = new boolean[graph.states()];
    this.unigram0 = unigramOf(setup.counts0());
    int t = 0;
    for (double u : unigram0) {
      t += u > 0 ? 1 : 0;
    }
    this.types0 = t;
    for (int j = 0; j < 4; j++) {
      grams[j] = new LongHashSet();
    }
  }

  private double[] unigramOf(int[] counts) {
    long[] u = new long[vocabulary];
    long total = 0;
    for (int e = 0; e < counts.length; e++) {
      u[graph.edgeToken(e)] += counts[e];
      total += counts[e];
    }
    double[] p = new double[vocabulary];
    for (int w = 0; w < vocabulary; w++) {
      p[w] = (double) u[w] / total;
    }
    return p;
  }

  /** Keeps the current counts' unigram distribution as p^(1)'s. */
  void recordFirst(int[] counts) {
    unigram1 = unigramOf(counts);
  }

  /**
   * Measures the model with these counts; its generated text {@code generated}.
   *
   */
  void measure(int m, NgramModel model, int[] counts, EdgeText generated, double[] values, double[] text) {
    Arrays.fill(unigram, 0);
    long total = model.total();
    double condEntropy = 0;
    for (int s = 0; s < graph.states(); s++) {
      int live = 0;
      double cs = model.stateTotal(s);
      for (int e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) {
        int c = counts[e];
        if (c > 0) {
          live++;
          unigram[graph.edgeToken(e)] += c;
          condEntropy -= c * Math.log(c / cs);
        }
      }
      liveEdges[s] = live;
    }
    condEntropy /= total;
    double sigma = 0;
    double max = 0;
    double entropy = 0;
    double l1p0 = 0;
    double l1p1 = 0;
    double missing = 0;
    int alive = 0;
    for (int w = 0; w < vocabulary; w++) {
      double p = (double) unigram[w] / total;
      if (p > 0) {
        alive++;
        sigma += p * p;
        max = Math.max(max, p);
        entropy -= p * Math.log(p);
      } else {
        missing += unigram0[w];
      }
      l1p0 += Math.abs(p - unigram0[w]);
      if (unigram1 != null && m > 1) {
        l1p1 += Math.abs(p - unigram1[w]);
      }
    }
    values[Metric.SIGMA.ordinal()] = sigma;
    values[Metric.MAX_PROB.ordinal()] = max;
    values[Metric.SUPPORT.ordinal()] = alive;
    values[Metric.ENTROPY.ordinal()] = alive == 1 ? 0.0 : entropy;
    values[Metric.L1_P1.ordinal()] = l1p1;
    values[Metric.L1_P0.ordinal()] = l1p0;
    values[Metric.MISSING_MASS.ordinal()] = missing;
    values[Metric.CROSS_ENTROPY.ordinal()] = Double.NaN;

    text[TextMetric.TYPES_ALIVE.ordinal()] = alive;
    text[TextMetric.VOCAB_KEPT.ordinal()] = (double) alive / types0;
    text[TextMetric.UNIGRAM_ENTROPY.ordinal()] = values[Metric.ENTROPY.ordinal()];
    text[TextMetric.CONDITIONAL_ENTROPY.ordinal()] = condEntropy;
    text[TextMetric.UNIGRAM_TV.ordinal()] = l1p0 / 2;
    distinct(generated, text);
    validation(counts, text);
    text[TextMetric.MEAN_DOC_LENGTH.ordinal()] = (double) generated.size() / generated.documents();
    text[TextMetric.DOCUMENTS.ordinal()] = generated.documents();
  }

  private void validation(int[] counts, double[] text) {
    KneserNey kn = setup.kneserNey();
    int n = kn.tokens();
    long covered = 0;
    long single = 0;
    for (int i = 0; i < n; i++) {
      int e = kn.edge(i);
      if (e >= 0 && counts[e] > 0) {
        covered++;
      }
      int s = kn.state(i);
      if (s >= 0 && liveEdges[s] == 1) {
        single++;
      }
    }
    text[TextMetric.COVERAGE.ordinal()] = n == 0 ? Double.NaN : (double) covered / n;
    text[TextMetric.DETERMINISTIC_HISTORIES.ordinal()] = n == 0 ? Double.NaN : (double) single / n;
    double ce = setup.evaluatesKneserNey() ? kn.crossEntropy(counts) : Double.NaN;
    text[TextMetric.KN_CROSS_ENTROPY.ordinal()] = ce;
    text[TextMetric.KN_PERPLEXITY.ordinal()] = Math.exp(ce);
  }

  /** distinct-j, j = 1…4: distinct j-grams over j-grams inside the documents of the text, EOS excluded. */
  private void distinct(EdgeText generated, double[] text) {
    long[] total = new long[4];
    for (LongHashSet g : grams) {
      g.clear();
    }
    int[] window = new int[4];
    for (int d = 0; d < generated.documents(); d++) {
      int len = 0;
      for (int i = generated.documentStart(d), end = generated.documentEnd(d); i < end; i++) {
        int w = graph.edgeToken(generated.edge(i));
        if (w == Vocabulary.EOS) {
          break;
        }
        window[3] = window[2];
        window[2] = window[1];
        window[1] = window[0];
        window[0] = w;
        len++;
        long h = 0;
        for (int j = 0; j < 4 && j < len; j++) {
          // A 64-bit hash of the j-gram (collisions ~ 2^-64 per pair: negligible at any corpus size).
          h = CellSeeds.mix64(h * 0x9E3779B97F4A7C15L + window[j] + 1);
          grams[j].add(h);
          total[j]++;
        }
      }
    }
    TextMetric[] cols = {TextMetric.DISTINCT_1, TextMetric.DISTINCT_2, TextMetric.DISTINCT_3, TextMetric.DISTINCT_4};
    for (int j = 0; j < 4; j++) {
      text[cols[j].ordinal()] = total[j] == 0 ? Double.NaN : (double) grams[j].size() / total[j];
    }
  }

  /** Whether every state reachable from the start over live edges has at most one live edge. */
  boolean deterministic(int[] counts) {
    for (int s = 0; s < graph.states(); s++) {
      int live = 0;
      for (int e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) {
        live += counts[e] > 0 ? 1 : 0;
      }
      liveEdges[s] = live;
    }
    Arrays.fill(seen, false);
    int head = 0;
    int tail = 0;
    queue[tail++] = 0;
    seen[0] = true;
    while (head < tail) {
      int s = queue[head++];
      if (liveEdges[s] > 1) {
        return false;
      }
      for (int e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) {
        if (counts[e] > 0) {
          int next = graph.edgeNext(e);
          if (next >= 0 && !seen[next]) {
            seen[next] = true;
            queue[tail++] = next;
          }
        }
      }
    }
    return true;
  }
}
