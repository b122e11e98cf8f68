package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.FarmRunner;
import org.collapsefarm.jobs.io.ChunkStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a text sweep through the chunked simulate job (five chunks, three partitions) writes the
 * tables the unchunked text job wrote ({@link TextReferenceTables}) — and so does the same sweep in one
 * chunk, whose tables are written straight as the final ones (no chunk files, no compaction).
 */
class TextReferenceTablesTest {
  @TempDir Path dir;

  @Test
  void theChunkedJobWritesTheUnchunkedJobsTextTables() throws Exception {
    SparkSession spark = TestSpark.session();
    FarmRunner.Result r = FarmRunner.run("simulate", TextReferenceTables.conf().toString(),
        "--partitions", "" + TextReferenceTables.PARTITIONS, "--chunk-cells", "" + TextReferenceTables.CHUNK_CELLS,
        "--set", TextReferenceTables.output(dir));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("simulate: 48 cells in 5 chunks").contains("probes, samples");
    String results = dir.resolve("text-reference").toString();
    TextReferenceTables.writeIfAsked(spark, results);
    TextReferenceTables.assertMatch(spark, results);
  }

  @Test
  void oneChunkWrittenStraightIsTheReferenceToo() throws Exception {
    SparkSession spark = TestSpark.session();
    FarmRunner.Result r = FarmRunner.run("simulate", TextReferenceTables.conf().toString(),
        "--partitions", "" + TextReferenceTables.PARTITIONS, "--chunk-cells", "1000", "--set", TextReferenceTables.output(dir));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("simulate: 48 cells in 1 chunks");
    Path results = dir.resolve("text-reference");
    assertThat(results.resolve(ChunkStore.CHUNKS_DIR).resolve(ChunkStore.MANIFESTS_DIR)).as("no chunk committed on its own")
        .doesNotExist();
    TextReferenceTables.assertMatch(spark, results.toString());
  }
}
