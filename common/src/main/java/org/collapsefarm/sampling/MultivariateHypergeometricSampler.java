package org.collapsefarm.sampling;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact multivariate hypergeometric variates: the composition of k items drawn without replacement
 * from a pool with counts[0..len) (MATH.md §2, accumulate-subsample: generation m trains on n tokens
 * drawn from the pooled counts). By the chain rule, X_i ~ Hypergeometric(total − Σ_{j&lt;i} counts[j],
 * counts[i], k − Σ_{j&lt;i} X_j), one {@link HypergeometricSampler} draw per entry, stopping as soon as
 * the remaining draw count is 0; the cost follows len, not the pool size or k.
 */
public final class MultivariateHypergeometricSampler {
  private MultivariateHypergeometricSampler() {}

  /**
   * Draws k items without replacement from a pool with counts[0..len) (Σ = total); writes the
   * composition of the draw to out[0..len), Σ out = k, out[i] ≤ counts[i].
   *
   * @param rng the source of uniforms
   * @param k number of items drawn, in [0, total]
   * @param counts non-negative pool counts, at least {@code len} entries
   * @param total Σ counts[0..len)
   * @param len number of categories used, ≥ 1
   * @param out receives the composition, at least {@code len} entries
   * @throws IllegalArgumentException if the shape is wrong, k is outside [0, total], or the counts
   *     do not sum to total (found when the sweep reaches the end)
   */
  public static void sample(UniformRandomProvider rng, int k, int[] counts, long total, int len,
      int[] out) {
    if (len < 1 || len > counts.length || len > out.length) {
      throw new IllegalArgumentException("len must be in [1, min(counts.length, out.length)] = [1, "
          + Math.min(counts.length, out.length) + "], got " + len);
    }
    if (k < 0 || k > total) {
      throw new IllegalArgumentException("k must be in [0, total = " + total + "], got " + k);
    }
    long remaining = total;
    int left = k;
    int i = 0;
    for (; i < len && left > 0; i++) {
      int c = counts[i];
      if (c > remaining) {
        throw countsMismatch(total);
      }
      int x = c == 0 ? 0 : (int) HypergeometricSampler.draw(rng, remaining, c, left);
      out[i] = x;
      left -= x;
      remaining -= c;
    }
    if (left > 0) {
      throw countsMismatch(total);
    }
    Arrays.fill(out, i, len, 0);
  }

  private static IllegalArgumentException countsMismatch(long total) {
    return new IllegalArgumentException("counts[0..len) do not sum to total = " + total);
  }
}
