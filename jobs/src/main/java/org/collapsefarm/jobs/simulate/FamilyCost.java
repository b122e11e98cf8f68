package org.collapsefarm.jobs.simulate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.config.Plan;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;

/**
 * The measurement behind {@link TimeEstimate}'s rates (BENCHMARKS.md, "Plan's time estimate"): every
 * cell of a sweep through the same {@link CellRunner} as the farm, one group at a time on this thread,
 * after one untimed pass over the first group (JIT warm-up), and per paradigm family the thread's CPU
 * time per unit of {@link CellPlan#estimatedCost}. CPU time, not wall time, so that other load on the
 * machine changes the figure little.
 *
 * <p>Usage: {@code FamilyCost <conf> [--set key=value …]}; prints one line per family.
 */
public final class FamilyCost {
  private FamilyCost() {}

  public static void main(String[] args) throws Exception {
    List<String> overrides = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--set") && i + 1 < args.length) {
        overrides.add(args[++i]);
      }
    }
    Sweep sweep = SweepLoader.load(Path.of(args[0]), overrides);
    CellPlan plan = CellPlan.of(sweep, 1);
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    run(plan, sweep, List.of(plan.groupsWithoutText().get(0)));
    Map<TimeEstimate.Family, double[]> perFamily = new TreeMap<>();
    Map<String, double[]> perModel = new TreeMap<>();
    for (CellRange range : plan.groupsWithoutText()) {
      long cpu = bean.getCurrentThreadCpuTime();
      run(plan, sweep, List.of(range));
      long nanos = bean.getCurrentThreadCpuTime() - cpu;
      FamilySpec model = plan.models().get(range.group().contextId());
      if (model != null) {
        // a model family's cost is per generation, by family, dimension and paradigm (ModelCost)
        String key = String.format(Locale.ROOT, "%s d=%d %s", model.family(), model.dimension(),
            Plan.label(range.group().spec()));
        double[] sums = perModel.computeIfAbsent(key, k -> new double[2]);
        sums[0] += nanos;
        sums[1] += range.size() * (double) sweep.maxGenerations();
        continue;
      }
      double[] sums = perFamily.computeIfAbsent(TimeEstimate.Family.of(range.group().spec()), f -> new double[2]);
      sums[0] += nanos;
      sums[1] += range.cost();
    }
    perFamily.forEach((family, s) -> System.out.printf(Locale.ROOT,
        "%s: %.1f CPU ns per cost unit (%.3g units, %.2f CPU s)%n", family, s[0] / s[1], s[1], s[0] / 1e9));
    perModel.forEach((model, s) -> System.out.printf(Locale.ROOT,
        "%s: %.1f CPU ns per run-generation at most (%.3g, %.2f CPU s)%n", model, s[0] / s[1], s[1], s[0] / 1e9));
  }

  private static void run(CellPlan plan, Sweep sweep, List<CellRange> ranges) {
    CellRunner.run(plan.factory().cells(ranges, CellFactory.ALL_CHUNKS), plan.contexts(), plan.models(),
        TextCells.NONE, sweep.maxGenerations(),
        GenerationGrid.of(sweep.maxGenerations()), () -> { });
  }
}
