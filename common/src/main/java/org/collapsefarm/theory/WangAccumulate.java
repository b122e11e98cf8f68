package org.collapsefarm.theory;

import org.collapsefarm.ParameterException;

/**
 * [W] Theorem 2.1 for accumulate-subsample at rate k (MATH.md §4): generation m (>= 1) trains on
 * the pool {@code D_0 ∪ S_1 ∪ … ∪ S_{m−1}} of n real tokens and (m−1) corpora of k·n synthetic ones,
 * so the expected share of real data in its training sample is {@code 1/(1 + (m−1)k)}, which goes
 * to 0 for every k > 0. It is also the weight of p^(0) in the pool = fresh mixture.
 *
 * <p>With pool = corpora each S_t holds {@code round(k·n)} tokens, so when k·n is not an integer the
 * pool's real share is {@code n/(n + (m−1)·round(k·n))} ({@link #poolShare}), which differs from
 * [W]'s {@code 1/(1 + (m−1)k)}; both are offered, the latter under [W]'s name.
 */
public final class WangAccumulate {
  public static final String SOURCE = "Wang Thm 2.1";

  private WangAccumulate() {}

  /** {@code 1/(1 + (m−1)k)} for generation m >= 1 and rate k > 0. */
  public static double realShare(int generation, double rate) {
    ParameterException.requireAtLeast("generation", generation, 1);
    ParameterException.requireAbove("rate", rate, 0.0);
    return 1.0 / (1.0 + (generation - 1) * rate);
  }

  /**
   * The real share of the pool = corpora pool at generation m: {@code n/(n + (m−1)·round(k·n))},
   * which is also the expected real share of the n tokens drawn from it without replacement.
   */
  public static double poolShare(int generation, int n, double rate) {
    ParameterException.requireAtLeast("generation", generation, 1);
    ParameterException.requireAtLeast("n", n, 1);
    ParameterException.requireAbove("rate", rate, 0.0);
    return n / (n + (generation - 1) * (double) Math.round(rate * n));
  }
}
