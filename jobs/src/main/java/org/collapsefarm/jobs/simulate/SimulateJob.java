package org.collapsefarm.jobs.simulate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.collapsefarm.context.Context;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.io.ChunkManifest;
import org.collapsefarm.jobs.io.ChunkStore;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.text.HadoopConf;
import org.collapsefarm.jobs.text.TextCorpora;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.text.TextAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The simulate stage (issue 3, items 4–5): a sweep's cells run on the executors, chunk by chunk,
 * each chunk committed atomically ({@link ChunkStore}); when every chunk is committed the tables
 * {@code runs}, {@code generation_stats} and (if asked) {@code trajectories} are compacted from the
 * chunks — and for text groups {@code probes} and {@code samples}. Running it again computes only the
 * chunks that are missing, so every cell appears exactly once. {@code contexts} and {@code cells} are
 * written at the start (they are a function of the definition alone — and of the corpora, which are
 * read, checked and encoded into the results folder first, issue 11).
 */
public final class SimulateJob {
  /** {@link Options#chunkCells} that asks for chunks sized by the sweep's estimated work. */
  public static final int AUTOMATIC_CHUNKS = 0;
  /**
   * Automatic chunks aim at this much wall time each on the session's cores: long enough that a
   * chunk's fixed cost (a Spark job, its Parquet files, the shuffle of its partial sums, about a
   * second on 2 cores) stays small, short enough that a kill loses little (BENCHMARKS.md, "Farm").
   */
  static final double CHUNK_SECONDS = 60;
  /**
   * Core-nanoseconds per unit of {@link CellPlan#estimatedCost}, measured on 2026-12-01: 38 for the
   * 1e5 fully synthetic cells of bench/farm-e2e.sh (33 core-seconds for 8.6e8 units) and for
   * conf/cot-replace-grid.conf (65 core-seconds for 1.7e9), about 100 for accumulate-subsample
   * (conf/wang-accumulate.conf). Only the order of magnitude matters: it sizes chunks, never results.
   */
  static final double NANOS_PER_COST_UNIT = 40;
  /** At most this many cells per automatic chunk (a chunk's runs rows are written by one job). */
  static final int MAX_CHUNK_CELLS = 200_000;
  /** Partitions per core: LPT bins small enough that a slow bin does not idle the other cores. */
  public static final int PARTITIONS_PER_CORE = 4;
  /** Cells table rows per slice when it is built on the executors. */
  private static final long CELL_ROWS_PER_SLICE = 50_000;
  private static final Logger LOG = LoggerFactory.getLogger(SimulateJob.class);
  /** Groups per file of partial sums: few files per chunk, each still small (groups × (M+1) rows). */
  private static final int GROUPS_PER_PARTIAL_FILE = 64;

  /**
   * @param partitions partitions per chunk (0 = {@link #PARTITIONS_PER_CORE} × Spark's default
   *     parallelism); results do not depend on it
   * @param chunkCells cells per chunk at the first start, or {@link #AUTOMATIC_CHUNKS} for chunks of
   *     about {@link #CHUNK_SECONDS} of estimated work each (later starts reuse the recorded chunk
   *     count)
   * @param console where progress goes
   */
  public record Options(int partitions, int chunkCells, PrintStream console) {}

  /** What a call did: cells in the sweep, cells computed now, chunks in all and computed now. */
  public record Outcome(ResultsFolder folder, long cells, long computedCells, int chunks, int computedChunks) {}

  private SimulateJob() {}

  /**
   * Simulates the chunks not yet committed and compacts the tables. With a local master, running out
   * of heap is an {@link OutOfHeapException} that says what the sweep needs: local Spark fails the
   * job on a task's OutOfMemoryError instead of exiting ({@code spark.executor.killOnFatalError.depth
   * = 0}, {@link org.collapsefarm.jobs.spark.SparkSessions}).
   *
   * @throws ConfigException when a corpus of the sweep cannot be used (MATH.md §8: missing, empty, no
   *     document of its language, a probe outside V_0…); nothing is written then
   */
  public static Outcome run(SparkSession spark, Sweep sweep, Options options) throws ConfigException {
    boolean local = spark.sparkContext().isLocal();
    // Estimated before the run: a heap that has run out may not have room for it afterwards.
    HeapEstimate heap = heapEstimate(spark, sweep, options);
    if (local) {
      warnIfHeapShort(heap, options.console());
    }
    try {
      return simulate(spark, sweep, options);
    } catch (Exception | OutOfMemoryError e) { // Spark's job failure is a (sneaky) checked SparkException
      if (local && OutOfHeapException.isOutOfHeap(e)) {
        throw new OutOfHeapException(heap, e);
      }
      throw e;
    }
  }

