package org.collapsefarm.jobs.simulate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.measure.GenerationAccumulator;

/**
 * The baseline of the end-to-end benchmark (bench/farm-e2e.sh, issue 3 item 9): the same cells of a
 * sweep through the same {@link CellRunner} (kernel, accumulators, runs rows) on a plain thread pool
 * in one JVM — no Spark, no Parquet. The farm's end-to-end wall time divided by this one is the
 * price of Spark, chunked commits and the tables.
 *
 * <p>Usage: {@code KernelOnly <conf> [threads] [--set key=value …]}; prints one line of figures.
 */
public final class KernelOnly {
  private KernelOnly() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path conf = Path.of(args[0]);
    int threads = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1])
        : Runtime.getRuntime().availableProcessors();
    List<String> overrides = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--set") && i + 1 < args.length) {
        overrides.add(args[++i]);
      }
    }
    Sweep sweep = SweepLoader.load(conf, overrides);
    CellPlan plan = CellPlan.of(sweep, 1);
    List<List<CellRange>> bins = CostBalancer.balance(plan.groupsWithoutText(), SimulateJob.PARTITIONS_PER_CORE * threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long rows = 0;
    Map<String, GenerationAccumulator> merged = new TreeMap<>();
    try {
      List<Future<BinResult>> futures = new ArrayList<>();
      for (List<CellRange> bin : bins) {
        futures.add(pool.submit(() -> CellRunner.run(plan.factory().cells(bin, CellFactory.ALL_CHUNKS), plan.contexts(), plan.models(),
            TextCells.NONE, sweep.maxGenerations(),
            GenerationGrid.of(sweep.maxGenerations()), () -> { })));
      }
      for (Future<BinResult> f : futures) {
        BinResult r = f.get();
        rows += r.runs().size();
        r.accumulators().forEach((g, acc) -> merged.merge(g, acc, GenerationAccumulator::merge));
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "kernel-only: %d cells, %d groups, %d threads, %.2f s wall (JVM start excluded)%n",
        rows, merged.size(), threads, seconds);
  }
}
