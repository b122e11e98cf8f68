package org.collapsefarm.bench.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.kernel.Recursion;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;

/**
 * The kernel on the numpy peer's benchmark workload ({@code peer.py bench}), for {@code
 * bench/kernel-vs-peer.sh}: fully synthetic to collapse, p^(0) = power-law(s = 600, s~ = 52, S_0 =
 * 0.1, seed 0), batches of {@code runs} runs with every measurement of MATH.md §3 fed to a {@link
 * GenerationAccumulator}, as the farm does. Like the peer, a batch is repeated with a new sweep seed
 * until at least {@code min-cpu} CPU seconds were spent, after an untimed warm-up of the same length
 * (JIT compilation). Single-threaded, so generations per CPU second is generations per second per
 * core. Prints one JSON object per n, with ns per live token-generation both as issue 2 defines it
 * (wall time ÷ Σ {@link RunResult#tokenGenerations()}) and by CPU time (robust on a shared machine).
 *
 * <p>Usage: {@code KernelVsPeer [--runs 1000] [--n 10,400] [--min-cpu 2] [--seed 12345]}
 */
public final class KernelVsPeer {
  /** The generation cap: far above any collapse time of this workload (runs hitting it are reported). */
  private static final int CAP = 50_000;

  private KernelVsPeer() {}

  public static void main(String[] args) {
    int runs = 1000;
    String ns = "10,400";
    double minCpu = 2.0;
    long seed = 12345;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--n" -> ns = args[i + 1];
        case "--min-cpu" -> minCpu = Double.parseDouble(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Context context = Contexts.powerLaw(600, 52, 0.1, 0);
    for (String n : ns.split(",")) {
      ParadigmSpec spec = ParadigmSpec.fullySynthetic(Integer.parseInt(n.trim()));
      measure(context, spec, runs, minCpu, seed ^ 0x5DEECE66DL); // warm-up, discarded
      System.out.println(measure(context, spec, runs, minCpu, seed).json(spec.n(), runs));
    }
  }

  private record Batch(int repeats, long generations, long tokenGenerations, long censored, double cpu, double wall) {
    String json(int n, int runs) {
      return String.format(
          Locale.ROOT,
          "{\"n\": %d, \"runs\": %d, \"repeats\": %d, \"total_generations\": %d, \"token_generations\": %d,"
              + " \"censored\": %d, \"mean_T\": %.4f, \"cpu_s\": %.4f, \"wall_s\": %.4f,"
              + " \"gens_per_s_per_core\": %.1f, \"ns_per_token_generation\": %.3f,"
              + " \"cpu_ns_per_token_generation\": %.3f}",
          n, runs, repeats, generations, tokenGenerations, censored, generations / (double) (runs * (long) repeats),
          cpu, wall, generations / cpu, wall * 1e9 / tokenGenerations, cpu * 1e9 / tokenGenerations);
    }
  }

  private static Batch measure(Context context, ParadigmSpec spec, int runs, double minCpu, long seed) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    GenerationAccumulator acc = new GenerationAccumulator(CAP);
    long generations = 0;
    long tokenGenerations = 0;
    long censored = 0;
    long cpu = 0;
    long wall = 0;
    int repeats = 0;
    while (cpu < minCpu * 1e9) {
      long c0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int r = 0; r < runs; r++) {
        RunResult res = Recursion.run(context, spec, CAP, CellSeeds.cellSeed(seed + repeats, r), acc);
        generations += res.generationsRun();
        tokenGenerations += res.tokenGenerations();
        censored += res.censored() ? 1 : 0;
      }
      wall += System.nanoTime() - w0;
      cpu += threads.getCurrentThreadCpuTime() - c0;
      repeats++;
    }
    return new Batch(repeats, generations, tokenGenerations, censored, cpu / 1e9, wall / 1e9);
  }
}
