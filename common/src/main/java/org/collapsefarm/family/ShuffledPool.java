package org.collapsefarm.family;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Raw samples of fixed width (one double per value, {@code width} values per sample) in one growing
 * array, with draws without replacement by a partial Fisher–Yates shuffle: after {@link #shuffle}(n)
 * the first n samples are a uniform random n-subset of the pool. The order of a pool does not matter
 * (it is a multiset), so the shuffle works in place and costs O(n·width), whatever the pool's size.
 */
final class ShuffledPool {
  private final int width;
  private double[] values;
  private long size;

  /**
   * @param width doubles per sample
   * @param capacity the most samples the pool will hold (its memory is checked by the paradigm layer)
   */
  ShuffledPool(int width, long capacity) {
    this.width = width;
    this.values = new double[(int) Math.min(Math.max(capacity, 1) * width, 1 << 16)];
    if (capacity * width > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("pool of " + capacity + " samples of " + width + " values is too large");
    }
  }

  /** The backing array: sample i is {@code values[i·width .. (i+1)·width)}; valid until the next {@link #grow}. */
  double[] values() {
    return values;
  }

  /** Makes room for {@code samples} more and returns the offset where they go. */
  int grow(int samples) {
    long needed = (size + samples) * width;
    if (needed > values.length) {
      values = Arrays.copyOf(values, (int) Math.min(Math.max(needed, 2L * values.length), Integer.MAX_VALUE - 8));
    }
    int offset = (int) (size * width);
    size += samples;
    return offset;
  }

  /** The number of samples in the pool. */
  long size() {
    return size;
  }

  /** Moves a uniform random n-subset of the samples to the front: samples 0..n−1 are the draw. */
  void shuffle(int n, UniformRandomProvider rng) {
    if (n > size) {
      throw new IllegalStateException("cannot draw " + n + " samples without replacement from " + size);
    }
    for (int i = 0; i < n; i++) {
      int j = i + rng.nextInt((int) (size - i));
      if (j != i) {
        for (int c = 0; c < width; c++) {
          double t = values[i * width + c];
          values[i * width + c] = values[j * width + c];
          values[j * width + c] = t;
        }
      }
    }
  }
}
