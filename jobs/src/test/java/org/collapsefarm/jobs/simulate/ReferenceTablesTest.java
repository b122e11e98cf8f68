package org.collapsefarm.jobs.simulate;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.TestSpark;
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
}
