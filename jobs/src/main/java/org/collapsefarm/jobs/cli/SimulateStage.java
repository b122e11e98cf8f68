package org.collapsefarm.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.OutputCheck;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.jobs.simulate.Headline;
import org.collapsefarm.jobs.simulate.SimulateJob;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.jobs.spark.Logging;
import org.collapsefarm.jobs.spark.SparkSessions;

/**
 * Validate, start Spark and simulate: the common part of {@code run} and {@code simulate}. Every
 * check on the configuration and the output folder happens before the session starts, so bad input
 * never starts a job and writes nothing.
 */
final class SimulateStage {
  private SimulateStage() {}

  /** What a stage command does once its sweep is loaded and its Spark session is open. */
  interface Stage {
    void run(SparkSession spark, Sweep sweep, PrintWriter out) throws ConfigException;
  }

  /**
   * The body of every stage command: load and check the sweep (bad input exits 2 before Spark
   * starts), open the session, run the stage, close the session.
   */
  static int runStage(SparkOptions options, boolean verbose, PrintWriter out, Stage stage) throws ConfigException {
    Sweep sweep = load(options);
    try (SparkSessions.Lease lease = session(sweep, options, verbose)) {
      stage.run(lease.spark(), sweep, out);
    }
    return 0;
  }

  /** Loads and checks the sweep (exit code 2 on failure, nothing written). */
  static Sweep load(SparkOptions options) throws ConfigException {
    Sweep sweep = SweepLoader.load(options.conf, options.overrides);
    if (options.partitions < 0) {
      throw new ConfigException("--partitions", "must be >= 0 (0 = automatic), got " + options.partitions);
    }
    if (options.chunkCells != null && options.chunkCells < 1) {
      throw new ConfigException("--chunk-cells", "must be >= 1, got " + options.chunkCells);
    }
    OutputCheck.check(sweep);
    return sweep;
  }

  /** The session for the sweep: --master, then spark-submit, then the config, then local[*]. */
  static SparkSessions.Lease session(Sweep sweep, SparkOptions options, boolean verbose) {
    if (verbose) {
      Logging.verbose();
    }
    SparkConf conf = SparkSessions.conf("collapse-farm " + sweep.name(), sweep.sparkMaster(), sweep.sparkConf());
    if (options.master != null) {
      conf.setMaster(options.master);
    }
    return SparkSessions.session(conf);
  }

  /**
   * Runs the simulate job and prints where the tables are and the headline numbers. A text sweep's
   * corpora are only read now, so a bad corpus is reported here, before anything is written.
   */
  static SimulateJob.Outcome simulate(SparkSession spark, Sweep sweep, SparkOptions options, PrintWriter out)
      throws ConfigException {
    SimulateJob.Outcome outcome =
        SimulateJob.run(spark, sweep, new SimulateJob.Options(options.partitions,
            options.chunkCells == null ? SimulateJob.AUTOMATIC_CHUNKS : options.chunkCells, System.err));
    out.printf(
        "simulate: %,d cells in %d chunks; computed now %,d cells (%d chunks), the rest were already committed%n",
        outcome.cells(), outcome.chunks(), outcome.computedCells(), outcome.computedChunks());
    out.println("tables in " + outcome.folder().root() + ": "
        + String.join(", ", tables(sweep)));
    List<String> lines = Headline.lines(sweep, new TableStore(outcome.folder()).read(spark, Tables.RUNS, Tables.RUNS_SCHEMA));
    lines.forEach(out::println);
    return outcome;
  }

  private static List<String> tables(Sweep sweep) {
    List<String> tables = new ArrayList<>(List.of(Tables.CONTEXTS, Tables.CELLS, Tables.RUNS, Tables.GENERATION_STATS));
    if (sweep.trajectories().mode() != org.collapsefarm.jobs.config.Trajectories.Mode.NONE) {
      tables.add(Tables.TRAJECTORIES);
    }
    if (sweep.isText()) {
      tables.addAll(List.of(Tables.PROBES, Tables.SAMPLES));
    }
    return tables;
  }
}
