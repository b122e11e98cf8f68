package org.collapsefarm.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.collapsefarm.ParameterException;
import org.collapsefarm.context.Context;

/**
 * The exact law of the fully synthetic recursion (MATH.md §4, "Exact chain"): the token counts
 * {@code c^(m) = n p^(m)} form a Markov chain on the compositions of n into s~ parts with transitions
 * {@code c' ~ Mult(n, c/n)} — the neutral Wright–Fisher model. Generation 1 is drawn from
 * {@code Mult(n, p^(0))} with the true p (which need not lie on the 1/n lattice), and
 * {@code T = min{m >= 1 : ‖p^(m)‖_∞ = 1}} ([S] Definition 1).
 *
 * <p>How it stays small: the transition law commutes with permutations of the tokens, so the chain
 * lumps exactly onto the <em>partitions</em> of n (the sorted count vectors) — a few hundred states
 * where there are thousands of compositions (n = 30, s~ = 4: 5456 compositions, 297 partitions).
 * E[T], P(T > k) and E σ_m are symmetric functions of the counts, so they are computed on the lumped
 * chain. The absorbing token is not symmetric; it is computed on a second exact lumping, the count
 * of one token, which is by itself the two-type chain {@code j -> Bin(n, j/n)}.
 *
 * <p>The guard counts the compositions {@code C(n+s~−1, s~−1)}, as the chain is defined on them
 * (limit {@link #MAX_STATES}), and bounds n by {@link #MAX_N} because the two-type chain and the
 * two-token lumped chain have about n unknowns each and are solved densely.
 */
public final class ExactChain {
  /** The largest number of compositions C(n+s~−1, s~−1) accepted (n = 30, s~ = 4 has 5456). */
  public static final long MAX_STATES = 6000;
  /** The largest n accepted (dense solves of order n). */
  public static final int MAX_N = 1000;

  private final int n;
  private final double[] p;
  /** Transient partitions (at least two positive parts), each sorted descending, length s~. */
  private final int[][] liveStates;
  /** Lumped transition probabilities among transient partitions. */
  private final double[][] q;
  /** σ = Σ (c_i/n)² of each transient partition. */
  private final double[] sigma;
  /** Law of generation 1 over the transient partitions (the rest is absorbed at m = 1). */
  private final double[] first;
  private final double[] logFactorial;

  /**
   * @param p the true next-token probabilities on the support (each > 0, summing to 1)
   * @param n the synthetic sample size per generation
   * @throws ParameterException if the chain has more than {@link #MAX_STATES} states or n > {@link #MAX_N}
   */
  public ExactChain(double[] p, int n) {
    ParameterException.requireAtLeast("n", n, 1);
    if (p.length == 0) {
      throw new ParameterException("probs", "support must be non-empty");
    }
    double total = 0;
    for (double pi : p) {
      if (!(pi > 0) || Double.isInfinite(pi)) {
        throw new ParameterException("probs", "support probabilities must be finite and > 0, got " + pi);
      }
      total += pi;
    }
    if (Math.abs(total - 1.0) > Context.SUM_TOLERANCE) {
      throw new ParameterException("probs", "must sum to 1 within " + Context.SUM_TOLERANCE + ", got " + total);
    }
    long states = stateCount(n, p.length);
    if (states > MAX_STATES) {
      throw new ParameterException(
          "n",
          "the exact chain has C(n+s~-1, s~-1) = " + (states == Long.MAX_VALUE ? "more than 2^63" : states)
              + " states for n = " + n + ", s~ = " + p.length + "; the limit is " + MAX_STATES);
    }
    if (n > MAX_N) {
      throw new ParameterException("n", "the exact chain accepts n <= " + MAX_N + ", got " + n);
    }
    this.n = n;
    this.p = p.clone();
    this.logFactorial = logFactorials(n);

    int parts = p.length;
    List<int[]> compositions = new ArrayList<>();
    enumerate(new int[parts], 0, n, compositions);
    Map<List<Integer>, Integer> index = new HashMap<>();
    List<int[]> transientList = new ArrayList<>();
    int[] compositionClass = new int[compositions.size()];
    double[] logCoefficient = new double[compositions.size()];
    for (int c = 0; c < compositions.size(); c++) {
      int[] comp = compositions.get(c);
      int[] sorted = sortedDescending(comp);
      logCoefficient[c] = logMultinomialCoefficient(comp);
      if (sorted[0] == n) {
        compositionClass[c] = -1; // absorbed: a Dirac mass
        continue;
      }
      List<Integer> key = boxed(sorted);
      Integer k = index.get(key);
      if (k == null) {
        k = transientList.size();
        index.put(key, k);
        transientList.add(sorted);
      }
      compositionClass[c] = k;
    }
    this.liveStates = transientList.toArray(new int[0][]);
    int size = liveStates.length;
    this.q = new double[size][size];
    this.sigma = new double[size];
    for (int a = 0; a < size; a++) {
      sigma[a] = sigma(liveStates[a]);
      double[] logX = new double[parts];
      for (int i = 0; i < parts; i++) {
        logX[i] = Math.log(liveStates[a][i] / (double) n);
      }
      addLaw(logX, compositions, compositionClass, logCoefficient, q[a]);
    }
    this.first = new double[size];
    double[] logP = new double[parts];
    for (int i = 0; i < parts; i++) {
      logP[i] = Math.log(p[i]);
    }
    addLaw(logP, compositions, compositionClass, logCoefficient, first);
  }

