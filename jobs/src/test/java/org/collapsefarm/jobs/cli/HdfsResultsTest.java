package org.collapsefarm.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.collapsefarm.jobs.KilledFarm;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.jobs.io.ChunkStore;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.io.TableStore;
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

  @Test
  void killedSweepResumesOnHdfsAndEveryStageReadsIt() throws Exception {
    String output = "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/farm";
    Path conf = Files.writeString(dir.resolve("hdfs.conf"), KilledFarm.sweep("onhdfs", 13, output));
    FileSystem fs = hdfs.getFileSystem();
    org.apache.hadoop.fs.Path manifests = new org.apache.hadoop.fs.Path("/farm/onhdfs/" + ChunkStore.CHUNKS_DIR + "/" + ChunkStore.MANIFESTS_DIR);
    KilledFarm.killAfterFirstCommit(conf, CHUNK_CELLS, () -> committed(fs, manifests), dir.resolve("farm.log").toFile());
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
    TableStore tables = new TableStore(new ResultsFolder(fs, new org.apache.hadoop.fs.Path("/farm/onhdfs")));
    assertThat(tables.names()).containsExactly("cells", "collapse_times", "comparison", "contexts",
        Tables.GENERATION_STATS, Tables.RUNS, "theory");

    FarmRunner.Result sql = FarmRunner.run("sql",
        "select count(*) as n, count(distinct r.cell_id) as d, count(c.cell_id) as matched from runs r left join cells c using (cell_id)",
        "--results", output + "/onhdfs", "--format", "csv");
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    long cells = sweep.cellCount();
    assertThat(sql.out().lines().toList()).containsExactly("n,d,matched", cells + "," + cells + "," + cells);
    FarmRunner.Result verdicts = FarmRunner.run("sql", "select count(*) from comparison", "--results", output + "/onhdfs", "--format", "csv");
    assertThat(verdicts.out().lines().skip(1).map(Long::parseLong).findFirst().orElseThrow()).isPositive();

  }

  private static long committed(FileSystem fs, org.apache.hadoop.fs.Path manifests) {
    try {
      if (!fs.exists(manifests)) {
        return 0;
      }
      long n = 0;
      for (FileStatus f : fs.listStatus(manifests)) {
        n += f.getPath().getName().endsWith(".manifest") ? 1 : 0;
      }
      return n;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