  /** The heap the sweep needs in local mode, for the chunks and partitions {@link #run} uses. */
  private static HeapEstimate heapEstimate(SparkSession spark, Sweep sweep, Options options) {
    return HeapEstimate.of(sweep, options.chunkCells(), options.partitions(), spark.sparkContext().defaultParallelism(),
        spark.sparkContext().getConf().getDouble("spark.memory.fraction", HeapEstimate.DEFAULT_MEMORY_FRACTION));
  }

  private static Outcome simulate(SparkSession spark, Sweep sweep, Options options) throws ConfigException {
    ResultsFolder folder =
        new ResultsFolder(sweep.output(), sweep.name(), spark.sparkContext().hadoopConfiguration());
    TableStore tables = new TableStore(folder);
    boolean contextsWritten = tables.exists(Tables.CONTEXTS);
    // The corpora are read and checked before anything is written; a later start finds them encoded
    // (the contexts table is committed after them) and reads none.
    TextCorpora corpora = sweep.isText() && !contextsWritten && !finished(folder)
        ? TextCorpora.prepare(spark, sweep.text())
        : null;
    folder.writeDefinition(sweep.definition(), sweep.definitionHash());
    ChunkStore store = new ChunkStore(folder);
    int chunks = store.chunkCount(options.chunkCells() == AUTOMATIC_CHUNKS
        ? automaticChunks(sweep.cellCount(), CellPlan.totalEstimatedCost(sweep), spark.sparkContext().defaultParallelism())
        : proposedChunks(sweep.cellCount(), options.chunkCells()));
    TaskFaults.check(spark.sparkContext().getConf()); // a bad testing setting fails here, not in every task
    if (finished(folder)) {
      return new Outcome(folder, sweep.cellCount(), 0, chunks, 0);
    }
    long t0 = System.nanoTime();
    CellPlan plan = CellPlan.of(sweep, chunks);
    // Both tables are a function of the definition (guarded by its hash): an earlier start's
    // committed copy is kept.
    if (!contextsWritten) {
      writeContexts(spark, sweep, tables, corpora == null ? List.of() : corpora.write(spark, tables));
    }
    if (!tables.exists(Tables.CELLS)) {
      writeCells(spark, plan, tables);
    }
    LOG.debug("contexts and cells tables written in {} ms", (System.nanoTime() - t0) / 1_000_000);

    store.clearLegacyTemporary();
    Map<Integer, ChunkManifest> committed = store.committed();
    long alreadyDone = committed.values().stream().mapToLong(ChunkManifest::cells).sum();
    List<Integer> todo = IntStream.range(0, chunks).filter(c -> !committed.containsKey(c)).boxed().toList();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions =
        options.partitions() > 0 ? options.partitions() : PARTITIONS_PER_CORE * jsc.defaultParallelism();
    // One balance for every chunk: a chunk's cells are the same hash-chosen share of each range.
    List<List<CellRange>> bins = CostBalancer.balance(plan.groups(), partitions);
    Broadcast<Map<String, Context>> contexts = jsc.broadcast(plan.contexts());
    Broadcast<Map<String, FamilySpec>> models = jsc.broadcast(plan.models());
    Broadcast<TextPlan> text = jsc.broadcast(plan.text());
    TextCells.Factory texts = new TextCells.Factory(text, TextCorpora.files(tables, plan.text()),
        plan.text().contexts().isEmpty() ? null : new HadoopConf(spark.sparkContext().hadoopConfiguration()),
        sweep.maxGenerations());
    LongAccumulator done = spark.sparkContext().longAccumulator("cells done");
    boolean trajectories = plan.recordsTrajectories();
    InFlightCells inFlight = new InFlightCells(done.id());
    spark.sparkContext().addSparkListener(inFlight);
    long toDo = sweep.cellCount() - alreadyDone;
    // A sweep of one chunk (a minute of work or less, BENCHMARKS.md "fixed cost") skips the chunk's
    // own files and the compaction: its tables go straight to the final ones, which are then
    // committed like a chunk, each by its manifest (resuming such a sweep recomputes it whole).
    TableStore whole = chunks == 1 && todo.size() == 1 ? tables : null;
    try (Progress progress = new Progress(options.console(), sweep.cellCount(), alreadyDone,
        () -> Math.min(toDo, done.value() + inFlight.count()))) {
      for (int chunk : todo) {
        long t = System.nanoTime();
        jsc.setJobDescription("simulate chunk " + chunk + " of " + chunks);
        runChunk(spark, jsc, store, chunk, bins, plan.factory(), contexts, models, texts,
            sweep.maxGenerations(), done, trajectories, whole);
        LOG.debug("chunk {} committed in {} ms", chunk, (System.nanoTime() - t) / 1_000_000);
      }
    } finally {
      spark.sparkContext().removeSparkListener(inFlight);
      contexts.destroy();
      models.destroy();
      text.destroy();
    }
    if (whole == null) {
      long t1 = System.nanoTime();
      compact(spark, tables, store, trajectories, texts.any());
      LOG.debug("tables compacted in {} ms", (System.nanoTime() - t1) / 1_000_000);
    }
    folder.writeAtomically(folder.sweepFile(ResultsFolder.FINALIZED), chunks + "\n");
    return new Outcome(folder, sweep.cellCount(), toDo, chunks, todo.size());
  }

