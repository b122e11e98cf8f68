package org.collapsefarm.bench.family;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.collapsefarm.family.Estimator;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.family.ModelFamily;
import org.collapsefarm.family.MultivariateGaussian;
import org.collapsefarm.family.UnivariateGaussian;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.FamilyAccumulator;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;

/**
 * The Gaussian family on the Gaussian peer's benchmark workload ({@code peers/gaussian/peer.py
 * bench}), for {@code bench/family-vs-peer.sh}: N(0, I_d) re-fitted by maximum likelihood to n samples
 * of the previous fit (fully synthetic; d = 1 by {@link UnivariateGaussian}, d &gt; 1 by {@link
 * MultivariateGaussian}, the Bartlett decomposition), {@code runs} runs of {@code generations} generations, every
 * measurement fed to a {@link FamilyAccumulator} as the farm does. Like {@link
 * org.collapsefarm.bench.kernel.KernelVsPeer}, a batch is repeated with a new sweep seed until at least
 * {@code min-cpu} CPU seconds were spent, after an untimed warm-up of the same length. Single-threaded:
 * run-generations per CPU second is per core. Prints one JSON object per (n, d).
 *
 * <p>Usage: {@code FamilyVsPeer [--runs 1000] [--generations 100] [--n 10,1000] [--d 1] [--min-cpu 2]}
 */
public final class FamilyVsPeer {
  private FamilyVsPeer() {}

  public static void main(String[] args) {
    int runs = 1000;
    int generations = 100;
    String ns = "10,1000";
    String ds = "1";
    double minCpu = 2.0;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--generations" -> generations = Integer.parseInt(args[i + 1]);
        case "--n" -> ns = args[i + 1];
        case "--d" -> ds = args[i + 1];
        case "--min-cpu" -> minCpu = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    for (String dim : ds.split(",")) {
      int d = Integer.parseInt(dim.trim());
      for (String n : ns.split(",")) {
        int size = Integer.parseInt(n.trim());
        measure(d, size, runs, generations, minCpu, 777); // warm-up, discarded
        Measurement r = measure(d, size, runs, generations, minCpu, 12345);
        System.out.println(String.format(Locale.ROOT,
            "{\"n\": %d, \"d\": %d, \"runs\": %d, \"generations\": %d, \"repeats\": %d, \"cpu_s\": %.4f, \"wall_s\": %.4f,"
                + " \"gens_per_s_per_core\": %.1f, \"ns_per_generation\": %.2f, \"checksum\": \"%016x\"}",
            size, d, runs, generations, r.repeats(), r.cpuSeconds(), r.wallSeconds(), r.generations() / r.cpuSeconds(),
            r.cpuSeconds() * 1e9 / r.generations(), r.checksum()));
      }
    }
  }

  /**
   * One measurement: the checksum (a hash of the first batch's sums) is the same for two builds
   * exactly when their first batches gave the same bits, so an A/B of two builds also shows whether a
   * change kept the results.
   */
  private record Measurement(int repeats, double cpuSeconds, double wallSeconds, long generations, long checksum) {}

  private static Measurement measure(int d, int n, int runs, int generations, double minCpu, long seed) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] identity = new double[d * d];
    for (int i = 0; i < d; i++) {
      identity[i * d + i] = 1.0;
    }
    ModelFamily<?, ?> family = d == 1 ? new UnivariateGaussian(0.0, 1.0, Estimator.MLE)
        : new MultivariateGaussian(new double[d], identity, Estimator.MLE);
    // ε is required by the family; the peer has no collapse rule, so one that never fires here.
    ParadigmSpec spec = ParadigmSpec.fullySynthetic(n).withKnobs(1, 1, 0, Double.MIN_VALUE, 0);
    FamilyAccumulator acc = new FamilyAccumulator(generations, family.metrics());
    long total = 0;
    long cpu = 0;
    long wall = 0;
    int repeats = 0;
    long checksum = 0;
    while (cpu < minCpu * 1e9) {
      long c0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int r = 0; r < runs; r++) {
        RunResult res = FamilyRecursion.run(family, spec, generations, CellSeeds.cellSeed(seed + repeats, r), acc);
        total += res.generationsRun();
      }
      wall += System.nanoTime() - w0;
      cpu += threads.getCurrentThreadCpuTime() - c0;
      if (repeats == 0) {
        checksum = checksum(acc);
      }
      repeats++;
    }
    return new Measurement(repeats, cpu / 1e9, wall / 1e9, total, checksum);
  }

  /** A hash of every count and sum of the accumulator (the bits of each double, mixed in order). */
  private static long checksum(FamilyAccumulator acc) {
    long h = CellSeeds.FNV_OFFSET_BASIS;
    for (int m = 0; m <= acc.maxGenerations(); m++) {
      h = CellSeeds.mix64(h ^ acc.runs(m)) + acc.collapsed(m);
      for (int j = 0; j < acc.names().size(); j++) {
        h = CellSeeds.mix64(h ^ Double.doubleToLongBits(acc.sum(j, m)));
        h = CellSeeds.mix64(h ^ Double.doubleToLongBits(acc.sumOfSquares(j, m)));
        h = CellSeeds.mix64(h ^ Double.doubleToLongBits(acc.sumOfCubes(j, m)));
      }
    }
    return h;
  }
}
