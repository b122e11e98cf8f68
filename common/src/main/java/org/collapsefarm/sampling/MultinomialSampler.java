package org.collapsefarm.sampling;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact multinomial variates Mult(k, q) over the first {@code len} entries of a probability vector,
 * with no allocation. The caller keeps the live support (entries with q_i &gt; 0) compacted at the
 * front, so the cost follows {@code len}, never the vocabulary; it does not grow with k either.
 *
 * <p>Two exact methods, chosen by the ratio k / len (threshold {@link #ORDER_STATISTICS_MAX_DRAWS_PER_ENTRY},
 * from the JMH figures in BENCHMARKS.md, "Samplers"):
 *
 * <ul>
 *   <li><b>conditional binomials</b>: X_i ~ Binomial(k − Σ_{j&lt;i} X_j, q_i / Σ_{j≥i} q_j), which is
 *       the multinomial's chain-rule factorisation; stops as soon as the remaining count is 0. One
 *       {@link BinomialSampler} draw per entry.
 *   <li><b>ordered uniforms</b> (for k small against len): the k category draws are k iid uniforms on
 *       [0, Σq) mapped through the cumulative sums; generated directly in ascending order (the
 *       minimum of r uniforms on (u, 1) is 1 − (1 − u)·V^{1/r}), they are assigned in one sweep of
 *       the cumulative sums. One exp and one log per draw, one add per entry.
 * </ul>
 */
public final class MultinomialSampler {
  /**
   * Ordered uniforms while k &lt; this × len, conditional binomials otherwise. From the JMH figures
   * (BENCHMARKS.md, "Samplers"): ordered uniforms cost about one {@code exp}+{@code log} per draw
   * plus ~1 ns per entry, conditional binomials about 10–100 ns per entry (growing with the means).
   * Ordered uniforms win by 5–10× at k/len = 1e-4 (10:1e5), conditional binomials by 4–5× from
   * k = 2·len (104:52, 400:52) and by orders of magnitude at 1e5:3; between k/len = 0.1 and 1 the
   * two are within the noise of the shared machine, and 1/2 is the midpoint of that band.
   */
  static final double ORDER_STATISTICS_MAX_DRAWS_PER_ENTRY = 0.5;

  private MultinomialSampler() {}

  /**
   * Mult(k, q[0..len) / Σq): writes the counts to {@code out[0..len)}, which sum to k. Entries with
   * q_i = 0 always get 0. Preconditions (not checked in the loop): q_i finite and ≥ 0 with a positive
   * sum (Σ q = 1 up to rounding in the intended use; the vector is normalised by its actual sum).
   *
   * @param rng the source of uniforms
   * @param k number of draws, ≥ 0
   * @param q category probabilities, at least {@code len} entries
   * @param len number of categories used, ≥ 1
   * @param out receives the counts, at least {@code len} entries
   */
  public static void sample(UniformRandomProvider rng, int k, double[] q, int len, int[] out) {
    checkShape(k, len, q.length, out.length);
    if (k < ORDER_STATISTICS_MAX_DRAWS_PER_ENTRY * len) {
      orderedUniforms(rng, k, q, len, out);
    } else {
      conditionalBinomials(rng, k, q, len, out);
    }
  }

  /**
   * Mult(k, counts/total) with q_i = counts[i]/total exactly: conditional binomials whose p is
   * counts[i] / (total − Σ_{j&lt;i} counts[j]) from the integer remainder (no floating drift; the last
   * positive entry gets p = 1 exactly), or ordered uniforms when k is small against len. This is the
   * hot path of the fully synthetic paradigm (p^(m) = counts/n).
   *
   * @param rng the source of uniforms
   * @param k number of draws, ≥ 0
   * @param counts non-negative counts, at least {@code len} entries
   * @param total Σ counts[0..len), &gt; 0
   * @param len number of categories used, ≥ 1
   * @param out receives the counts, at least {@code len} entries
   * @throws IllegalArgumentException if the shape is wrong or the counts do not sum to total (found
   *     when the sweep reaches the end)
   */
  public static void sampleFromCounts(UniformRandomProvider rng, int k, int[] counts, long total,
      int len, int[] out) {
    checkCountsShape(k, counts, total, len, out);
    if (k < ORDER_STATISTICS_MAX_DRAWS_PER_ENTRY * len) {
      countsOrderedUniforms(rng, k, counts, total, len, out);
    } else {
      countsConditionalBinomials(rng, k, counts, total, len, out);
    }
  }

  private static void checkCountsShape(int k, int[] counts, long total, int len, int[] out) {
    checkShape(k, len, counts.length, out.length);
    if (total <= 0) {
      throw new IllegalArgumentException("total must be > 0, got " + total);
    }
  }

  private static void checkShape(int k, int len, int qLength, int outLength) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    if (len < 1 || len > qLength || len > outLength) {
      throw new IllegalArgumentException("len must be in [1, min(q.length, out.length)] = [1, "
          + Math.min(qLength, outLength) + "], got " + len);
    }
  }

  /**
   * {@link #sample} forced to conditional binomials, whatever k and len (for tests, benchmarks and
   * callers that know their regime); same contract.
   */
  public static void sampleConditionalBinomials(UniformRandomProvider rng, int k, double[] q,
      int len, int[] out) {
    checkShape(k, len, q.length, out.length);
    conditionalBinomials(rng, k, q, len, out);
  }

  /** {@link #sample} forced to ordered uniforms (cost O(k + len)); same contract. */
  public static void sampleOrderedUniforms(UniformRandomProvider rng, int k, double[] q, int len,
      int[] out) {
    checkShape(k, len, q.length, out.length);
    orderedUniforms(rng, k, q, len, out);
  }

  /** {@link #sampleFromCounts} forced to conditional binomials; same contract. */
  public static void sampleFromCountsConditionalBinomials(UniformRandomProvider rng, int k,
      int[] counts, long total, int len, int[] out) {
    checkCountsShape(k, counts, total, len, out);
    countsConditionalBinomials(rng, k, counts, total, len, out);
  }

  /** {@link #sampleFromCounts} forced to ordered uniforms (cost O(k + len)); same contract. */
  public static void sampleFromCountsOrderedUniforms(UniformRandomProvider rng, int k,
      int[] counts, long total, int len, int[] out) {
    checkCountsShape(k, counts, total, len, out);
    countsOrderedUniforms(rng, k, counts, total, len, out);
  }

  private static void conditionalBinomials(UniformRandomProvider rng, int k, double[] q, int len,
      int[] out) {
    // A first pass finds Σq and the last positive entry, which takes the remainder: rounding in the
    // running remainder can then never give a count to an entry with q_i = 0.
    double remaining = 0;
    int last = -1;
    for (int i = 0; i < len; i++) {
      remaining += q[i];
      if (q[i] > 0) {
        last = i;
      }
    }
    if (last < 0) {
      throw new IllegalArgumentException("q[0..len) has no positive entry");
    }
    int left = k;
    int i = 0;
    for (; i < last && left > 0; i++) {
      double qi = q[i];
      // qi = 0 is tested first: a running remainder rounded to 0 must not make p = 0/0 or 1.
      int x = qi == 0 ? 0 : BinomialSampler.draw(rng, left, qi >= remaining ? 1 : qi / remaining);
      out[i] = x;
      left -= x;
      remaining -= qi;
    }
    Arrays.fill(out, i, len, 0);
    out[last] += left;
  }

  private static void orderedUniforms(UniformRandomProvider rng, int k, double[] q, int len,
      int[] out) {
    double total = 0;
    int last = -1;
    for (int i = 0; i < len; i++) {
      total += q[i];
      if (q[i] > 0) {
        last = i;
      }
    }
    if (last < 0) {
      throw new IllegalArgumentException("q[0..len) has no positive entry");
    }
    Arrays.fill(out, 0, len, 0);
    // complement = 1 − u, u the current (ascending) uniform; cumulative = Σ_{j ≤ i} q_j.
    double complement = 1;
    int i = 0;
    double cumulative = q[0];
    for (int r = k; r > 0; r--) {
      complement *= maxOfUniforms(rng, r);
      double position = (1 - complement) * total;
      while (position >= cumulative && i < last) {
        i++;
        cumulative += q[i];
      }
      out[i]++;
    }
  }

  private static void countsConditionalBinomials(UniformRandomProvider rng, int k, int[] counts,
      long total, int len, int[] out) {
    long remaining = total;
    int left = k;
    int i = 0;
    for (; i < len && left > 0; i++) {
      int c = counts[i];
      if (c > 0 && c >= remaining) {
        if (c > remaining) {
          throw countsMismatch(total);
        }
        // The last positive entry: p = 1 exactly.
        out[i] = left;
        left = 0;
        i++;
        break;
      }
      int x = c == 0 ? 0 : BinomialSampler.drawRatio(rng, left, c, remaining);
      out[i] = x;
      left -= x;
      remaining -= c;
    }
    if (left > 0) {
      throw countsMismatch(total);
    }
    Arrays.fill(out, i, len, 0);
  }

  /**
   * Mult(n, counts/n) where the counts sum to n = {@code table.trials()}: the multinomial of a fully
   * synthetic generation (MATH.md §2). The chain rule may take the categories in any order; the
   * largest count goes first, so that its draw — Binomial(n, c_max/n), the one with the largest mean,
   * which would cost BTRS's rejection loop — is a single {@link BinomialTable} lookup, and with two
   * positive counts that lookup is the whole draw. The second largest goes last and takes the
   * remainder without a draw; the others follow by conditional binomials in position order, so the
   * draws left are those of the smaller means (BINV's cost grows with the mean, BTRS costs more).
   *
   * @param rng the source of uniforms
   * @param table the tables for n trials
   * @param counts non-negative counts summing to n, at least {@code len} entries
   * @param len number of categories used, ≥ 1
   * @param out receives the counts, at least {@code len} entries
   * @throws IllegalArgumentException if the shape is wrong or the counts do not sum to n (checked
   *     before drawing)
   */
  public static void sampleFromCounts(UniformRandomProvider rng, BinomialTable table, int[] counts,
      int len, int[] out) {
    int n = table.trials();
    checkCountsShape(n, counts, n, len, out);
    // One pass: the sum, the largest count and the second largest (−1: no other positive count).
    int largest = 0;
    int max = counts[0];
    int second = -1;
    int secondMax = 0;
    long sum = max;
    for (int i = 1; i < len; i++) {
      int c = counts[i];
      sum += c;
      if (c > max) {
        second = largest;
        secondMax = max;
        max = c;
        largest = i;
      } else if (c > secondMax) {
        second = i;
        secondMax = c;
      }
    }
    if (sum != n) {
      throw countsMismatch(n);
    }
    int x = table.draw(rng, max);
    out[largest] = x;
    int left = n - x;
    // Σ counts not yet drawn, the second largest included: it takes the remainder, so every p below
    // is < 1 and the draws made are those of the smaller means.
    long remaining = n - max;
    for (int i = 0; i < len; i++) {
      if (i == largest || i == second) {
        continue;
      }
      int c = counts[i];
      int xi = c == 0 || left == 0 ? 0 : BinomialSampler.drawRatio(rng, left, c, remaining);
      out[i] = xi;
      left -= xi;
      remaining -= c;
    }
    if (second >= 0) {
      out[second] = left;
    }
  }

  private static void countsOrderedUniforms(UniformRandomProvider rng, int k, int[] counts,
      long total, int len, int[] out) {
    Arrays.fill(out, 0, len, 0);
    double scale = total;
    double complement = 1;
    int i = 0;
    long cumulative = counts[0];
    for (int r = k; r > 0; r--) {
      complement *= maxOfUniforms(rng, r);
      // floor((1 − complement)·total), kept below total against rounding up at the top end.
      long position = Math.min((long) ((1 - complement) * scale), total - 1);
      while (position >= cumulative) {
        if (++i == len) {
          throw countsMismatch(total);
        }
        cumulative += counts[i];
      }
      out[i]++;
    }
  }

  /** The maximum of r iid uniforms on (0, 1], i.e. V^{1/r} with V uniform on (0, 1]. */
  private static double maxOfUniforms(UniformRandomProvider rng, int r) {
    double v = 1 - rng.nextDouble();
    return r == 1 ? v : Math.exp(Math.log(v) / r);
  }

  private static IllegalArgumentException countsMismatch(long total) {
    return new IllegalArgumentException("counts[0..len) do not sum to total = " + total);
  }
}
