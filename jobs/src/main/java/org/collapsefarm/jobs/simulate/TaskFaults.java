package org.collapsefarm.jobs.simulate;

import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.collapsefarm.jobs.config.Cells;
import org.collapsefarm.jobs.config.SparkSettings;
import org.collapsefarm.random.CellSeeds;

/**
 * A testing aid: with the Spark setting {@code spark.collapsefarm.inject.task-failures} = f (0 ≤ f ≤ 1, default 0), the first attempt
 * of about a fraction f of the simulate tasks throws after doing part of its work (half the cells it
 * expects), so that retries, speculation and lost executors can be exercised on any cluster. Which
 * tasks fail is a function of the task's identity — its chunk and first replicate range — and of the
 * attempt number only (never of timing), so a run is reproducible; retried attempts never fail, and
 * since cells are a function of (sweep seed, group, replicate) the retried tasks write the same rows.
 * The setting is read on the executors, from their Spark configuration.
 */
final class TaskFaults {
  /** The Spark configuration key. */
  static final String KEY = SparkSettings.INJECT_TASK_FAILURES;
  /** The message of an injected failure. */
  static final String MESSAGE = "injected task failure (" + KEY + ")";

  private final long failAfterCells;
  private long cells;

  private TaskFaults(long failAfterCells) {
    this.failAfterCells = failAfterCells;
  }

  /** The fraction set in {@code conf}, checked: a number in [0, 1]. */
  static double fraction(SparkConf conf) {
    String text = conf.get(KEY, "0");
    double f;
    try {
      f = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      f = Double.NaN;
    }
    if (!(f >= 0 && f <= 1)) {
      throw new IllegalArgumentException(KEY + ": must be a number between 0 and 1, got '" + text + "'");
    }
    return f;
  }

  /**
   * The faults of the running task, which simulates the cells of {@code bin} in chunk {@code chunk}
   * of {@code chunks}: none unless this is a first attempt chosen by the fraction.
   */
  static TaskFaults forTask(int chunk, int chunks, List<CellRange> bin) {
    TaskContext task = TaskContext.get();
    double fraction = SparkEnv.get() == null ? 0 : fraction(SparkEnv.get().conf());
    if (fraction == 0 || task == null || task.attemptNumber() > 0 || bin.isEmpty()) {
      return new TaskFaults(Long.MAX_VALUE);
    }
    CellRange first = bin.get(0);
    long identity = CellSeeds.mix64(Cells.key(first.group().groupId(), first.from()) ^ CellSeeds.mix64(chunk));
    // The top 53 bits as a uniform number in [0, 1).
    if ((identity >>> 11) * 0x1.0p-53 >= fraction) {
      return new TaskFaults(Long.MAX_VALUE);
    }
    long expected = bin.stream().mapToLong(CellRange::size).sum() / chunks;
    return new TaskFaults(Math.max(1, expected / 2));
  }

  /** Counts a finished cell; throws when this attempt is to fail. */
  void cellDone() {
    if (++cells == failAfterCells) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s after %d cells", MESSAGE, cells));
    }
  }

  /** At the end of the task's work: throws if it was to fail but had fewer cells than expected. */
  void taskDone() {
    if (failAfterCells != Long.MAX_VALUE && cells < failAfterCells) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s after all its %d cells", MESSAGE, cells));
    }
  }
}
