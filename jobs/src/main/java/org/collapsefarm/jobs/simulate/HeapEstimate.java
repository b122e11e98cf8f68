package org.collapsefarm.jobs.simulate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.measure.FamilyAccumulator;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.text.TextAccumulator;

/**
 * The heap {@code simulate} needs when Spark runs inside the farm's JVM (a local master, the
 * embedded default), where the driver and the executors share one heap (issue 14, item 3). The plan
 * is O(groups) ({@link CellPlan}); what grows with a sweep is what the tasks running at once hold,
 * one task per core:
 *
 * <ul>
 *   <li>its partition's per-generation sums: one accumulator on the {@link GenerationGrid} per group
 *       the partition touches ({@link GenerationAccumulator#bytesAtMost}, {@link
 *       FamilyAccumulator#bytes} with every family measurement);
 *   <li>the {@code runs} rows of its cells in the chunk, {@link #RUNS_ROW_BYTES} each;
 *   <li>for text groups, the group's {@link TextAccumulator} instead, and the running text cell's tokens
 *       ({@link TextPlan#cellTokens}, 4 bytes each: under accumulate every token so far) — the corpus
 *       itself is not counted, as it is read only when the simulation starts.
 * </ul>
 *
 * <p>These objects are what Spark calls user memory: of the heap beyond its reserved 300 MiB
 * ({@link #SPARK_RESERVED_BYTES}), Spark may fill the fraction {@code spark.memory.fraction} (0.6 by
 * default) with its execution and storage memory — here the cached finished partitions, which go to
 * disk only once that share is full — and leaves the rest to user data (Spark's Tuning Guide,
 * "Memory Management Overview"). A partition going to disk is serialized in memory first: one more
 * partition's worth. So the heap needed is 300 MiB + (cores + 1) × the largest partition / (1 −
 * fraction). BENCHMARKS.md ("Driver heap") compares it with heaps that do and do not complete. A
 * cluster's executors hold the same per task in their own heaps ({@code spark.executor.memory}).
 *
 * @param memoryFraction Spark's {@code spark.memory.fraction}
 * @param cores tasks running at once
 * @param groupsPerTask groups of the partition with the largest share
 * @param gridPoints generations each accumulator keeps
 * @param taskBytes the largest partition's accumulators and runs rows
 */
public record HeapEstimate(double memoryFraction, int cores, int groupsPerTask, int gridPoints, long taskBytes) {
  /**
   * The heap Spark sets aside for its own objects before its execution and storage memory
   * (UnifiedMemoryManager's reserved system memory, 300 MiB; local Spark refuses a heap below 1.5×).
   */
  static final long SPARK_RESERVED_BYTES = 300L << 20;

  /**
   * The smallest heap local Spark starts in: UnifiedMemoryManager refuses one below 1.5 × its reserved
   * memory ("System memory … must be at least 471859200"), so no estimate is below it.
   */
  static final long LOCAL_MINIMUM_BYTES = SPARK_RESERVED_BYTES * 3 / 2;

  /**
   * One {@link Tables#RUNS_SCHEMA} row as a Spark {@code GenericRow}: an object array of its 24
   * columns (16 + 24 × 4 bytes), each boxed number 16 bytes, the row and its unique cell id string
   * (about 100 bytes); the other strings are shared with the group. Rounded up.
   */
  static final long RUNS_ROW_BYTES = 512;

  /** Spark's default {@code spark.memory.fraction}. */
  public static final double DEFAULT_MEMORY_FRACTION = 0.6;

  private static final long MIB = 1L << 20;

  /**
   * The estimate for {@code sweep} split as {@link SimulateJob} splits it on {@code cores} cores: into
   * chunks of {@code chunkCells} cells ({@link SimulateJob#AUTOMATIC_CHUNKS}: sized by the work) and
   * {@code partitions} partitions each (0: {@link SimulateJob#PARTITIONS_PER_CORE} per core),
   * balanced by {@link CostBalancer}. O(groups), whatever the cells.
   */
  public static HeapEstimate of(Sweep sweep, int chunkCells, int partitions, int cores, double memoryFraction) {
    int chunks = chunkCells == SimulateJob.AUTOMATIC_CHUNKS
        ? SimulateJob.automaticChunks(sweep.cellCount(), CellPlan.totalEstimatedCost(sweep), cores)
        : SimulateJob.proposedChunks(sweep.cellCount(), chunkCells);
    CellPlan plan = CellPlan.of(sweep, chunks);
    List<List<CellRange>> bins =
        CostBalancer.balance(plan.groups(), partitions > 0 ? partitions : SimulateJob.PARTITIONS_PER_CORE * cores);
    return of(bins, plan.models(), TextPlan.of(sweep), sweep.maxGenerations(), chunks, cores, memoryFraction);
  }

