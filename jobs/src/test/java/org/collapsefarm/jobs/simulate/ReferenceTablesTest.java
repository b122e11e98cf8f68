package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.io.ChunkStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 1: the tables of the reference sweep are those written by the code that built every
 * cell on the driver ({@link ReferenceTables}).
 */
class ReferenceTablesTest {
  private static final PrintStream QUIET = new PrintStream(NullOutputStream.INSTANCE);

  @TempDir static Path dir;
  static SparkSession spark;
  static SimulateJob.Outcome outcome;

  @BeforeAll
  static void simulate() throws Exception {
    spark = TestSpark.session();
    outcome = SimulateJob.run(spark, ReferenceTables.sweep(dir.toString()),
        new SimulateJob.Options(ReferenceTables.PARTITIONS, ReferenceTables.CHUNK_CELLS, QUIET));
    ReferenceTables.writeIfAsked(spark, outcome.folder());
  }

  @Test
  void cellsRunsAndTrajectoriesAreTheReferenceBitForBit() {
    ReferenceTables.assertBitForBit(spark, outcome.folder());
  }

  @Test
  void generationStatsAreTheReferenceUpToTheOrderOfAdditions() {
    ReferenceTables.assertStatsMatch(spark, outcome.folder());
  }

  /**
   * The same sweep in one chunk, written straight as the final tables (no chunk files, no
   * compaction): the same runs and trajectories, bit for bit, and generation_stats.
   */
  @Test
  void oneChunkWrittenStraightIsTheReferenceToo() throws Exception {
    SimulateJob.Outcome whole = SimulateJob.run(spark, ReferenceTables.sweep(dir.resolve("whole").toString()),
        new SimulateJob.Options(ReferenceTables.PARTITIONS, Integer.MAX_VALUE, QUIET));
    assertThat(whole.chunks()).isEqualTo(1);
    assertThat(whole.folder().exists(new org.apache.hadoop.fs.Path(whole.folder().root(), ChunkStore.CHUNKS_DIR + "/"
        + ChunkStore.MANIFESTS_DIR))).as("no chunk was committed on its own").isFalse();
    // cells differ in their chunk column alone (a function of the chunk count, all 0 here)
    ReferenceTables.assertBitForBit(spark, whole.folder(), List.of(Tables.RUNS, Tables.TRAJECTORIES));
    ReferenceTables.assertStatsMatch(spark, whole.folder());
  }
}
