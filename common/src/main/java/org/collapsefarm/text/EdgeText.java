package org.collapsefarm.text;

import java.util.Arrays;

/**
 * A corpus as a sequence of {@link NgramGraph} edges (one per token, EOS included) with its document
 * starts: what a generation is trained on, without its n-grams ever being hashed. Reused from
 * generation to generation ({@link #clear}).
 */
public final class EdgeText {
  int[] edges;
  int size;
  int[] starts = new int[64];
  int documents;

  public EdgeText(int capacity) {
    edges = new int[Math.max(16, capacity)];
  }

  public void clear() {
    size = 0;
    documents = 0;
  }

  /** Tokens, EOS included. */
  public int size() {
    return size;
  }

  public int documents() {
    return documents;
  }

  public int edge(int i) {
    return edges[i];
  }

  public int documentStart(int d) {
    return starts[d];
  }

  /** End (exclusive) of document d. */
  public int documentEnd(int d) {
    return d + 1 < documents ? starts[d + 1] : size;
  }

  /** Begins a document at the current end. */
  private void beginDocument() {
    if (documents == starts.length) {
      starts = Arrays.copyOf(starts, 2 * starts.length);
    }
    starts[documents++] = size;
  }

  private void ensure(int extra) {
    if ((long) size + extra > edges.length) {
      edges = Arrays.copyOf(edges, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) size + extra, 2L * edges.length)));
    }
  }

  /** Appends edges [from, to) of {@code src} as (part of) one document. */
  void appendDocument(int[] src, int from, int to) {
    beginDocument();
    ensure(to - from);
    System.arraycopy(src, from, edges, size, to - from);
    size += to - from;
  }

  /** Appends every document of {@code other}. */
  public void append(EdgeText other) {
    for (int d = 0; d < other.documents; d++) {
      appendDocument(other.edges, other.starts[d], other.documentEnd(d));
    }
  }

  /** Adds one to {@code counts[e]} for every edge e of the text. */
  public void addTo(int[] counts) {
    int[] e = edges;
    for (int i = 0; i < size; i++) {
      counts[e[i]]++;
    }
  }
}
