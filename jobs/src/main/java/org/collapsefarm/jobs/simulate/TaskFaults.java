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
 * Testing aids that exercise retries, speculation and lost executors on any cluster, read on the
 * executors from their Spark configuration (each a fraction 0 ≤ f ≤ 1, default 0):
 *
 * <ul>
 *   <li>{@code spark.collapsefarm.inject.task-failures} = f: the first attempt of about a fraction f
 *       of the simulate tasks throws after doing part of its work (half the cells it expects);
 *   <li>{@code spark.collapsefarm.inject.slow-tasks} = f: the first attempt of about a fraction f of
 *       the simulate tasks (chosen independently) pauses {@link #SLOW_PAUSE_MS} before its cells, long
 *       next to a test sweep's task, so that with {@code spark.speculation=true} Spark launches a
 *       speculative copy, which runs at once, finishes first and has the original killed.
 * </ul>
 *
 * Which tasks is a function of the task's identity — its chunk and first replicate range — and of the
 * attempt number only (never of timing), so a run is reproducible; later attempts (retries and
 * speculative copies) are never disturbed, and since cells are a function of (sweep seed, group,
 * replicate) every attempt writes the same rows.
 */
final class TaskFaults {
  /** The Spark configuration key of the failures. */
  static final String KEY = SparkSettings.INJECT_TASK_FAILURES;
  /** The Spark configuration key of the pauses. */
  static final String SLOW_KEY = SparkSettings.INJECT_SLOW_TASKS;
  /** The message of an injected failure. */
  static final String MESSAGE = "injected task failure (" + KEY + ")";
  /** The pause of a slow first attempt. */
  static final long SLOW_PAUSE_MS = 5_000;
  /** Mixed into a task's identity to choose the slow tasks independently of the failing ones. */
  private static final long SLOW_SALT = 0x51_0E_7A_5CL;

  private final long failAfterCells;
  private final boolean slow;
  private long cells;

  private TaskFaults(long failAfterCells, boolean slow) {
    this.failAfterCells = failAfterCells;
    this.slow = slow;
  }

  /** Checks both settings in {@code conf} (a bad one fails on the driver, not in every task). */
  static void check(SparkConf conf) {
    fraction(conf, KEY);
    fraction(conf, SLOW_KEY);
  }

  /** The fraction set for {@code key} in {@code conf}, checked: a number in [0, 1]. */
  static double fraction(SparkConf conf, String key) {
    String text = conf.get(key, "0");
    double f;
    try {
      f = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      f = Double.NaN;
    }
    if (!(f >= 0 && f <= 1)) {
      throw new IllegalArgumentException(key + ": must be a number between 0 and 1, got '" + text + "'");
    }
    return f;
  }

  /**
   * The faults of the running task, which simulates the cells of {@code bin} in chunk {@code chunk}
   * of {@code chunks}: none unless this is a first attempt chosen by a fraction.
   */
  static TaskFaults forTask(int chunk, int chunks, List<CellRange> bin) {
    TaskContext task = TaskContext.get();
    SparkEnv env = SparkEnv.get();
    if (env == null || task == null || task.attemptNumber() > 0 || bin.isEmpty()) {
      return new TaskFaults(Long.MAX_VALUE, false);
    }
    CellRange first = bin.get(0);
    long identity = CellSeeds.mix64(Cells.key(first.group().groupId(), first.from()) ^ CellSeeds.mix64(chunk));
    boolean fails = chosen(identity, fraction(env.conf(), KEY));
    boolean slow = chosen(CellSeeds.mix64(identity ^ SLOW_SALT), fraction(env.conf(), SLOW_KEY));
    long expected = bin.stream().mapToLong(CellRange::size).sum() / chunks;
    return new TaskFaults(fails ? Math.max(1, expected / 2) : Long.MAX_VALUE, slow);
  }

  /** Whether a task of this hashed identity is among a fraction f: its top 53 bits as a uniform in [0, 1). */
  private static boolean chosen(long identity, double fraction) {
    return (identity >>> 11) * 0x1.0p-53 < fraction;
  }

  /** Before the task's first cell: pauses if this attempt is to be slow (a kill interrupts it). */
  void taskStarted() {
    if (slow) {
      try {
        Thread.sleep(SLOW_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("slow task attempt interrupted (" + SLOW_KEY + ")", e);
      }
    }
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
