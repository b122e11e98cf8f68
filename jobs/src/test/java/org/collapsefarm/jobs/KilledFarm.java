package org.collapsefarm.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The crash the kill-and-resume tests (KillResumeTest on a local folder, HdfsResultsTest on HDFS)
 * resume from: {@code farm simulate} of a small sweep in its own JVM, killed (SIGKILL, by pid) once
 * its first chunk is committed and before its last.
 */
public final class KilledFarm {
  /**
   * How long the farm may take to commit its first chunk: a deadline for a hung run, not a timing (a
   * 2-core machine loaded by other builds takes minutes where an idle one takes seconds).
   */
  private static final long FIRST_COMMIT_DEADLINE_MS = 600_000;

  private KilledFarm() {}

  /** The sweep: 8 groups × 60 replicates = 480 cheap cells, results under {@code output}. */
  public static String sweep(String name, long seed, String output) {
    return """
        sweep {
          name = %s
          output = "%s"
          seed = %d
          replicates = 60
          max-generations = 300
          contexts = [
            { family = explicit, probs = [0.4, 0.3, 0.2, 0.1] }
            { family = uniform, vocabulary = 8 }
          ]
          paradigms = [
            { paradigm = fully-synthetic, n = [3, 10, 30] }
            { paradigm = partially-synthetic, n = 10, real-n = 20 }
          ]
        }
        """.formatted(name, output.replace("\\", "/"), seed);
  }

  /**
   * Runs {@code farm simulate conf} (local[2], two partitions, chunks of {@code chunkCells}) in its own
   * JVM, output to {@code log}, and kills it as soon as {@code committedChunks} counts one; asserts that
   * it was still running then.
   */
  public static void killAfterFirstCommit(Path conf, int chunkCells, LongSupplier committedChunks, File log)
      throws Exception {
    killAfterFirstCommit(
        List.of("simulate", conf.toString(), "--master", "local[2]", "--chunk-cells", "" + chunkCells, "--partitions", "2"),
        committedChunks, log);
  }

  /**
   * Runs the farm with {@code args} in its own JVM, output to {@code log}, and kills it as soon as
   * {@code committedChunks} counts one; asserts that it was still running then.
   */
  public static void killAfterFirstCommit(List<String> args, LongSupplier committedChunks, File log) throws Exception {
    Process farm = JvmProcesses.start(List.of("-Xmx1g", "-cp", JvmProcesses.testClasspath()),
        "org.collapsefarm.jobs.Farm", args, Map.of(), log);
    try {
      long deadline = System.currentTimeMillis() + FIRST_COMMIT_DEADLINE_MS;
      while (committedChunks.getAsLong() < 1 && farm.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(committedChunks.getAsLong()).as("a chunk committed before the deadline; log: %s", Files.readString(log.toPath()))
          .isPositive();
      assertThat(farm.isAlive()).as("farm still running after its first commit; log: %s", Files.readString(log.toPath()))
          .isTrue();
    } finally {
      JvmProcesses.kill(farm);
    }
    assertThat(farm.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }
}