  /**
   * Whether the sweep in {@code folder} is finished: {@code _sweep/finalized}, written after the
   * manifests of the compacted tables. A folder finalized by a farm before table manifests (the
   * marker, no {@code runs} manifest) is not: the next simulate compacts it again.
   */
  public static boolean finished(ResultsFolder folder) {
    return folder.exists(folder.sweepFile(ResultsFolder.FINALIZED)) && new TableStore(folder).exists(Tables.RUNS);
  }


  /** A line on the console when local Spark's heap looks too small for the sweep (it may still do). */
  private static void warnIfHeapShort(HeapEstimate heap, PrintStream console) {
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (heap.bytes() > maxHeap) {
      console.printf(Locale.ROOT, "warning: this sweep needs %s of heap; this JVM has %,d MiB. If it runs out, "
          + "give it -Xmx%dg (FARM_JAVA_OPTS for submit/farm, --driver-memory for spark-submit)%n",
          heap.describe(), maxHeap >> 20, heap.suggestedGib());
    }
  }

  /**
   * Chunks of about {@link #CHUNK_SECONDS} of wall time on {@code cores} each, by the estimated work
   * ({@link #NANOS_PER_COST_UNIT}), with at most {@link #MAX_CHUNK_CELLS} cells each; at least 1 and
   * at most one per cell.
   */
  static int automaticChunks(long cells, double estimatedCost, int cores) {
    double seconds = estimatedCost * NANOS_PER_COST_UNIT / 1e9 / Math.max(1, cores);
    long byWork = (long) Math.ceil(seconds / CHUNK_SECONDS);
    long byCells = (cells + MAX_CHUNK_CELLS - 1) / MAX_CHUNK_CELLS;
    return (int) Math.min(Math.max(cells, 1), Math.max(1, Math.max(byWork, byCells)));
  }

  /** ceil(cells / chunkCells), at least 1. */
  static int proposedChunks(long cells, int chunkCells) {
    if (chunkCells < 1) {
      throw new IllegalArgumentException("chunk cells must be >= 1, got " + chunkCells);
    }
    return (int) Math.max(1, (cells + chunkCells - 1) / chunkCells);
  }

