package org.collapsefarm.kernel;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Mult(k, counts/total) for a model with a small training set: the model is an urn of {@code total}
 * balls, {@code counts[i]} of colour i, and k draws from it with replacement are k uniform ball
 * indices ({@link UniformRandomProvider#nextInt(int)}, exactly uniform). Exact in distribution, with
 * cost O(total + len + k) and no floating point; much cheaper than a chain of binomial draws when
 * the training set is small against the live support (e.g. fully synthetic with n = 10), where each
 * binomial costs a logarithm and an exponential. {@link SyntheticSource} chooses it below {@link
 * #MAX_BALLS_PER_TOKEN} balls per live token (BENCHMARKS.md, "Kernel").
 */
final class UrnSampler {
  /** The urn is used while total ≤ this × len. */
  static final int MAX_BALLS_PER_TOKEN = 4;

  private UrnSampler() {}

  /**
   * k draws with replacement from the urn counts[0..len) into out[0..len).
   *
   * @param slots scratch of at least total entries
   */
  static void sample(UniformRandomProvider rng, int k, int[] counts, int total, int len, int[] out, int[] slots) {
    int s = 0;
    for (int i = 0; i < len; i++) {
      for (int c = counts[i]; c > 0; c--) {
        slots[s++] = i;
      }
      out[i] = 0;
    }
    for (int j = 0; j < k; j++) {
      out[slots[rng.nextInt(total)]]++;
    }
  }
}
