package org.collapsefarm.text;

import com.carrotsearch.hppc.IntArrayList;
import java.io.Serializable;
import java.util.List;
import org.collapsefarm.ParameterException;

/**
 * A probe {@code p^(m)(w | x)} (MATH.md §8; [W] Fig. 2's p(was | there)): x is the probe's words but
 * the last, w the last. With |x| = k − 1 it is the model's own conditional; with a shorter x it is the
 * maximum-likelihood conditional of the same training counts, {@code c(x, w)/c(x)}, summed over the
 * histories that end with x (for |x| = 0, the unigram probability of w). Undefined (NaN) when no
 * history ending with x is left; the probe is <em>collapsed</em> then, or when the tokens following x
 * are a single one. A probe whose x is longer than k − 1 does not apply to an order-k model: it is
 * NaN and never collapsed (probes are set for a whole sweep, whose orders differ).
 */
public final class Probe implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String text;
  private final int word;
  /** The states whose history ends with x, or null when x is longer than k − 1. */
  private final int[] states;
  /** Whether |x| = k − 1: x is one history of the model, whose next-token distribution is a martingale. */
  private final boolean fullHistory;

  private Probe(String text, int word, int[] states, boolean fullHistory) {
    this.text = text;
    this.word = word;
    this.states = states;
    this.fullHistory = fullHistory;
  }

  /** The probe {@code text} (tokenised as the corpus) on a graph; key {@code probes} in errors. */
  public static Probe of(String text, TextCorpus corpus, NgramGraph graph) {
    List<String> tokens = corpus.tokenizer().tokens(text, true);
    if (tokens.isEmpty()) {
      throw new ParameterException("probes", "\"" + text + "\" has no token");
    }
    int[] ids = new int[tokens.size()];
    for (int i = 0; i < ids.length; i++) {
      if (!corpus.vocabulary().contains(tokens.get(i))) {
        throw new ParameterException("probes", "\"" + text + "\": \"" + tokens.get(i) + "\" is not in the corpus vocabulary V_0");
      }
      ids[i] = corpus.vocabulary().id(tokens.get(i));
    }
    int len = ids.length - 1;
    if (len > graph.order() - 1) {
      return new Probe(text, ids[len], null, false);
    }
    IntArrayList states = new IntArrayList();
    for (int s = 0; s < graph.states(); s++) {
      boolean match = true;
      for (int i = 0; i < len && match; i++) {
        match = graph.historyToken(s, graph.order() - 1 - len + i) == ids[i];
      }
      if (match) {
        states.add(s);
      }
    }
    return new Probe(text, ids[len], states.toArray(), len == graph.order() - 1);
  }

  public String text() {
    return text;
  }

  /** Whether x is a whole history of the model (|x| = k − 1), so that {@link #evaluate}'s counts are c(h) and c(h, w). */
  boolean fullHistory() {
    return fullHistory;
  }

  /**
   * Writes p(w | x) to out[0] (NaN if x is gone), whether the probe is collapsed to out[1] (1 or 0),
   * and the counts c(x) and c(x, w) to out[2] and out[3].
   */
  void evaluate(NgramGraph graph, int[] counts, double[] out) {
    if (states == null) {
      out[0] = Double.NaN;
      out[1] = 0;
      out[2] = 0;
      out[3] = 0;
      return;
    }
    long cx = 0;
    long cxw = 0;
    int onlyToken = -1;
    boolean single = true;
    for (int s : states) {
      for (int e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) {
        int c = counts[e];
        if (c > 0) {
          int t = graph.edgeToken(e);
          cx += c;
          if (t == word) {
            cxw += c;
          }
          if (onlyToken < 0) {
            onlyToken = t;
          } else if (onlyToken != t) {
            single = false;
          }
        }
      }
    }
    out[0] = cx == 0 ? Double.NaN : (double) cxw / cx;
    out[1] = cx == 0 || single ? 1 : 0;
    out[2] = cx;
    out[3] = cxw;
  }
}
