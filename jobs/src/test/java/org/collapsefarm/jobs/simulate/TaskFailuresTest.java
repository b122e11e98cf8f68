package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.JvmProcesses;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 4: with {@code spark.collapsefarm.inject.task-failures = 0.5} and {@code local[2,4]}
 * (four attempts per task in local mode), half of the simulate tasks fail once, part-way, and are
 * retried; the tables are still the reference's bit for bit ({@link ReferenceTables}). The farm runs
 * in its own JVM (one SparkContext per JVM); Spark's event log says how many attempts failed. The
 * same for a text sweep (issue 11): its tables are the text reference's ({@link TextReferenceTables}).
 */
class TaskFailuresTest {
  private static final long TIMEOUT_S = 300;

  @TempDir Path dir;

  @Test
  void halfTheTasksFailingOnceChangeNoRow() throws Exception {
    Path events = Files.createDirectories(dir.resolve("events"));
    Path conf = Path.of(ReferenceTablesTest.class.getResource("/reference/sweep.conf").toURI());
    simulateWithFailures(conf, events, dir.resolve("farm.log"),
        "--chunk-cells", "" + ReferenceTables.CHUNK_CELLS, "--partitions", "" + ReferenceTables.PARTITIONS,
        "--set", "sweep.output=\"" + dir.resolve("out").toString().replace("\\", "/") + "\"");
    // 6 chunks × 3 tasks: about 9 first attempts chosen to fail (at least one, or the test tests nothing).
    long injected = failedAttempts(events);
    assertThat(injected).isBetween(1L, 18L);

    SparkSession spark = TestSpark.session();
    ResultsFolder folder = new ResultsFolder(dir.resolve("out").toString(), "reference", spark.sparkContext().hadoopConfiguration());
    ReferenceTables.assertBitForBit(spark, folder);
    ReferenceTables.assertStatsMatch(spark, folder);
  }

  @Test
  void halfTheTextTasksFailingOnceChangeNoRow() throws Exception {
    Path events = Files.createDirectories(dir.resolve("text-events"));
    simulateWithFailures(TextReferenceTables.conf(), events, dir.resolve("text.log"),
        "--chunk-cells", "" + TextReferenceTables.CHUNK_CELLS, "--partitions", "" + TextReferenceTables.PARTITIONS,
        "--set", TextReferenceTables.output(dir.resolve("text")));
    // 5 chunks × 3 tasks: about 7 first attempts chosen to fail (at least one, or the test tests nothing).
    assertThat(failedAttempts(events)).isBetween(1L, 15L);
    TextReferenceTables.assertMatch(TestSpark.session(), dir.resolve("text").resolve("text-reference").toString());
  }

  /**
   * Simulates {@code conf} in its own JVM under {@code local[2,4]} with half the tasks failing once,
   * Spark's event log in {@code events}; {@code more} are further arguments. Asserts it exits 0.
   */
  private static void simulateWithFailures(Path conf, Path events, Path logFile, String... more) throws Exception {
    File log = logFile.toFile();
    List<String> args = new java.util.ArrayList<>(List.of("simulate", conf.toString(), "--master", "local[2,4]",
        "--set", "spark.collapsefarm.inject.task-failures=0.5",
        "--set", "spark.eventLog.enabled=true", "--set", "spark.eventLog.compress=false",
        "--set", "spark.eventLog.dir=\"" + events.toUri() + "\""));
    args.addAll(List.of(more));
    Process farm = JvmProcesses.start(List.of("-Xmx1g", "-cp", JvmProcesses.testClasspath()),
        "org.collapsefarm.jobs.Farm", args, Map.of(), log);
    try {
      assertThat(farm.waitFor(TIMEOUT_S, TimeUnit.SECONDS)).as("farm finished").isTrue();
      assertThat(farm.exitValue()).as("exit code; log:%n%s", Files.readString(log.toPath())).isZero();
    } finally {
      JvmProcesses.kill(farm);
    }
  }

  /** Task-end events of the event logs (Spark 4 rolls them into a folder per application) that are injected failures. */
  static long failedAttempts(Path events) throws Exception {
    long n = 0;
    try (Stream<Path> files = Files.walk(events)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try (Stream<String> lines = Files.lines(f)) {
          n += lines.filter(l -> l.contains("SparkListenerTaskEnd") && l.contains(TaskFaults.MESSAGE)).count();
        }
      }
    }
    return n;
  }
}
