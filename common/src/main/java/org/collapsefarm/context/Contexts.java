package org.collapsefarm.context;

/**
 * Factories of initial distributions p^(0) (issue 2, item 2). Each validates its arguments with a
 * {@link org.collapsefarm.ParameterException} naming the key, and is deterministic given its seed.
 *
 * <p>API fixed for the farm; the implementation belongs to the kernel (issue 2).
 */
public final class Contexts {
  private Contexts() {}

  /** An explicit probability vector on a vocabulary of probs.length tokens (zeros allowed). */
  public static Context explicit(double[] probs) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** Uniform on the first {@code support} tokens... or on seed-chosen ones; see implementation. */
  public static Context uniform(int vocabulary, int support, long seed) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** Power-law weights on {@code support} seed-chosen tokens, exponent bisected to reach S_0 = s0. */
  public static Context powerLaw(int vocabulary, int support, double s0, long seed) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** A draw from the symmetric Dirichlet(concentration) on the vocabulary. */
  public static Context dirichlet(int vocabulary, double concentration, long seed) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }

  /** Zipf: p_r ∝ r^{-exponent} for ranks r = 1..vocabulary. */
  public static Context zipf(int vocabulary, double exponent) {
    throw new UnsupportedOperationException("kernel not yet implemented");
  }
}
