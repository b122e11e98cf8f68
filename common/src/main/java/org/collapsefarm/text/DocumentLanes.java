package org.collapsefarm.text;

import java.util.Arrays;

/**
 * The lanes of {@link NgramModel#generate}, which generates {@link #LANES} documents side by side: per
 * lane its tokens (its documents one after another) and its current document's index, history state
 * and length so far; the lanes still generating; and every document begun, in the order begun (its
 * index in the corpus), with its lane, its first position there and its length. {@link #appendTo}
 * then lays the documents out in index order and cuts the corpus at its budget.
 */
final class DocumentLanes {
  /**
   * Documents generated at once. Each token's draw depends on the one before it through two random
   * reads (the urn, 4 MB at n = 10^6, and the edge's next state), so one document at a time waits on
   * memory; with several independent chains the processor overlaps their reads. 4, 8 and 16 lanes
   * were within the noise of one another in an A/B (BENCHMARKS.md, "Text"), each about twice as fast
   * as one document at a time.
   */
  static final int LANES = 8;

  final int[][] tokens = new int[LANES][];
  final int[] written = new int[LANES];
  /** The state of the history of each lane's current document, and its length so far. */
  final int[] state = new int[LANES];
  final int[] current = new int[LANES];
  private final int[] document = new int[LANES];
  /** The lanes still generating, in turn: slots 0 .. active − 1. */
  final int[] slot = new int[LANES];
  int active;
  private int[] lane = new int[64];
  private int[] from = new int[64];
  private int[] length = new int[64];
  private int documents;

  /**
   * Empties the lanes, each with room for its share of a budget of {@code budget} ≥ 1 tokens, and
   * begins the first documents, one per lane (no more than {@code budget}: every document has a token).
   */
  void start(int budget) {
    int capacity = capacity(budget);
    documents = 0;
    active = Math.min(LANES, budget);
    for (int l = 0; l < LANES; l++) {
      if (tokens[l] == null || tokens[l].length < capacity) {
        tokens[l] = new int[capacity];
      }
      written[l] = 0;
      state[l] = 0;
      current[l] = 0;
      slot[l] = l;
      document[l] = l < active ? begin(l) : -1;
    }
  }

  /** A lane's room for a budget: its share and a quarter more (a lane that needs more doubles it). */
  static int capacity(int budget) {
    return Math.max(16, budget / LANES + budget / (4 * LANES));
  }

  /** Begins the next document in lane l at its current end; returns its index. */
  private int begin(int l) {
    if (documents == lane.length) {
      lane = Arrays.copyOf(lane, 2 * documents);
      from = Arrays.copyOf(from, 2 * documents);
      length = Arrays.copyOf(length, 2 * documents);
    }
    lane[documents] = l;
    from[documents] = written[l];
    return documents++;
  }

  /**
   * Ends the current document of the lane in slot i. While the documents begun hold fewer than
   * {@code budget} tokens the lane begins the next one, else it stops (the later slots move down one,
   * keeping their turn).
   *
   * @return the slot whose lane draws next
   */
  int endDocument(int i, int budget) {
    int l = slot[i];
    length[document[l]] = current[l];
    state[l] = 0;
    current[l] = 0;
    long begun = 0;
    for (int w : written) {
      begun += w;
    }
    if (begun < budget) {
      document[l] = begin(l);
      i++;
    } else {
      System.arraycopy(slot, i + 1, slot, i, active - i - 1);
      active--;
    }
    return i < active ? i : 0;
  }

  /** Lane l's tokens with room for more. */
  int[] grow(int l) {
    tokens[l] = Arrays.copyOf(tokens[l], 2 * tokens[l].length);
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