  /**
   * The estimate for the partitions {@code bins} of a sweep split into {@code chunks} chunks.
   *
   * @param models the sweep's model families by context id (their groups keep family sums)
   * @param text the sweep's text part (its groups keep text sums, and a running text cell its tokens)
   */
  public static HeapEstimate of(List<List<CellRange>> bins, Map<String, FamilySpec> models, TextPlan text,
      int maxGenerations, int chunks, int cores, double memoryFraction) {
    int grid = GenerationGrid.of(maxGenerations).size();
    long categorical = GenerationAccumulator.bytesAtMost(grid - 1);
    long family = FamilyAccumulator.bytes(grid - 1, FamilySpec.COLUMNS.size());
    long textSums = TextAccumulator.bytesAtMost(grid - 1, text.probes().size());
    long largest = 0;
    int largestGroups = 0;
    for (List<CellRange> bin : bins) {
      Set<String> groups = new HashSet<>();
      long bytes = 0;
      long cells = 0;
      long textCell = 0; // a task runs one cell at a time: its largest text cell's tokens
      for (CellRange range : bin) {
        Group group = range.group();
        boolean isText = text.contexts().containsKey(group.contextId());
        if (groups.add(group.groupId())) {
          bytes += isText ? textSums : models.containsKey(group.contextId()) ? family : categorical;
        }
        if (isText) {
          textCell = Math.max(textCell, TextPlan.cellTokens(group.spec(), maxGenerations) * Integer.BYTES);
        }
        cells += range.size();
      }
      bytes += textCell + (cells + chunks - 1) / chunks * RUNS_ROW_BYTES;
      if (bytes > largest) {
        largest = bytes;
        largestGroups = groups.size();
      }
    }
    return new HeapEstimate(memoryFraction, Math.max(1, Math.min(cores, bins.size())), largestGroups, grid, largest);
  }

  /**
   * Spark's reserved memory plus the user memory that holds the largest partitions, one per core,
   * and one more being serialized to disk; at least {@link #LOCAL_MINIMUM_BYTES}.
   */
  public long bytes() {
    return Math.max(LOCAL_MINIMUM_BYTES, partitionsBytes());
  }

  /** Spark's reserved memory plus the user memory of the running partitions and a spilling one. */
  long partitionsBytes() {
    return SPARK_RESERVED_BYTES + (long) Math.ceil((cores + 1) * taskBytes / (1 - memoryFraction));
  }

  /** A heap to suggest: the estimate with a quarter to spare, in whole GiB. */
  public long suggestedGib() {
    return Math.max(1, (bytes() + bytes() / 4 + (1L << 30) - 1) >> 30);
  }

  /** "about 3,458 MiB (Spark's 300 MiB + (2 running + 1 spilling) partitions × 421 MiB / (1 − 0.6): …)". */
  public String describe() {
    if (partitionsBytes() < LOCAL_MINIMUM_BYTES) {
      return String.format(Locale.ROOT, "about %,d MiB (local Spark's minimum heap, 1.5 × its reserved %,d MiB; the "
          + "per-generation sums of up to %,d groups × %,d generations and the runs rows of their cells need less: "
          + "%,d MiB)", mib(bytes()), mib(SPARK_RESERVED_BYTES), groupsPerTask, gridPoints, mib(partitionsBytes()));
    }
    return String.format(Locale.ROOT, "about %,d MiB (Spark's %,d MiB + (%d running + 1 spilling) partitions × %,d MiB "
        + "/ (1 − spark.memory.fraction %s): the per-generation sums of up to %,d groups × %,d generations and the runs "
        + "rows of their cells)", mib(bytes()), mib(SPARK_RESERVED_BYTES), cores, mib(taskBytes), memoryFraction,
        groupsPerTask, gridPoints);
  }

  private static long mib(long bytes) {
    return (bytes + MIB - 1) / MIB;
  }
}
