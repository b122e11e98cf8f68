package org.collapsefarm.text;

import java.io.Serializable;
import java.util.Arrays;
import org.collapsefarm.ParameterException;

/**
 * A corpus of encoded documents, compactly: the token ids of all documents one after the other, each
 * document's tokens followed by {@link Vocabulary#EOS}, and the start of every document ({@code
 * starts[d]} to {@code starts[d + 1]}, so {@code starts} has one more entry than there are
 * documents). The corpus size counts EOS (MATH.md §8: EOS is a token like any other).
 */
public final class TokenCorpus implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int[] tokens;
  private final int[] starts;

  /** @param tokens every document's ids followed by EOS; @param starts document starts, then tokens.length */
  public TokenCorpus(int[] tokens, int[] starts) {
    if (starts.length == 0 || starts[0] != 0 || starts[starts.length - 1] != tokens.length) {
      throw new IllegalArgumentException("starts must run from 0 to tokens.length");
    }
    for (int d = 0; d + 1 < starts.length; d++) {
      if (starts[d + 1] <= starts[d] || tokens[starts[d + 1] - 1] != Vocabulary.EOS) {
        throw new IllegalArgumentException("document " + d + " is empty or does not end with EOS");
      }
    }
    this.tokens = tokens;
    this.starts = starts;
  }

  /** Builds a corpus from documents given without their EOS (tests and small corpora). */
  public static TokenCorpus of(int[]... documents) {
    Builder b = new Builder();
    for (int[] d : documents) {
      b.add(d);
    }
    return b.build();
  }

  public int documents() {
    return starts.length - 1;
  }

  /** Tokens, EOS included. */
  public int size() {
    return tokens.length;
  }

  public int start(int document) {
    return starts[document];
  }

  /** Length of a document, EOS included. */
  public int length(int document) {
    return starts[document + 1] - starts[document];
  }

  public int token(int position) {
    return tokens[position];
  }

  /** The raw arrays are not exposed; a copy of one document's ids, EOS included. */
  public int[] document(int d) {
    return Arrays.copyOfRange(tokens, starts[d], starts[d + 1]);
  }

  /** Appends encoded documents; EOS is added to each. */
  public static final class Builder {
    private int[] tokens = new int[1024];
    private int[] starts = new int[64];
    private int size;
    private int docs;

    /** Adds a document (ids without EOS). An empty document is skipped: it has no token to predict but EOS. */
    public Builder add(int[] ids) {
      if (ids.length == 0) {
        return this;
      }
      if ((long) size + ids.length + 1 > Integer.MAX_VALUE - 8) {
        throw new ParameterException("path", "a corpus part holds at most 2^31 - 9 tokens on one executor");
      }
      while (size + ids.length + 1 > tokens.length) {
        tokens = Arrays.copyOf(tokens, (int) Math.min(Integer.MAX_VALUE - 8, 2L * tokens.length));
      }
      if (docs + 2 > starts.length) {
        starts = Arrays.copyOf(starts, 2 * starts.length);
      }
      starts[docs++] = size;
      System.arraycopy(ids, 0, tokens, size, ids.length);
      size += ids.length;
      tokens[size++] = Vocabulary.EOS;
      return this;
    }

    public TokenCorpus build() {
      int[] s = Arrays.copyOf(starts, docs + 1);
      s[docs] = size;
      return new TokenCorpus(Arrays.copyOf(tokens, size), s);
    }
  }
}
