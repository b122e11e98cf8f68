package org.collapsefarm.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.collapsefarm.jobs.JvmProcesses;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.jobs.io.ChunkStore;
import org.collapsefarm.jobs.simulate.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 2: results on a real HDFS (Hadoop's MiniDFSCluster, one NameNode and one DataNode in
 * this JVM). {@code simulate} in its own JVM is killed (SIGKILL) once a chunk is committed, resumed
 * here, and {@code theory}, {@code compare} and {@code sql} read and write {@code hdfs://…}: every
 * cell exactly once (that a resume gives the rows of an uninterrupted run is KillResumeTest's and
 * ObjectStoreCommitTest's).
 */
class HdfsResultsTest {
  private static final long TIMEOUT_MS = 600_000; // a deadline, not a timing: a loaded 2-core machine is slow
  private static final int CHUNK_CELLS = 60;

  @TempDir static Path dir;
  static MiniDFSCluster hdfs;

  @BeforeAll
  static void startHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
  }

  @AfterAll
  static void stopHdfs() {
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  private static Path conf(String output) throws Exception {
    return Files.writeString(dir.resolve("hdfs.conf"), """
        sweep {
          name = onhdfs
          output = "%s"
          seed = 13
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
        """.formatted(output));
  }

  @Test
  void killedSweepResumesOnHdfsAndEveryStageReadsIt() throws Exception {
    String output = "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/farm";
    Path conf = conf(output);
    FileSystem fs = hdfs.getFileSystem();
    org.apache.hadoop.fs.Path manifests = new org.apache.hadoop.fs.Path("/farm/onhdfs/" + ChunkStore.CHUNKS_DIR + "/" + ChunkStore.MANIFESTS_DIR);

    File log = dir.resolve("farm.log").toFile();
    Process farm = JvmProcesses.start(List.of("-Xmx1g", "-cp", JvmProcesses.testClasspath()), "org.collapsefarm.jobs.Farm",
        List.of("simulate", conf.toString(), "--master", "local[2]", "--chunk-cells", "" + CHUNK_CELLS, "--partitions", "2"),
        Map.of(), log);
    try {
      long deadline = System.currentTimeMillis() + TIMEOUT_MS;
      while (committed(fs, manifests) < 1 && farm.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(committed(fs, manifests)).as("a chunk committed before the deadline; log: %s", Files.readString(log.toPath())).isPositive();
      assertThat(farm.isAlive()).as("farm still running after its first commit; log: %s", Files.readString(log.toPath())).isTrue();
    } finally {
      JvmProcesses.kill(farm);
    }
    assertThat(farm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Sweep sweep = SweepLoader.load(conf, List.of());
    int chunks = (int) ((sweep.cellCount() + CHUNK_CELLS - 1) / CHUNK_CELLS);
    assertThat(committed(fs, manifests)).isBetween(1L, chunks - 1L);
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/farm/onhdfs/_sweep/finalized"))).isFalse();

    FarmRunner.Result resumed = FarmRunner.run("simulate", conf.toString(), "--chunk-cells", "" + CHUNK_CELLS);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(committed(fs, manifests)).isEqualTo(chunks);
    for (String stage : List.of("theory", "compare")) {
      FarmRunner.Result r = FarmRunner.run(stage, conf.toString());
      assertThat(r.exitCode()).as("%s: %s", stage, r.err()).isZero();
    }
    for (String table : List.of(Tables.RUNS, Tables.GENERATION_STATS, "theory", "comparison", "collapse_times")) {
      assertThat(fs.exists(new org.apache.hadoop.fs.Path("/farm/onhdfs/" + table + "/_SUCCESS"))).as(table).isTrue();
    }

    FarmRunner.Result sql = FarmRunner.run("sql",
        "select count(*) as n, count(distinct r.cell_id) as d, count(c.cell_id) as matched from runs r left join cells c using (cell_id)",
        "--results", output + "/onhdfs", "--format", "csv");
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    long cells = sweep.cellCount();
    assertThat(sql.out().lines().toList()).containsExactly("n,d,matched", cells + "," + cells + "," + cells);
    FarmRunner.Result verdicts = FarmRunner.run("sql", "select count(*) from comparison", "--results", output + "/onhdfs", "--format", "csv");
    assertThat(verdicts.out().lines().skip(1).map(Long::parseLong).findFirst().orElseThrow()).isPositive();

  }

  private static long committed(FileSystem fs, org.apache.hadoop.fs.Path manifests) throws Exception {
    if (!fs.exists(manifests)) {
      return 0;
    }
    long n = 0;
    for (FileStatus f : fs.listStatus(manifests)) {
      n += f.getPath().getName().endsWith(".manifest") ? 1 : 0;
    }
    return n;
  }
}
