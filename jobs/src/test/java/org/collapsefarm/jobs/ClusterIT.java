package org.collapsefarm.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.jobs.io.ChunkStore;
import org.collapsefarm.jobs.simulate.SimulateJob;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.jobs.simulate.TextReferenceTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 items 6–7 and issue 13 item 4: the application jar submitted with submit/spark-submit.sh to
 * a real standalone cluster (a Master and two Workers on 127.0.0.1) writes the same runs table, bit
 * for bit, as local mode — with speculation on and a share of the tasks' first attempts slow on
 * purpose ({@code spark.collapsefarm.inject.slow-tasks}), so that speculative copies do run (the event
 * log's task ends say so; local mode never speculates), a share failing once on purpose ({@code
 * spark.collapsefarm.inject.task-failures}), and one Worker killed with its executor after the first
 * chunk is committed, so that the sweep ends on the other. A text sweep (issue 11) submitted to the
 * same cluster writes the text reference's tables ({@link TextReferenceTables}). Runs in {@code mvn
 * verify} after packaging (needs the shaded jar and spark-home).
 */
class ClusterIT {
  private static final long SUBMIT_TIMEOUT_S = 300;
  /** 160 cells in chunks of 40: a Worker lost after the first leaves three for the other. */
  private static final int CHUNKS = 4;
  @TempDir static Path dir;
  static StandaloneCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new StandaloneCluster(Path.of(System.getProperty("farm.spark.home")), dir, 2);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void clusterRunsEqualLocalRunsBitForBit() throws Exception {
    assertThat(Path.of(System.getProperty("farm.app.jar"))).exists();
    Path conf = dir.resolve("cluster.conf");
    Path events = Files.createDirectories(dir.resolve("events"));
    Path clusterOut = dir.resolve("cluster-results");
    Files.writeString(conf, """
        sweep {
          name = cluster
          output = "%s"
          seed = 5
          replicates = 40
          max-generations = 200
          contexts = [ { family = explicit, probs = [0.5, 0.25, 0.125, 0.125] } ]
          paradigms = [
            { paradigm = fully-synthetic, n = [2, 8, 32] }
            { paradigm = partially-synthetic, n = 8, real-n = 8 }
          ]
        }
        """.formatted(clusterOut.toString().replace("\\", "/")));

    Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("submit").resolve("spark-submit.sh");
    List<String> command = new ArrayList<>(List.of("bash", script.toString(), conf.toString(),
        "--master", cluster.masterUrl(), "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=512m",
        "--conf", "spark.collapsefarm.inject.task-failures=0.3", "--conf", "spark.collapsefarm.inject.slow-tasks=0.3",
        "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.compress=false",
        "--conf", "spark.eventLog.dir=" + events.toUri(),
        // Speculate early and often: copies of slow tasks race their originals to commit.
        "--conf", "spark.speculation=true", "--conf", "spark.speculation.interval=100ms",
        "--conf", "spark.speculation.quantile=0.5", "--conf", "spark.speculation.multiplier=1.2",
        "--conf", "spark.speculation.minTaskRuntime=100ms", "--conf", "spark.speculation.efficiency.enabled=false",
        "--", "--partitions", "7", "--chunk-cells", "40"));
    File log = dir.resolve("submit.log").toFile();
    Process submit = submitSimulate(command, log);
    Path manifests = clusterOut.resolve("cluster").resolve(ChunkStore.CHUNKS_DIR).resolve(ChunkStore.MANIFESTS_DIR);
    try {
      // Lose a Worker and its executor once the first chunk is committed: the rest runs on the other.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SUBMIT_TIMEOUT_S);
      while (manifests(manifests) == 0 && submit.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(submit.isAlive()).as("still running after the first commit; log:%n%s", Files.readString(log.toPath())).isTrue();
      cluster.killWorker(1);
      assertThat(manifests(manifests)).as("chunks committed when the Worker died").isLessThan(CHUNKS);
      assertThat(submit.waitFor(SUBMIT_TIMEOUT_S, TimeUnit.SECONDS)).as("spark-submit finished").isTrue();
      assertThat(submit.exitValue()).as("spark-submit exit code; log:%n%s", Files.readString(log.toPath())).isZero();
    } finally {
      JvmProcesses.kill(submit);
      submit.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    assertThat(manifests(manifests)).isEqualTo(CHUNKS);
    assertThat(events(events, "SparkListenerExecutorRemoved")).as("an executor was lost").isPositive();
    assertThat(events(events, "injected task failure")).as("injected failures").isPositive();
    // A speculative copy ran to its end (it won, or lost and was killed) in the sweep's tasks.
    assertThat(events(events, "\"Event\":\"SparkListenerTaskEnd\"", "\"Speculative\":true"))
        .as("speculative task attempts that ended").isPositive();
    // The application ran on the cluster and its executors, not in a local master.
    String state = cluster.state();
    assertThat(state).contains("\"completedapps\"").contains("collapse-farm cluster").contains("FINISHED");
    assertThat(state).containsPattern("\"aliveworkers\"\\s*:\\s*1\\b");

    SparkSession spark = TestSpark.session();
    Path localOut = dir.resolve("local-results");
    Sweep local = SweepLoader.load(conf, List.of("sweep.output=\"" + localOut.toString().replace("\\", "/") + "\""));
    SimulateJob.Outcome outcome = SimulateJob.run(spark, local,
        new SimulateJob.Options(1, SimulateJob.AUTOMATIC_CHUNKS, new PrintStream(NullOutputStream.INSTANCE)));
    List<Row> localRuns = RunsTables.comparable(spark, outcome.folder().table(Tables.RUNS));
    List<Row> clusterRuns = RunsTables.comparable(spark, clusterOut.resolve("cluster").resolve(Tables.RUNS).toString());
    assertThat(localRuns).hasSize((int) local.cellCount());
    assertThat(clusterRuns).isEqualTo(localRuns);
  }

  @Test
  void textSweepOnTheClusterWritesTheReferenceTables() throws Exception {
    Path out = dir.resolve("text-results");
    Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("submit").resolve("spark-submit.sh");
    // The corpus path is relative to the module folder (TextReferenceTables), the submitting JVM's working
    // directory: the driver resolves it, the executors read the splits and the encoded corpus by full paths.
    List<String> command = new ArrayList<>(List.of("bash", script.toString(), TextReferenceTables.conf().toString(),
        "--master", cluster.masterUrl(), "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=512m",
        "--", "--partitions", "" + TextReferenceTables.PARTITIONS, "--chunk-cells", "" + TextReferenceTables.CHUNK_CELLS,
        "--set", TextReferenceTables.output(out)));
    File log = dir.resolve("text-submit.log").toFile();
    Process submit = submitSimulate(command, log);
    try {
      assertThat(submit.waitFor(SUBMIT_TIMEOUT_S, TimeUnit.SECONDS)).as("spark-submit finished").isTrue();
      assertThat(submit.exitValue()).as("spark-submit exit code; log:%n%s", Files.readString(log.toPath())).isZero();
    } finally {
      JvmProcesses.kill(submit);
      submit.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    // submit/spark-submit.sh names the application after the configuration file (text-reference/sweep.conf).
    assertThat(cluster.state()).contains("collapse-farm sweep");
    TextReferenceTables.assertMatch(TestSpark.session(), out.resolve("text-reference").toString());
  }

  /** Starts {@code command} (submit/spark-submit.sh …) as {@code farm simulate} on the cluster, output to {@code log}. */
  private static Process submitSimulate(List<String> command, File log) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    pb.environment().putAll(cluster.env());
    pb.environment().remove("SPARK_HOME"); // the wrapper then uses SparkSubmit from the Maven jars
    pb.environment().put("FARM_COMMAND", "simulate");
    Process submit = pb.start();
    return submit;
  }

  /** Committed chunks: manifest files in {@code folder} (0 before it exists). */
  private static long manifests(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (var files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".manifest")).count();
    }
  }

  /** Lines of the event logs under {@code events} (rolled into a folder per application) that mention every text. */
  private static long events(Path events, String... texts) throws Exception {
    long n = 0;
    try (var files = Files.walk(events)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try (var lines = Files.lines(f)) {
          n += lines.filter(l -> java.util.Arrays.stream(texts).allMatch(l::contains)).count();
        }
      }
    }
    return n;
  }
}
