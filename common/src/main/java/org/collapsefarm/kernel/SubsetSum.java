package org.collapsefarm.kernel;

/**
 * λ_1 = max_A p^(1)(A)·p^(1)(A^c) of [S] Theorem 4 (MATH.md §4), exact for a model given by integer
 * counts: {@code a(N − a)/N²} for the subset sum a of the counts closest to N/2, found by a bitset
 * dynamic programme over the reachable sums 0..⌊N/2⌋ (cost: number of tokens × N/128 word operations).
 */
final class SubsetSum {
  private SubsetSum() {}

  /** λ_1 of the model counts[0..len)/total, with total = Σ counts. */
  static double lambda1(int[] counts, int len, long total) {
    long half = total / 2;
    if (half > Integer.MAX_VALUE - 64L) {
      throw new IllegalArgumentException("subset sum limited to totals below 2^32, got " + total);
    }
    int words = (int) (half >>> 6) + 1;
    long[] reachable = new long[words];
    reachable[0] = 1L;
    for (int i = 0; i < len; i++) {
      int c = counts[i];
      // A count above N/2 can never be part of a subset whose sum is ≤ N/2.
      if (c > 0 && c <= half) {
        shiftOr(reachable, c);
        if (isSet(reachable, half)) {
          break;
        }
      }
    }
    long best = half;
    while (!isSet(reachable, best)) {
      best--;
    }
    double a = best;
    double n = total;
    return a * (n - a) / (n * n);
  }

  /** bits |= bits << shift (bits beyond the array are dropped). */
  private static void shiftOr(long[] bits, int shift) {
    int wordShift = shift >>> 6;
    int bitShift = shift & 63;
    for (int i = bits.length - 1; i >= wordShift; i--) {
      int src = i - wordShift;
      long v = bits[src] << bitShift;
      if (bitShift != 0 && src > 0) {
        v |= bits[src - 1] >>> (64 - bitShift);
      }
      bits[i] |= v;
    }
  }

  private static boolean isSet(long[] bits, long index) {
    return (bits[(int) (index >>> 6)] & (1L << (index & 63))) != 0;
  }
}
