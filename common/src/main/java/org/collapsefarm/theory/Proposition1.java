package org.collapsefarm.theory;

import org.collapsefarm.context.Context;

/**
 * [S] Proposition 1 (MATH.md §4): under the fully synthetic recursion the absorbing token is token i
 * with probability {@code p_i} (the frequencies are a martingale that ends at a Dirac mass).
 */
public final class Proposition1 {
  public static final String SOURCE = "Seddik Prop 1";

  private Proposition1() {}

  /** {@code P(absorbing token = context.token(i)) = p_i}, in support order. */
  public static double[] absorptionProbabilities(Context context) {
    return context.probs();
  }
}