  /** The chain of a context's support probabilities with sample size n. */
  public static ExactChain of(Context context, int n) {
    return new ExactChain(context.probs(), n);
  }

  /** Whether {@code new ExactChain(p, n)} with s~ = support is within the guards. */
  public static boolean fits(int n, int support) {
    return n <= MAX_N && stateCount(n, support) <= MAX_STATES;
  }

  /** The number of compositions of n into s parts, C(n+s−1, s−1), saturating at Long.MAX_VALUE. */
  public static long stateCount(int n, int s) {
    long c = 1;
    for (int i = 1; i < s; i++) {
      // C(n+i, i) = C(n+i−1, i−1)·(n+i)/i, an integer at every step.
      if (c > Long.MAX_VALUE / (n + i)) {
        return Long.MAX_VALUE;
      }
      c = c * (n + i) / i;
    }
    return c;
  }

  /** The number of transient states of the lumped chain (partitions of n with >= 2 parts <= s~). */
  public int lumpedTransientStates() {
    return liveStates.length;
  }

  /**
   * E[T], counted from generation 1: {@code E[T] = 1 + Σ_c P(c^(1) = c) h(c)} where h, the expected
   * number of further generations to absorption, solves {@code (I − Q) h = 1} on the transient states.
   */
  public double expectedCollapseTime() {
    int size = liveStates.length;
    if (size == 0) {
      return 1.0;
    }
    double[][] a = new double[size][size];
    double[] ones = new double[size];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        a[r][c] = (r == c ? 1.0 : 0.0) - q[r][c];
      }
      ones[r] = 1.0;
    }
    double[] h = DenseSolver.solve(a, ones);
    double e = 1.0;
    for (int r = 0; r < size; r++) {
      e += first[r] * h[r];
    }
    return e;
  }

  /** {@code P(T > k)} for k = 0..maxK; {@code P(T > 0) = 1}. */
  public double[] survival(int maxK) {
    return iterate(maxK).survival();
  }

  /** Exact {@code S_m = E σ_m} for m = 0..maxM, with {@code S_0 = Σ p_i²}. */
  public double[] expectedSigma(int maxM) {
    return iterate(maxM).sigma();
  }

  /** {@code P(T > k)} and {@code S_k = E σ_k} for k = 0..K, from one pass over the generations. */
  public record Trajectory(double[] survival, double[] sigma) {}

  /** Both laws per generation 0..maxK; see {@link #survival} and {@link #expectedSigma}. */
  public Trajectory iterate(int maxK) {
    ParameterException.requireAtLeast("max-generations", maxK, 0);
    double[] surv = new double[maxK + 1];
    double[] s = new double[maxK + 1];
    surv[0] = 1.0;
    double s0 = 0;
    for (double pi : p) {
      s0 += pi * pi;
    }
    s[0] = s0;
    double[] law = first.clone();
    int size = liveStates.length;
    double[] next = new double[size];
    boolean vanished = false;
    for (int k = 1; k <= maxK; k++) {
      if (vanished) {
        // Every transient probability underflowed to 0: the chain is absorbed in double precision.
        s[k] = 1.0;
        continue;
      }
      if (k > 1) {
        Arrays.fill(next, 0.0);
        for (int a = 0; a < size; a++) {
          double w = law[a];
          if (w != 0.0) {
            double[] row = q[a];
            for (int b = 0; b < size; b++) {
              next[b] += w * row[b];
            }
          }
        }
        double[] t = law;
        law = next;
        next = t;
      }
      double mass = 0;
      double deficit = 0; // Σ π(c)(1 − σ(c)): S_k = 1 − deficit, exact, no cancellation near 1
      for (int a = 0; a < size; a++) {
        mass += law[a];
        deficit += law[a] * (1.0 - sigma[a]);
      }
      surv[k] = mass;
      s[k] = 1.0 - deficit;
      vanished = mass == 0.0;
    }
    return new Trajectory(surv, s);
  }

  /**
   * {@code P(absorbing token = i)} for each support index i, from the exact two-type chain of token
   * i's count, {@code j -> Bin(n, j/n)}: with {@code u(j) = P(count reaches n | count j)} solving
   * {@code u(j) = Σ_k Bin(k; n, j/n) u(k)}, {@code u(0) = 0}, {@code u(n) = 1}, the answer is
   * {@code Σ_j Bin(j; n, p_i) u(j)}. (No martingale argument is used, so comparing with
   * [S] Proposition 1 is a real check.)
   */
  public double[] absorptionProbabilities() {
    int inner = n - 1; // unknowns u(1..n−1)
    double[] u = new double[n + 1];
    u[n] = 1.0;
    if (inner > 0) {
      double[][] a = new double[inner][inner];
      double[] b = new double[inner];
      for (int j = 1; j <= inner; j++) {
        BinomialDistribution step = BinomialDistribution.of(n, j / (double) n);
        for (int k = 1; k <= inner; k++) {
          a[j - 1][k - 1] = (j == k ? 1.0 : 0.0) - step.probability(k);
        }
        b[j - 1] = step.probability(n);
      }
      double[] solved = DenseSolver.solve(a, b);
      System.arraycopy(solved, 0, u, 1, inner);
    }
    double[] result = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      if (p[i] >= 1.0) {
        result[i] = 1.0;
        continue;
      }
      BinomialDistribution start = BinomialDistribution.of(n, p[i]);
      double sum = 0;
      for (int j = 1; j <= n; j++) {
        sum += start.probability(j) * u[j];
      }
      result[i] = sum;
    }
    return result;
  }

  /** Adds the law of Mult(n, x) (given log x) over compositions into its transient classes. */
  private void addLaw(
      double[] logX, List<int[]> compositions, int[] compositionClass, double[] logCoefficient, double[] out) {
    for (int c = 0; c < compositions.size(); c++) {
      int cls = compositionClass[c];
      if (cls < 0) {
        continue;
      }
      int[] comp = compositions.get(c);
      double log = logCoefficient[c];
      for (int i = 0; i < comp.length && log != Double.NEGATIVE_INFINITY; i++) {
        if (comp[i] > 0) {
          log += comp[i] * logX[i]; // −∞ when x_i = 0: that composition is unreachable
        }
      }
      if (log != Double.NEGATIVE_INFINITY) {
        out[cls] += Math.exp(log);
      }
    }
  }

  private double logMultinomialCoefficient(int[] comp) {
    double log = logFactorial[n];
    for (int c : comp) {
      log -= logFactorial[c];
    }
    return log;
  }

  private double sigma(int[] counts) {
    double s = 0;
    for (int c : counts) {
      double x = c / (double) n;
      s += x * x;
    }
    return s;
  }

  private static void enumerate(int[] current, int position, int remaining, List<int[]> out) {
    if (position == current.length - 1) {
      current[position] = remaining;
      out.add(current.clone());
      return;
    }
    for (int v = 0; v <= remaining; v++) {
      current[position] = v;
      enumerate(current, position + 1, remaining - v, out);
    }
  }

  private static int[] sortedDescending(int[] comp) {
    int[] s = comp.clone();
    Arrays.sort(s);
    for (int i = 0, j = s.length - 1; i < j; i++, j--) {
      int t = s[i];
      s[i] = s[j];
      s[j] = t;
    }
    return s;
  }

  private static List<Integer> boxed(int[] a) {
    return Arrays.stream(a).boxed().toList();
  }

  private static double[] logFactorials(int n) {
    double[] f = new double[n + 1];
    for (int k = 2; k <= n; k++) {
      f[k] = f[k - 1] + Math.log(k);
    }
    return f;
  }
}
