package org.collapsefarm.sampling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.random.CellSeeds;

/**
 * The cost of the generic conditional-binomial draws that the fully synthetic kernel really makes
 * (issue 2's workload: power-law(600, 52, S_0 = 0.1), n = 400, to collapse). It runs the chain of
 * {@link MultinomialSampler#sampleFromCounts(UniformRandomProvider, BinomialTable, int[], int,
 * int[])} — largest count by {@link BinomialTable}, second largest by remainder, the others by
 * {@link BinomialSampler#drawRatio} — and reads back from each generation's counts and draw the
 * (trials, count, total) of every generic draw it made, then
 * replays them, timed by thread CPU time: all in run order, then the inversion (mean &lt; 10) and BTRS
 * subsets apart. Unlike {@code DrawCost}'s synthetic parameters, these are the kernel's own, so the
 * figure is the one a floor of the per-live-token cost must use (BENCHMARKS.md, "Kernel").
 *
 * <p>In package {@code org.collapsefarm.sampling} for {@code drawRatio} (package-private). Usage:
 * {@code java -cp bench/target/benchmarks.jar org.collapsefarm.sampling.DrawReplay [--runs 1000]}.
 */
public final class DrawReplay {
  private static final int N = 400;
  private static final int REPETITIONS = 4;

  private DrawReplay() {}

  public static void main(String[] args) {
    int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 1000;
    Context context = Contexts.powerLaw(600, 52, 0.1, 0);
    Recorded draws = record(context, runs, CellSeeds.stream(7L));
    int inversions = 0;
    double inversionMeans = 0;
    for (int i = 0; i < draws.size; i++) {
      double mean = draws.mean(i);
      if (mean < BinomialSampler.INVERSION_MAX_MEAN) {
        inversions++;
        inversionMeans += mean;
      }
    }
    System.out.printf(Locale.ROOT,
        "%d runs, %d generations, %d generic draws (%.3f per generation): %d by inversion (mean of"
            + " their means %.2f), %d by BTRS%n",
        runs, draws.generations, draws.size, (double) draws.size / draws.generations, inversions,
        inversionMeans / inversions, draws.size - inversions);
    int[] inversion = new int[inversions];
    int[] btrs = new int[draws.size - inversions];
    for (int i = 0, a = 0, b = 0; i < draws.size; i++) {
      if (draws.mean(i) < BinomialSampler.INVERSION_MAX_MEAN) {
        inversion[a++] = i;
      } else {
        btrs[b++] = i;
      }
    }
    int[] all = new int[draws.size];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    UniformRandomProvider rng = CellSeeds.stream(8L);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long checksum = 0;
    for (int rep = 0; rep <= REPETITIONS; rep++) {
      long t0 = threads.getCurrentThreadCpuTime();
      double uniforms = 0;
      for (int i = 0; i < draws.size; i++) {
        uniforms += rng.nextDouble();
      }
      long t1 = threads.getCurrentThreadCpuTime();
      checksum += replay(rng, draws, all) + (long) uniforms;
      long t2 = threads.getCurrentThreadCpuTime();
      checksum += replay(rng, draws, inversion);
      long t3 = threads.getCurrentThreadCpuTime();
      checksum += replay(rng, draws, btrs);
      long t4 = threads.getCurrentThreadCpuTime();
      if (rep > 0) { // the first repetition warms the JIT up
        System.out.printf(Locale.ROOT,
            "CPU ns per draw: uniform %.2f; generic draws in run order %.2f; inversion alone %.2f;"
                + " BTRS alone %.2f%n",
            (t1 - t0) / (double) draws.size, (t2 - t1) / (double) draws.size,
            (t3 - t2) / (double) inversion.length, (t4 - t3) / (double) btrs.length);
      }
    }
    System.err.println("checksum " + checksum);
  }

  private static long replay(UniformRandomProvider rng, Recorded d, int[] order) {
    long sum = 0;
    for (int i : order) {
      sum += BinomialSampler.drawRatio(rng, d.trials[i], d.count[i], d.total[i]);
    }
    return sum;
  }

  /** Fully synthetic runs to collapse through the kernel's sampler, recording each generic draw's parameters. */
  private static Recorded record(Context context, int runs, UniformRandomProvider rng) {
    int s = context.support();
    double[] p0 = new double[s];
    for (int i = 0; i < s; i++) {
      p0[i] = context.prob(i);
    }
    BinomialTable table = BinomialTable.of(N);
    Recorded d = new Recorded(runs * 2_500);
    int[] counts = new int[s];
    int[] out = new int[s];
    for (int r = 0; r < runs; r++) {
      MultinomialSampler.sample(rng, N, p0, s, counts);
      int live = s;
      while (true) {
        int j = 0;
        for (int i = 0; i < live; i++) {
          if (counts[i] > 0) {
            counts[j++] = counts[i];
          }
        }
        live = j;
        if (live <= 1) {
          break;
        }
        d.generations++;
        MultinomialSampler.sampleFromCounts(rng, table, counts, live, out);
        // The sampler's order (largest count first, second largest last, ties to the first position),
        // found again here: sharing this scan with the sampler cost its hot path 11 % (BENCHMARKS.md).
        int largest = 0;
        int second = -1;
        for (int i = 1; i < live; i++) {
          if (counts[i] > counts[largest]) {
            second = largest;
            largest = i;
          } else if (second < 0 || counts[i] > counts[second]) {
            second = i;
          }
        }
        int left = N - out[largest];
        int remaining = N - counts[largest];
        for (int i = 0; i < live; i++) {
          if (i == largest || i == second || left == 0) {
            continue;
          }
          d.add(left, counts[i], remaining);
          left -= out[i];
          remaining -= counts[i];
        }
        int[] t = counts;
        counts = out;
        out = t;
      }
    }
    return d;
  }

  private static final class Recorded {
    int[] trials;
    int[] count;
    int[] total;
    int size;
    long generations;

    Recorded(int capacity) {
      trials = new int[capacity];
      count = new int[capacity];
      total = new int[capacity];
    }

    void add(int n, int c, int t) {
      if (size == trials.length) {
        trials = java.util.Arrays.copyOf(trials, 2 * size);
        count = java.util.Arrays.copyOf(count, 2 * size);
        total = java.util.Arrays.copyOf(total, 2 * size);
      }
      trials[size] = n;
      count[size] = c;
      total[size] = t;
      size++;
    }

    /** The mean of draw i after the symmetry p ≤ 1/2, which decides inversion or BTRS. */
    double mean(int i) {
      int c = Math.min(count[i], total[i] - count[i]);
      return (double) trials[i] * c / total[i];
    }
  }
}
