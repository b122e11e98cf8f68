package org.collapsefarm.sampling;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact Binomial(n, c/n) variates for a fixed number of trials n and integer counts c = 0..n, by
 * table inversion: the first conditional binomial of a fully synthetic generation (MATH.md §2,
 * {@code c^(m) ~ Mult(n, c^(m-1)/n)}) is always of this form, and with two live tokens it is the
 * whole generation.
 *
 * <p>For each c the table holds the cdf F(x) = P(X ≤ x), x = 0..n, and a guide table (C. Chen and
 * Y. Asau, "On generating random variates from an empirical distribution", AIIE Trans. 6, 1974) of
 * G cells: {@code x_j = min{x : F(x) > j/G}}. A draw is one uniform u and X = min{x : u &lt; F(x)},
 * searched upwards from x_j, j = ⌊uG⌋; G ≥ 16 standard deviations (a power of two), so the first
 * comparison, stored next to x_j, ends the search about 5 times in 6. No logarithm, exponential or
 * rejection per draw.
 *
 * <p>Exactness: the pmf is {@code exp(log n! − log x! − log (n−x)! + x log p + (n−x) log q)} from the
 * log-factorial table of {@link BinomialSampler} (relative error a few 1e-13 at n ≤ {@value
 * #MAX_TRIALS}), normalised by its sum; inversion then reproduces it to the 2^-53 resolution of
 * {@link UniformRandomProvider#nextDouble()}, like BINV's inversion. Tested against the exact pmf.
 *
 * <p>Tables are built lazily, one c at a time, and shared by every run and thread with the same n
 * (they are immutable once published; a race builds the same table twice). Memory: at most n − 1
 * tables of n + 1 doubles plus 2G ≤ 64(σ + 1) doubles, 2.8 MiB at n = 400, 11 MiB at n = {@value
 * #MAX_TRIALS}; a draw touches one or two cache lines.
 */
public final class BinomialTable {
  /**
   * The largest n with tables: (n + 1)² entries of 12 bytes must stay a cache-friendly size, and
   * beyond a few thousand trials a Binomial(n, c/n) draw is a small part of a generation's cost.
   */
  public static final int MAX_TRIALS = 1024;

  private static final ConcurrentHashMap<Integer, BinomialTable> BY_TRIALS = new ConcurrentHashMap<>();

  private final int trials;
  /** One entry per count c, built on first use. */
  private final Distribution[] byCount;

  private BinomialTable(int trials) {
    this.trials = trials;
    this.byCount = new Distribution[trials + 1];
  }

  /**
   * The shared tables for n trials.
   *
   * @throws IllegalArgumentException unless 1 ≤ trials ≤ {@link #MAX_TRIALS}
   */
  public static BinomialTable of(int trials) {
    if (trials < 1 || trials > MAX_TRIALS) {
      throw new IllegalArgumentException("trials must be in [1, " + MAX_TRIALS + "], got " + trials);
    }
    return BY_TRIALS.computeIfAbsent(trials, BinomialTable::new);
  }

  /** The number of trials n. */
  public int trials() {
    return trials;
  }

  /**
   * One Binomial(n, count/n) draw.
   *
   * @param count the success count c, 0 ≤ c ≤ n (not checked)
   */
  public int draw(UniformRandomProvider rng, int count) {
    Distribution d = byCount[count];
    if (d == null) {
      d = new Distribution(trials, count);
      byCount[count] = d;
    }
    return d.draw(rng);
  }

  /** The cdf and guide table of one Binomial(n, c/n); immutable. */
  private static final class Distribution {
    /** cdf[x] = P(X ≤ x); cdf[n] = 1. */
    private final double[] cdf;
    /**
     * Cell j of the guide, G = 2^k cells: {@code guide[2j] = x_j = min{x : F(x) > j/G}} (as a double)
     * and {@code guide[2j+1] = F(x_j)}, side by side so that the usual draw — u in cell j and below
     * F(x_j), answer x_j — reads one cache line.
     */
    private final double[] guide;
    /** G, a power of two, so that ⌊u·G⌋ is exact. */
    private final double cells;
    /** The outcome of a degenerate distribution (c = 0 or n), or −1. */
    private final int constant;

    Distribution(int n, int c) {
      cdf = new double[n + 1];
      if (c == 0 || c == n) {
        constant = c == 0 ? 0 : n;
        guide = null;
        cells = 0;
        return;
      }
      constant = -1;
      double p = (double) c / n;
      double logP = Math.log(p);
      double logQ = Math.log1p(-p);
      double logNFactorial = BinomialSampler.logFactorial(n);
      double sum = 0;
      for (int x = 0; x <= n; x++) {
        double logPmf = logNFactorial - BinomialSampler.logFactorial(x) - BinomialSampler.logFactorial(n - x)
            + x * logP + (n - x) * logQ;
        sum += Math.exp(logPmf);
        cdf[x] = sum;
      }
      double inv = 1.0 / sum;
      for (int x = 0; x < n; x++) {
        cdf[x] *= inv;
      }
      cdf[n] = 1.0;
      int g = cellCount(n * p * (1 - p));
      cells = g;
      guide = new double[2 * g];
      int x = 0;
      for (int j = 0; j < g; j++) {
        double level = (double) j / g; // exact: g is a power of two
        while (cdf[x] <= level) {
          x++;
        }
        guide[2 * j] = x;
        guide[2 * j + 1] = cdf[x];
      }
    }

    int draw(UniformRandomProvider rng) {
      if (constant >= 0) {
        return constant;
      }
      double u = rng.nextDouble();
      int j = 2 * (int) (u * cells);
      int x = (int) guide[j];
      if (u < guide[j + 1]) {
        return x;
      }
      do {
        x++;
      } while (u >= cdf[x]);
      return x;
    }
  }

  /**
   * G = the power of two at or above {@value #CELLS_PER_SD}·(σ + 1), σ² = np(1 − p): the pmf near
   * the mode is about 1/(2.5σ) per outcome, so a cell of mass 1/G straddles an outcome boundary
   * (the draw then reads the cdf too) with probability about 2.5σ/G ≤ 1/6.
   */
  static int cellCount(double variance) {
    return Integer.highestOneBit((int) Math.ceil(CELLS_PER_SD * (Math.sqrt(variance) + 1)) - 1) << 1;
  }

  /** Guide cells per standard deviation of the binomial (see {@link #cellCount}). */
  private static final int CELLS_PER_SD = 16;
}
