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

  private Probe(String text, int word, int[] states) {
    this.text = text;
    this.word = word;
    this.states = states;
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
      return new Probe(text, ids[len], null);
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
    return new Probe(text, ids[len], states.toArray());
  }

  public String text() {
    return text;
  }

  /**
   * Writes p(w | x) to out[0] (NaN if x is gone) and whether the probe is collapsed to out[1] (1 or 0).
   */
  void evaluate(NgramGraph graph, int[] counts, double[] out) {
    if (states == null) {
      out[0] = Double.NaN;
      out[1] = 0;
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
  }
}
