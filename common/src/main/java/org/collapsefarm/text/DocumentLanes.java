package org.collapsefarm.text;

import java.util.Arrays;

/**
 * Scratch of {@link NgramModel#generate}, which generates {@link #LANES} documents side by side: each
 * lane's tokens, its documents one after another, and every document begun, in the order begun (its
 * index in the corpus), with its lane, its first position there and its length. {@link #appendTo}
 * then lays the documents out in index order and cuts the corpus at its budget.
 */
final class DocumentLanes {
  /**
   * Documents generated at once. Each token's draw depends on the one before it through two random
   * reads (the urn, 4 MB at n = 10^6, and the edge's next state), so one document at a time waits on
   * memory; with eight independent chains the processor overlaps their reads. 4, 8 and 16 lanes: 8
   * was as fast as 16 and 1.5–2× faster than 4 (BENCHMARKS.md, "Text").
   */
  static final int LANES = 8;

  final int[][] tokens = new int[LANES][];
  final int[] written = new int[LANES];
  private int[] lane = new int[64];
  private int[] from = new int[64];
  private int[] length = new int[64];
  private int documents;

  /** Empties the lanes, each with room for its share of a budget of {@code budget} tokens. */
  void clear(int budget) {
    int capacity = Math.max(16, budget / LANES + budget / (4 * LANES));
    for (int l = 0; l < LANES; l++) {
      if (tokens[l] == null || tokens[l].length < capacity) {
        tokens[l] = new int[capacity];
      }
      written[l] = 0;
    }
    documents = 0;
  }

  /** Begins the next document in lane l at its current end; returns its index. */
  int begin(int l) {
    if (documents == lane.length) {
      lane = Arrays.copyOf(lane, 2 * documents);
      from = Arrays.copyOf(from, 2 * documents);
      length = Arrays.copyOf(length, 2 * documents);
    }
    lane[documents] = l;
    from[documents] = written[l];
    return documents++;
  }

  /** Ends document d (its tokens are the lane's last {@code n}). */
  void end(int d, int n) {
    length[d] = n;
  }

  /** Lane l with room for one more token. */
  int[] room(int l) {
    if (written[l] == tokens[l].length) {
      tokens[l] = Arrays.copyOf(tokens[l], 2 * tokens[l].length);
    }
    return tokens[l];
  }

  /**
   * Appends the documents in index order until {@code budget} tokens are appended, the last one cut
   * there; every document needed must have ended.
   *
   * @return the number of documents appended
   */
  int appendTo(EdgeText out, int budget) {
    int remaining = budget;
    int d = 0;
    for (; remaining > 0; d++) {
      int n = Math.min(length[d], remaining);
      out.appendDocument(tokens[lane[d]], from[d], from[d] + n);
      remaining -= n;
    }
    return d;
  }
}
