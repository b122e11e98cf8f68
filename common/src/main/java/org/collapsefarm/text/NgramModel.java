package org.collapsefarm.text;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An order-k maximum-likelihood n-gram model on an {@link NgramGraph}: {@code p(w | h) = c(h, w)/c(h)}
 * (MATH.md §8) with the counts c of its training corpus, one int per edge. Generation draws from it;
 * temperature and top-p change only how it is sampled, never the model.
 *
 * <p>Sampling without temperature or nucleus uses an <em>urn</em>: for every state, its edges each
 * repeated c(h, w) times, so a draw is one uniform index into the state's block — O(1) per token, and
 * exactly p(w | h). With τ ≠ 1 or top-p &lt; 1 each live state gets the cumulative weights of its
 * kept edges, {@code q ∝ c^{1/τ}} on the smallest set of most likely edges (ties: smaller token
 * first) whose mass reaches top-p, and a draw is a binary search.
 */
public final class NgramModel {
  /** The largest training set a model takes: its urn and counts are int-indexed arrays. */
  public static final long MAX_TRAINING_TOKENS = Integer.MAX_VALUE - 8;
  private final NgramGraph graph;
  private final double temperature;
  private final double topP;
  /** Counts per edge (owned by the caller; read when {@link #prepare} is called). */
  private int[] counts;
  private long total;
  private final long[] stateTotal;
  /** Urn: state s's block is urn[urnBase[s] .. urnBase[s] + c(h)). */
  private final int[] urnBase;
  /** c(h) as an int (a training set is below 2^31 tokens). */
  private final int[] urnSize;
  private int[] urn = new int[0];
  /**
   * The state after edge e, or −1 when a document ends there: after EOS, or at a history this model
   * never continues. One lookup per generated token instead of three.
   */
  private final int[] after;
  /** Knob sampler: kept edges and their cumulative weights per state, [knobStart[s], knobStart[s+1]). */
  private int[] knobStart;
  private int[] knobEdge;
  private double[] knobCumulative;
  /** Scratch of {@link #generate}. */
  private final DocumentLanes lanes;

  public NgramModel(NgramGraph graph, double temperature, double topP) {
    this(graph, temperature, topP, new DocumentLanes());
  }

  /**
   * A model whose {@link #generate} uses {@code lanes} as its scratch: the models of one cell share
   * one (they generate one at a time), so that a paradigm keeping several models keeps one scratch.
   */
  NgramModel(NgramGraph graph, double temperature, double topP, DocumentLanes lanes) {
    this.lanes = lanes;
    this.graph = graph;
    this.temperature = temperature;
    this.topP = topP;
    this.stateTotal = new long[graph.states()];
    this.urnBase = new int[graph.states()];
    this.urnSize = new int[graph.states()];
    this.after = new int[graph.edges()];
  }

  public NgramGraph graph() {
    return graph;
  }

  /**
   * The tokens (4 bytes each) {@link #generate} holds in its lanes, besides its output, for a budget of
   * {@code tokens}: about 1.25 tokens per token (sizes a text cell's heap).
   */
  public static long laneTokens(int tokens) {
    return (long) DocumentLanes.LANES * DocumentLanes.capacity(tokens);
  }

  /** Uses these counts (one per edge) as the model's; call again after they change. */
  public void prepare(int[] edgeCounts) {
    this.counts = edgeCounts;
    Arrays.fill(stateTotal, 0);
    long t = 0;
    int states = graph.states();
    for (int s = 0; s < states; s++) {
      long c = 0;
      for (int e = graph.edgeStart(s), end = graph.edgeStart(s + 1); e < end; e++) {
        c += edgeCounts[e];
      }
      stateTotal[s] = c;
      t += c;
    }
    total = t;
    if (total > MAX_TRAINING_TOKENS) {
      throw new IllegalStateException("a training set of more than 2^31 tokens");
    }
    for (int e = 0; e < after.length; e++) {
      int next = graph.edgeNext(e);
      after[e] = graph.edgeToken(e) == Vocabulary.EOS || next < 0 || stateTotal[next] == 0 ? -1 : next;
    }
    if (temperature == 1.0 && topP == 1.0) {
      buildUrn();
    } else {
      buildKnobSampler();
    }
  }

  private void buildUrn() {
    int states = graph.states();
    int base = 0;
    for (int s = 0; s < states; s++) {
      urnBase[s] = base;
      urnSize[s] = (int) stateTotal[s];
      base += urnSize[s];
    }
    if (urn.length < total) {
      urn = new int[(int) total];
    }
    // The states' blocks lie one after another, in edge order: edge e fills the next counts[e] places.
    int k = 0;
    for (int e = 0, edges = graph.edges(); e < edges; e++) {
      Arrays.fill(urn, k, k + counts[e], e);
      k += counts[e];
    }
  }