  private static void runChunk(
      SparkSession spark,
      JavaSparkContext jsc,
      ChunkStore store,
      int chunk,
      List<List<CellRange>> bins,
      CellFactory factory,
      Broadcast<Map<String, Context>> contexts,
      Broadcast<Map<String, FamilySpec>> models,
      TextCells.Factory texts,
      int maxGenerations,
      LongAccumulator done,
      boolean trajectories,
      TableStore whole) {
    GenerationGrid grid = GenerationGrid.of(maxGenerations);
    // One element per slice: parallelize puts bin i in partition i. The executors make the bin's
    // cells of this chunk from its replicate ranges.
    JavaRDD<BinResult> results =
        jsc.parallelize(bins, bins.size())
            .map(bin -> {
              TaskFaults faults = TaskFaults.forTask(chunk, factory.chunks(), bin);
              faults.taskStarted();
              BinResult result = CellRunner.run(factory.cells(bin, chunk), contexts.value(), models.value(),
                  texts.cells(grid), maxGenerations, grid,
                  () -> {
                    done.add(1);
                    faults.cellDone();
                    // A task Spark has cancelled (its job failed, or its speculative twin won) stops
                    // at its next cell instead of finishing its bin: after a task ran out of heap,
                    // a surviving task going on would keep the heap full while the driver reports.
                    TaskContext.get().killTaskIfInterrupted();
                  });
              faults.taskDone();
              return result;
            })
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> runs = spark.createDataFrame(results.flatMap(r -> r.runs().iterator()), Tables.RUNS_SCHEMA);
      JavaRDD<Row> partials =
          results
              .flatMapToPair(
                  r -> r.accumulators().entrySet().stream()
                      .map(e -> new Tuple2<>(e.getKey(), e.getValue()))
                      .iterator())
              // A fresh accumulator per merge: the cached ones must stay unchanged for retries.
              .reduceByKey(
                  (a, b) -> new GenerationAccumulator(a.maxGenerations()).merge(a).merge(b),
                  partialPartitions(bins))
              .flatMap(e -> partialRows(e._1(), e._2(), grid).iterator())
              .union(FamilyStats.partials(results, partialPartitions(bins), grid))
              .union(textPartials(results, partialPartitions(bins), grid));
      List<String> probes = texts.any() ? texts.plan().value().probes() : List.of();
      ChunkRows rows = new ChunkRows(runs, spark.createDataFrame(partials, Tables.PARTIALS_SCHEMA),
          trajectories ? spark.createDataFrame(results.flatMap(r -> r.trajectories().iterator()), Tables.TRAJECTORIES_SCHEMA)
              : null,
          texts.any() ? spark.createDataFrame(mergedText(results, partialPartitions(bins))
              .flatMap(e -> TextCells.probeRows(e._1(), e._2(), probes, grid).iterator()), Tables.PROBE_PARTIALS_SCHEMA)
              : null,
          texts.any() ? spark.createDataFrame(results.flatMap(r -> r.samples().iterator()), Tables.SAMPLES_SCHEMA) : null);
      if (whole != null) {
        writeFinal(whole, rows);
        return;
      }
      Path attempt = store.begin(chunk);
      rows.runs().write().parquet(new Path(attempt, Tables.RUNS).toString());
      rows.partials().write().parquet(new Path(attempt, Tables.GENERATION_PARTIALS).toString());
      if (rows.trajectories() != null) {
        rows.trajectories().write().parquet(new Path(attempt, Tables.TRAJECTORIES).toString());
      }
      if (rows.probePartials() != null) {
        rows.probePartials().write().parquet(new Path(attempt, Tables.PROBE_PARTIALS).toString());
        rows.samples().coalesce(1).write().parquet(new Path(attempt, Tables.SAMPLES).toString());
      }
      // The cached bins' row counts: the chunk's cells, recorded in its manifest.
      long cells = results.map(r -> (long) r.runs().size()).fold(0L, Long::sum);
      store.commit(chunk, attempt, cells);
    } finally {
      results.unpersist(false);
    }
  }

  /** Output files of a chunk's partial sums: one per {@link #GROUPS_PER_PARTIAL_FILE} groups. */
  private static int partialPartitions(List<List<CellRange>> bins) {
    long groups = bins.stream().flatMap(List::stream).map(r -> r.group().groupId()).distinct().count();
    return (int) Math.max(1, Math.min(bins.size(), groups / GROUPS_PER_PARTIAL_FILE));
  }

  /** One {@link Tables#PARTIALS_SCHEMA} row per grid generation of a group's accumulator. */
  static List<Row> partialRows(String groupId, GenerationAccumulator acc, GenerationGrid grid) {
    List<Row> rows = new ArrayList<>(grid.size());
    for (int m = 0; m < grid.size(); m++) {
      rows.add(RowFactory.create(partialColumns(groupId, acc, grid, m)));
    }
    return rows;
  }

  /** A {@link Tables#PARTIALS_SCHEMA} row's columns with the categorical sums at grid index m; the others null. */
  static Object[] partialColumns(String groupId, GenerationAccumulator acc, GenerationGrid grid, int m) {
    Object[] cols = new Object[Tables.PARTIALS_SCHEMA.size()];
    cols[0] = groupId;
    cols[1] = grid.generation(m);
    cols[2] = acc.runs(m);
    cols[3] = acc.collapsed(m);
    cols[4] = acc.collapsedBy(m);
    int i = 5;
    for (Metric metric : Metric.values()) {
      cols[i++] = acc.sum(metric, m);
      cols[i++] = acc.sumOfSquares(metric, m);
    }
    return cols;
  }

  /** The bins' text accumulators merged per group. */
  private static JavaPairRDD<String, TextAccumulator> mergedText(JavaRDD<BinResult> results, int partitions) {
    return results
        .flatMapToPair(r -> r.textAccumulators().entrySet().stream()
            .map(e -> new Tuple2<>(e.getKey(), e.getValue()))
            .iterator())
        // A fresh accumulator per merge: the cached ones must stay unchanged for retries.
        .reduceByKey((a, b) -> a.copy().merge(b), partitions);
  }

  /** The merged partial rows of the bins' text accumulators ({@link Tables#PARTIALS_SCHEMA}). */
  private static JavaRDD<Row> textPartials(JavaRDD<BinResult> results, int partitions, GenerationGrid grid) {
    return mergedText(results, partitions).flatMap(e -> TextCells.partialRows(e._1(), e._2(), grid).iterator());
  }

  /**
   * The final tables, recomputed from the files the committed chunks' manifests name (idempotent;
   * never a listing of the chunks' folders, where a failed attempt may have left files).
   */
  static void compact(SparkSession spark, TableStore tables, ChunkStore store, boolean trajectories, boolean text) {
    spark.sparkContext().setJobDescription("compact tables");
    writeFinal(tables, new ChunkRows(chunkTable(spark, store, Tables.RUNS, Tables.RUNS_SCHEMA),
        chunkTable(spark, store, Tables.GENERATION_PARTIALS, Tables.PARTIALS_SCHEMA),
        trajectories ? chunkTable(spark, store, Tables.TRAJECTORIES, Tables.TRAJECTORIES_SCHEMA) : null,
        text ? chunkTable(spark, store, Tables.PROBE_PARTIALS, Tables.PROBE_PARTIALS_SCHEMA) : null,
        text ? chunkTable(spark, store, Tables.SAMPLES, Tables.SAMPLES_SCHEMA) : null));
  }

  /**
   * A chunk's tables, or every committed chunk's: {@code runs}, the partial sums of {@code
   * generation_stats}, {@code trajectories} (null unless recorded), and for a sweep with text groups
   * the partial sums of {@code probes} and the {@code samples} (null without).
   */
  private record ChunkRows(Dataset<Row> runs, Dataset<Row> partials, Dataset<Row> trajectories,
      Dataset<Row> probePartials, Dataset<Row> samples) {}

  /**
   * Writes the final tables of {@code rows}, each committed by its manifest: {@code runs}, {@code
   * generation_stats} (from the partial sums), {@code trajectories}, {@code probes} (from theirs) and
   * {@code samples} — each partition sorted, with no shuffle but the sums'.
   */
  private static void writeFinal(TableStore tables, ChunkRows rows) {
    tables.write(rows.runs().sortWithinPartitions("cell_id"), Tables.RUNS);
    tables.write(generationStats(rows.partials()), Tables.GENERATION_STATS);
    if (rows.trajectories() != null) {
      tables.write(rows.trajectories().sortWithinPartitions("cell_id", "generation"), Tables.TRAJECTORIES);
    }
    if (rows.probePartials() != null) {
      tables.write(probes(rows.probePartials()), Tables.PROBES);
      tables.write(rows.samples().coalesce(1).sortWithinPartitions("group_id", "generation", "document"), Tables.SAMPLES);
    }
  }

  /**
   * {@code probes} from partial sums: per (group, generation, probe) the runs, the runs where the
   * probe's history x is alive, the mean and sample sd of p^(m)(w | x) over those (null without any,
   * the sd below 2), the fraction of runs whose probe is collapsed, and the same moments of the
   * probe's martingale residual over the runs where it applies (MATH.md §8).
   */
  static Dataset<Row> probes(Dataset<Row> partials) {
    Dataset<Row> totals = partials.groupBy("group_id", "generation", "probe", "word").agg(sum("runs").as("runs"),
        sum("runs_alive").as("runs_alive"), sum("sum").as("sum"), sum("sum_sq").as("sum_sq"), sum("collapsed").as("collapsed"),
        sum("residual_runs").as("residual_runs"), sum("residual_sum").as("residual_sum"),
        sum("residual_sum_sq").as("residual_sum_sq"));
    return totals.select(col("group_id"), col("generation"), col("probe"), col("word"), col("runs"), col("runs_alive"),
            mean("runs_alive", "sum").as("mean"),
            sd("runs_alive", "sum", "sum_sq").as("sd"),
            col("collapsed").divide(col("runs")).as("collapsed_fraction"),
            col("residual_runs"),
            mean("residual_runs", "residual_sum").as("residual_mean"),
            sd("residual_runs", "residual_sum", "residual_sum_sq").as("residual_sd"),
            col("residual_sum"),
            col("residual_sum_sq"))
        .coalesce(1)
        .sortWithinPartitions("group_id", "probe", "generation");
  }

  /** One internal table over every committed chunk: the files of the manifests (none: no rows). */
  private static Dataset<Row> chunkTable(SparkSession spark, ChunkStore store, String table, StructType schema) {
    String[] files = store.tableFiles(table);
    return files.length == 0
        ? spark.createDataFrame(List.of(), schema)
        : spark.read().schema(schema).parquet(files);
  }

  /**
   * {@code generation_stats} from partial sums: runs; {@code collapsed_by}, the runs with T ≤ m, and
   * {@code collapsed_fraction} = ρ_m = P(T ≤ m) ([S] Theorem 1); {@code collapsed}, the runs whose model
   * is a Dirac mass at m, and {@code dirac_fraction} — the two differ only where a collapsed model can
   * regain diversity (most recent K > 1, randomly sampled, accumulate: MATH.md §3). Per metric
   * the mean, the sample sd (null below 2 runs) and the sums themselves, so that downstream code can
   * merge further; a family measurement also Σx³ ({@code _sum_cube}), for the comparison's skewness.
   */
  static Dataset<Row> generationStats(Dataset<Row> partials) {
    List<Column> sums = new ArrayList<>();
    sums.add(sum("collapsed").as("collapsed"));
    sums.add(sum("collapsed_by").as("collapsed_by"));
    for (String column : FamilyStats.measurementColumns()) {
      sums.add(sum(column + "_sum").as(column + "_sum"));
      sums.add(sum(column + "_sum_sq").as(column + "_sum_sq"));
    }
    for (String column : FamilySpec.COLUMNS) {
      sums.add(sum(column + Tables.SUM_CUBE).as(column + Tables.SUM_CUBE));
    }
    Dataset<Row> totals =
        partials.groupBy("group_id", "generation").agg(sum("runs").as("runs"), sums.toArray(Column[]::new));
    List<Column> out = new ArrayList<>();
    out.add(col("group_id"));
    out.add(col("generation"));
    out.add(col("runs"));
    out.add(col("collapsed_by"));
    out.add(col("collapsed_by").divide(col("runs")).as("collapsed_fraction"));
    out.add(col("collapsed"));
    out.add(col("collapsed").divide(col("runs")).as("dirac_fraction"));
    Column runs = col("runs").cast("double");
    for (String column : FamilyStats.measurementColumns()) {
      Column s = col(column + "_sum");
      Column ss = col(column + "_sum_sq");
      out.add(s.divide(runs).as(column + "_mean"));
      Column variance = greatest(lit(0.0), ss.minus(s.multiply(s).divide(runs)).divide(runs.minus(1)));
      out.add(when(col("runs").gt(1), sqrt(variance)).as(column + "_sd"));
      out.add(s);
      out.add(ss);
      if (FamilySpec.COLUMNS.contains(column)) {
        out.add(col(column + Tables.SUM_CUBE));
      }
    }
    // groupBy already placed each group in one partition: sorting within partitions needs no shuffle.
    return totals.select(out.toArray(Column[]::new)).sortWithinPartitions("group_id", "generation");
  }

  /** Σ/count, null without any. */
  private static Column mean(String count, String sum) {
    return when(col(count).gt(0), col(sum).divide(col(count).cast("double")));
  }

  /** The sample sd from Σ and Σ², null below 2. */
  private static Column sd(String count, String sum, String sumSq) {
    Column n = col(count).cast("double");
    Column variance = greatest(lit(0.0), col(sumSq).minus(col(sum).multiply(col(sum)).divide(n)).divide(n.minus(1)));
    return when(col(count).gt(1), sqrt(variance));
  }

  /** The contexts table: the categorical contexts, the models, then {@code textRows} (one per corpus and order). */
  private static void writeContexts(SparkSession spark, Sweep sweep, TableStore tables, List<Row> textRows) {
    List<Row> rows = new ArrayList<>();
    for (ContextEntry entry : sweep.contexts()) {
      Context c = entry.context();
      int[] tokens = c.tokens();
      double[] probs = c.probs();
      Integer[] boxedTokens = new Integer[tokens.length];
      Double[] boxedProbs = new Double[probs.length];
      for (int i = 0; i < tokens.length; i++) {
        boxedTokens[i] = tokens[i];
        boxedProbs[i] = probs[i];
      }
      Object[] cols = new Object[Tables.CONTEXTS_SCHEMA.size()]; // the other families' columns null
      System.arraycopy(new Object[] {entry.contextId(), c.vocabulary(), c.support(), c.s0(), c.entropy(),
          boxedTokens, boxedProbs, c.source(), FamilyCells.CATEGORICAL}, 0, cols, 0, 9);
      rows.add(RowFactory.create(cols));
    }
    sweep.models().forEach(m -> rows.add(FamilyStats.contextRow(m)));
    rows.addAll(textRows);
    tables.write(spark.createDataFrame(rows, Tables.CONTEXTS_SCHEMA).coalesce(1), Tables.CONTEXTS);
  }

  /**
   * The cells table, built on the executors from replicate ranges of the groups (a few hundred bytes
   * each) rather than shipped row by row from the driver: cells are a function of (sweep seed, group,
   * replicate).
   */
  private static void writeCells(SparkSession spark, CellPlan plan, TableStore tables) {
    Sweep sweep = plan.sweep();
    List<CellRange> slices = new ArrayList<>();
    for (CellRange group : plan.groups()) {
      for (long from = group.from(); from < group.to(); from += CELL_ROWS_PER_SLICE) {
        slices.add(group.slice((int) from, (int) Math.min(group.to(), from + CELL_ROWS_PER_SLICE)));
      }
    }
    CellFactory factory = plan.factory();
    int maxGenerations = sweep.maxGenerations();
    Map<String, FamilySpec> models = plan.models();
    TextPlan text = plan.text();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int files = (int) Math.max(1, Math.min(jsc.defaultParallelism(), sweep.cellCount() / CELL_ROWS_PER_SLICE));
    JavaRDD<Row> rows =
        jsc.parallelize(slices, Math.max(1, Math.min(files, slices.size())))
            .flatMap(range -> StreamSupport.stream(factory.cells(List.of(range), CellFactory.ALL_CHUNKS).spliterator(), false)
                .map(cell -> cellRow(cell, maxGenerations, models.get(cell.contextId()), text))
                .iterator());
    tables.write(spark.createDataFrame(rows, Tables.CELLS_SCHEMA), Tables.CELLS);
  }

  /**
   * A cells row; {@code model} is the cell's model family, or null for a categorical context or a
   * text cell (whose corpus and order {@code text} holds).
   */
  private static Row cellRow(CellTask c, int maxGenerations, FamilySpec model, TextPlan text) {
    ParadigmSpec s = c.spec();
    TextPlan.Context corpus = text.contexts().get(c.contextId());
    String family = corpus != null ? TextPlan.FAMILY : model == null ? FamilyCells.CATEGORICAL : model.family();
    return RowFactory.create(
        c.cellId(), c.groupId(), c.contextId(), s.paradigm().configName(), s.n(), s.realN(),
        s.window(), s.allocation().configName(), s.rate(), s.pool().configName(),
        s.source().configName(), s.temperature(), s.topP(), s.smoothing(), s.collapseEpsilon(),
        s.realAnchor(), c.replicate(), c.seed(), maxGenerations, c.estimatedCost(), c.chunk(), family,
        model == null || model.estimator() == null ? null : model.estimator().configName(),
        model == null || model.dimension() == 0 ? null : model.dimension(),
        corpus == null ? null : corpus.corpusName(),
        corpus == null ? null : corpus.order(),
        corpus == null ? null : text.maxLength());
  }

}
