package org.collapsefarm.text;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;

/**
 * Validation cross-entropy of an interpolated Kneser–Ney model (Chen &amp; Goodman 1998, §3.5; MATH.md
 * §8) fitted to a generation's training counts over the fixed vocabulary V = V_0 ∪ {&lt;unk&gt;}.
 *
 * <p>For order k with one discount {@code D_j = n_1/(n_1 + 2 n_2)} per order j (n_r = the number of
 * j-grams whose order-j count is r), recomputed for every model:
 * <pre>
 *   p_j(w | g) = max(c_j(g w) − D_j, 0)/c_j(g •) + D_j·N_{1+}(g •)/c_j(g •) · p_{j−1}(w | g')
 *   p_0(w)     = 1/|V|
 * </pre>
 * where g' drops g's oldest token, c_k is the raw count and, for j &lt; k, c_j(x) = N_{1+}(• x) is the
 * number of distinct tokens seen before x (continuation count). A history with c_j(g •) = 0 backs off
 * whole: p_j = p_{j−1}. Histories are BOS-padded as in training, and BOS counts as a token to the left
 * of a document's first n-grams. When n_1 = 0 or n_2 = 0 the estimate of D is degenerate (a collapsed
 * model has no singletons); D_j = 1/2 is used then, so that no validation token gets probability 0.
 */
public final class KneserNey {
  static final double DEGENERATE_DISCOUNT = 0.5;

  private final NgramGraph graph;
  private final int order;
  private final int bits;
  /** Per validation token: packed history, token, its state (or −1) and edge (or −1). */
  private final long[] valHistory;
  private final int[] valToken;
  private final int[] valState;
  private final int[] valEdge;

  public KneserNey(NgramGraph graph, TokenCorpus validation) {
    this.graph = graph;
    this.order = graph.order();
    this.bits = graph.bits();
    int n = validation.size();
    valHistory = new long[n];
    valToken = new int[n];
    valState = new int[n];
    valEdge = new int[n];
    int i = 0;
    for (int d = 0; d < validation.documents(); d++) {
      long h = graph.startKey();
      for (int p = validation.start(d), end = p + validation.length(d); p < end; p++) {
        int w = validation.token(p);
        valHistory[i] = h;
        valToken[i] = w;
        valState[i] = graph.state(h);
        valEdge[i] = graph.edge(valState[i], w);
        i++;
        h = graph.shift(h, w);
      }
    }
  }

  /** Validation tokens (EOS included). */
  public int tokens() {
    return valToken.length;
  }

  /** State of validation token i's history, or −1. */
  int state(int i) {
    return valState[i];
  }

  /** Edge of validation token i, or −1. */
  int edge(int i) {
    return valEdge[i];
  }

  private long mask(int j) {
    return j * bits >= 64 ? -1L : (1L << (j * bits)) - 1;
  }

  /**
   * The mean of −ln p_KN(w | h) over the validation tokens, for the model with these edge counts
   * (NaN without validation tokens).
   */
  public double crossEntropy(int[] counts) {
    if (valToken.length == 0) {
      return Double.NaN;
    }
    int k = order;
    // Continuation counts of orders k−1 … 1, keyed by the packed j-gram (its last j tokens).
    LongIntHashMap[] cont = new LongIntHashMap[k];
    if (k >= 2) {
      cont[k - 1] = new LongIntHashMap();
      for (int s = 0; s < graph.states(); s++) {
        long key = graph.stateKey(s);
        for (int e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) {
          if (counts[e] > 0) {
            cont[k - 1].addTo(graph.shift(key, graph.edgeToken(e)), 1);
          }
        }
      }
      for (int j = k - 2; j >= 1; j--) {
        cont[j] = new LongIntHashMap();
        long m = mask(j);
        for (LongIntCursor c : cont[j + 1]) {
          cont[j].addTo(c.key & m, 1);
        }
      }
    }
    // Per order j < k: history totals c_j(g •), types N1+(g •), and the discount.
    LongIntHashMap[] total = new LongIntHashMap[k];
    LongIntHashMap[] types = new LongIntHashMap[k];
    double[] discount = new double[k + 1];
    for (int j = 1; j < k; j++) {
      total[j] = new LongIntHashMap();
      types[j] = new LongIntHashMap();
      long n1 = 0;
      long n2 = 0;
      for (LongIntCursor c : cont[j]) {
        long g = c.key >>> bits;
        total[j].addTo(g, c.value);
        types[j].addTo(g, 1);
        n1 += c.value == 1 ? 1 : 0;
        n2 += c.value == 2 ? 1 : 0;
      }
      discount[j] = discount(n1, n2);
    }
    long n1 = 0;
    long n2 = 0;
    int[] liveEdges = new int[graph.states()];
    long[] stateTotal = new long[graph.states()];
    for (int s = 0; s < graph.states(); s++) {
      for (int e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) {
        int c = counts[e];
        if (c > 0) {
          liveEdges[s]++;
          stateTotal[s] += c;
          n1 += c == 1 ? 1 : 0;
          n2 += c == 2 ? 1 : 0;
        }
      }
    }
    discount[k] = discount(n1, n2);
    double uniform = 1.0 / graph.vocabularySize();
    double sum = 0;
    for (int i = 0; i < valToken.length; i++) {
      int w = valToken[i];
      long h = valHistory[i];
      long x = graph.shift(h, w); // the last k−1 tokens of (h, w); unused at k = 1
      double p = uniform;
      for (int j = 1; j < k; j++) {
        long gram = x & mask(j);
        long g = gram >>> bits;
        long t = total[j].getOrDefault(g, 0);
        if (t > 0) {
          int c = cont[j].getOrDefault(gram, 0);
          p = (Math.max(c - discount[j], 0) + discount[j] * types[j].get(g) * p) / t;
        }
      }
      int s = valState[i];
      if (s >= 0 && stateTotal[s] > 0) {
        int e = valEdge[i];
        int c = e >= 0 ? counts[e] : 0;
        p = (Math.max(c - discount[k], 0) + discount[k] * liveEdges[s] * p) / stateTotal[s];
      }
      sum -= Math.log(p);
    }
    return sum / valToken.length;
  }

  static double discount(long n1, long n2) {
    return n1 == 0 || n2 == 0 ? DEGENERATE_DISCOUNT : (double) n1 / (n1 + 2 * n2);
  }
}