  private void buildKnobSampler() {
    int states = graph.states();
    int edges = graph.edges();
    if (knobStart == null) {
      knobStart = new int[states + 1];
      knobEdge = new int[edges];
      knobCumulative = new double[edges];
    }
    double inv = 1.0 / temperature;
    int k = 0;
    Integer[] order = new Integer[0];
    for (int s = 0; s < states; s++) {
      knobStart[s] = k;
      int from = graph.edgeStart(s);
      int to = graph.edgeStart(s + 1);
      int live = 0;
      for (int e = from; e < to; e++) {
        if (counts[e] > 0) {
          live++;
        }
      }
      if (live == 0) {
        continue;
      }
      if (order.length < live) {
        order = new Integer[Math.max(live, 2 * order.length)];
      }
      int j = 0;
      for (int e = from; e < to; e++) {
        if (counts[e] > 0) {
          order[j++] = e;
        }
      }
      // Most likely first; equal counts keep token order (the edges are in token order).
      Arrays.sort(order, 0, live, (a, b) -> Integer.compare(counts[b], counts[a]));
      double norm = 0;
      double[] w = new double[live];
      for (int i = 0; i < live; i++) {
        w[i] = Math.pow((double) counts[order[i]] / stateTotal[s], inv);
        norm += w[i];
      }
      double cum = 0;
      for (int i = 0; i < live; i++) {
        cum += w[i] / norm;
        knobEdge[k] = order[i];
        knobCumulative[k] = cum;
        k++;
        if (cum >= topP * (1 - 1e-12)) {
          break;
        }
      }
      // Renormalise the kept prefix.
      double last = knobCumulative[k - 1];
      for (int i = knobStart[s]; i < k; i++) {
        knobCumulative[i] /= last;
      }
      knobCumulative[k - 1] = 1.0;
    }
    knobStart[states] = k;
  }

  /** c(h) of a state. */
  public long stateTotal(int state) {
    return stateTotal[state];
  }

  /** Σ counts: the training set's size. */
  public long total() {
    return total;
  }

  public int count(int edge) {
    return counts[edge];
  }

  /**
   * Generates documents from BOS until exactly {@code tokens} tokens are appended to out (MATH.md §8):
   * each token drawn from p(· | h); a document ends at EOS, at {@code maxLength} tokens (EOS
   * included, so a document cut there has maxLength tokens and no EOS), or at a history that never
   * continues (possible only after a cut document in the training set), and the last document is cut
   * when the budget is reached.
   *
   * <p>The documents are generated {@link DocumentLanes#LANES} at a time, side by side, for speed (see
   * there): the lanes take one token each in turn from the one stream; a lane whose document ends
   * begins the next document (in index order) while the documents begun hold fewer than
   * {@code tokens} tokens, and stops otherwise; the corpus is then the documents in index order, cut
   * at the budget. This is exactly the law of §8 — independent documents from p, one after another,
   * cut at n tokens. Each draw uses fresh uniforms of the stream, and which document and position it
   * goes to is decided by the draws before it only (Doob's optional skipping: such a predictable
   * allocation of an i.i.d. sequence leaves each document's own sequence of uniforms i.i.d. and
   * independent of the other documents'), so documents 1, 2, … are i.i.d. from p whatever their
   * lanes; the documents begun always include the ones the budget needs (a lane stops only once the
   * documents begun hold at least n tokens), and the extra ones are dropped unseen. The bits, not the
   * law, depend on the number of lanes.
   *
   * @return the number of documents appended
   */
  public int generate(int tokens, int maxLength, UniformRandomProvider rng, EdgeText out) {
    if (tokens <= 0) {
      return 0;
    }
    DocumentLanes lanes = this.lanes;
    lanes.start(tokens);
    int i = 0;
    while (lanes.active > 0) {
      i = lanes.endDocument(draw(lanes, i, maxLength, rng), tokens);
    }
    return lanes.appendTo(out, tokens);
  }

  /**
   * Draws a token in each generating lane in turn, from slot {@code from}, until one of them ends its
   * document (EOS, a history that never continues, or {@code maxLength} tokens); returns its slot. The
   * hot loop of {@link #generate}, a method of its own that returns at every document's end: the JIT
   * compiles it whole after a few hundred documents, with no branch it has never seen taken (a loop
   * that also handled the lanes stopping at the budget ran de-optimised for the next few generations).
   */
  private int draw(DocumentLanes lanes, int from, int maxLength, UniformRandomProvider rng) {
    int[] slot = lanes.slot;
    int[] state = lanes.state;
    int[] current = lanes.current;
    int[] written = lanes.written;
    int[][] buffers = lanes.tokens;
    int[] next = after;
    int active = lanes.active;
    boolean plain = temperature == 1.0 && topP == 1.0;
    for (int i = from; ; i = 0) {
      for (; i < active; i++) {
        int l = slot[i];
        int s = state[l];
        int e = plain ? urn[urnBase[s] + rng.nextInt(urnSize[s])] : drawKnob(s, rng);
        int w = written[l];
        int[] buffer = buffers[l];
        if (w == buffer.length) {
          buffer = lanes.grow(l);
        }
        buffer[w] = e;
        written[l] = w + 1;
        s = next[e];
        int n = ++current[l];
        if (s < 0 || n >= maxLength) {
          return i;
        }
        state[l] = s;
      }
    }
  }

  private int drawKnob(int s, UniformRandomProvider rng) {
    int lo = knobStart[s];
    int hi = knobStart[s + 1] - 1;
    double u = rng.nextDouble();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (knobCumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return knobEdge[lo];
  }
}
