package org.collapsefarm.text;

import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.ParameterException;

/**
 * Whole documents drawn without replacement (MATH.md §8): real text for a run — the fixed real corpus
 * of partially synthetic training, accumulate's D_0, the real anchor — from the training part, and
 * accumulate-subsample's draws from its pool. Each document is drawn uniformly among those not drawn
 * yet in the same call, until the request is met; the last one is cut so that exactly the requested
 * number of tokens is returned.
 */
final class RealText {
  private final EdgeText training;

  RealText(NgramGraph graph, TokenCorpus corpus) {
    training = new EdgeText(corpus.size());
    int[] edges = graph.trainingEdges();
    for (int d = 0; d < corpus.documents(); d++) {
      training.appendDocument(edges, corpus.start(d), corpus.start(d) + corpus.length(d));
    }
  }

  /** Throws unless {@code tokens} real tokens can be drawn without replacement. */
  static void check(String key, long tokens, TokenCorpus training) {
    if (tokens > training.size()) {
      throw new ParameterException(key, "asks for " + tokens + " real tokens, more than the " + training.size()
          + " of the corpus's training part");
    }
  }

  /** Appends {@code tokens} tokens of whole training documents (the last one cut) to out. */
  void draw(int tokens, UniformRandomProvider rng, EdgeText out) {
    documentsWithoutReplacement(training, tokens, rng, out);
  }

  /** Appends {@code tokens} tokens of whole documents of {@code from}, drawn without replacement, to out. */
  static void documentsWithoutReplacement(EdgeText from, int tokens, UniformRandomProvider rng, EdgeText out) {
    int docs = from.documents();
    int[] order = new int[docs];
    for (int d = 0; d < docs; d++) {
      order[d] = d;
    }
    int remaining = tokens;
    for (int i = 0; remaining > 0; i++) {
      // Partial Fisher–Yates: positions i.. hold the documents not drawn yet.
      int j = i + rng.nextInt(docs - i);
      int d = order[j];
      order[j] = order[i];
      order[i] = d;
      int start = from.documentStart(d);
      int take = Math.min(remaining, from.documentEnd(d) - start);
      out.appendDocument(from.edges, start, start + take);
      remaining -= take;
    }
  }
}
