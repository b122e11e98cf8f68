package org.collapsefarm.text;

import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.ParameterException;

/**
 * Real text for a run (MATH.md §8: the fixed real corpus of partially synthetic, accumulate's D_0, the
 * real anchor): whole documents of the training part, each drawn uniformly among those not drawn yet
 * in the same call (sampling without replacement), until the request is met; the last document is cut
 * so that exactly the requested number of tokens is returned.
 */
final class RealText {
  private final NgramGraph graph;
  private final TokenCorpus training;
  private final int[] edgesOfTraining;
  private final int[] permutation;

  RealText(NgramGraph graph, TokenCorpus training) {
    this.graph = graph;
    this.training = training;
    this.edgesOfTraining = graph.trainingEdges();
    this.permutation = new int[training.documents()];
    for (int d = 0; d < permutation.length; d++) {
      permutation[d] = d;
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
    int remaining = tokens;
    int n = permutation.length;
    for (int i = 0; remaining > 0; i++) {
      // Partial Fisher–Yates: positions i.. hold the documents not drawn yet in this call.
      int j = i + rng.nextInt(n - i);
      int d = permutation[j];
      permutation[j] = permutation[i];
      permutation[i] = d;
      int take = Math.min(remaining, training.length(d));
      int from = training.start(d);
      out.appendDocument(edgesOfTraining, from, from + take);
      remaining -= take;
    }
  }

  NgramGraph graph() {
    return graph;
  }
}
