package org.collapsefarm.bench.sampling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.sampling.BinomialSampler;
import org.collapsefarm.sampling.BinomialTable;

/**
 * CPU nanoseconds per draw, timed by thread CPU time (unlike JMH's wall time, robust on a shared
 * machine): one {@code nextDouble()} of the kernel's generator, one {@link BinomialTable} draw of
 * Binomial(n, c/n) and one generic {@link BinomialSampler} draw of the same, with c cycling through
 * 1024 values within ±50% of each mean (BINV below mean 10, BTRS above). The floor of a live
 * token-generation in BENCHMARKS.md ("Kernel") is built from these.
 *
 * <p>Usage: {@code DrawCost [--n 400] [--means 4,37] [--draws 20000000]}; prints one line per mean
 * and repetition (the first repetition, JIT warm-up, is not printed).
 */
public final class DrawCost {
  private static final int COUNT_VALUES = 1024;
  private static final int REPETITIONS = 3;

  private DrawCost() {}

  public static void main(String[] args) {
    int n = 400;
    String means = "4,37";
    int draws = 20_000_000;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--n" -> n = Integer.parseInt(args[i + 1]);
        case "--means" -> means = args[i + 1];
        case "--draws" -> draws = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; allowed: --n, --means, --draws");
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    UniformRandomProvider rng = CellSeeds.stream(42L);
    BinomialTable table = BinomialTable.of(n);
    long checksum = 0;
    for (int rep = 0; rep < REPETITIONS; rep++) {
      for (String m : means.split(",")) {
        double mean = Double.parseDouble(m);
        int[] counts = new int[COUNT_VALUES];
        for (int i = 0; i < COUNT_VALUES; i++) {
          counts[i] = Math.max(1, Math.min(n, (int) Math.round(mean * (0.5 + rng.nextDouble()))));
          table.draw(rng, counts[i]);
        }
        long t0 = threads.getCurrentThreadCpuTime();
        double uniforms = 0;
        for (int i = 0; i < draws; i++) {
          uniforms += rng.nextDouble() + counts[i & (COUNT_VALUES - 1)];
        }
        long t1 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < draws; i++) {
          checksum += table.draw(rng, counts[i & (COUNT_VALUES - 1)]);
        }
        long t2 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < draws; i++) {
          checksum += BinomialSampler.sample(rng, n, (double) counts[i & (COUNT_VALUES - 1)] / n);
        }
        long t3 = threads.getCurrentThreadCpuTime();
        checksum += (long) uniforms;
        if (rep > 0) {
          System.out.printf(Locale.ROOT,
              "n %d, mean %s: uniform %.2f ns, table %.2f ns, generic %.2f ns (CPU per draw)%n",
              n, m, (t1 - t0) / (double) draws, (t2 - t1) / (double) draws, (t3 - t2) / (double) draws);
        }
      }
    }
    System.err.println("checksum " + checksum);
  }
}
