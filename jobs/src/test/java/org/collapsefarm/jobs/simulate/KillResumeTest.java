package org.collapsefarm.jobs.simulate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.KilledFarm;
import org.collapsefarm.jobs.RunsTables;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import org.collapsefarm.jobs.io.ChunkStore;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.text.TextCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 item 5: a sweep killed part-way (SIGKILL to a separate JVM, by pid) and run again holds
 * every cell exactly once, with the same values as a run that was never interrupted — text sweeps too
 * (issue 11), whose resumed tables are the text reference's ({@link TextReferenceTables}) though a stray
 * file sits beside the encoded corpus.
 */
class KillResumeTest {
  private static final PrintStream QUIET = new PrintStream(NullOutputStream.INSTANCE);
  private static final int CHUNK_CELLS = 120;

  @TempDir Path dir;

  @Test
  void killedSweepResumesWithEveryCellExactlyOnce() throws Exception {
    Path output = dir.resolve("results");
    Path conf = Files.writeString(dir.resolve("kill.conf"), KilledFarm.sweep("kill", 11, output.toString()));
    Path chunks = output.resolve("kill").resolve(ChunkStore.CHUNKS_DIR);
    KilledFarm.killAfterFirstCommit(conf, CHUNK_CELLS, () -> committedChunks(chunks), dir.resolve("farm.log").toFile());
    Path root = output.resolve("kill");
    assertThat(root.resolve("_sweep").resolve("finalized")).doesNotExist();
    assertThat(root.resolve("_sweep").resolve("definition.sha256")).exists();

    SparkSession spark = TestSpark.session();
    Sweep sweep = SweepLoader.load(conf, List.of());
    int chunkCount = (int) ((sweep.cellCount() + CHUNK_CELLS - 1) / CHUNK_CELLS);
    int committedBefore = committedChunks(chunks);
    assertThat(committedBefore).isBetween(1, chunkCount - 1);

    SimulateJob.Outcome resumed = SimulateJob.run(spark, sweep, new SimulateJob.Options(0, CHUNK_CELLS, QUIET));
    assertThat(resumed.chunks()).isEqualTo(chunkCount);
    assertThat(resumed.computedChunks()).isEqualTo(chunkCount - committedBefore);
    assertThat(resumed.computedCells()).isLessThan(sweep.cellCount());

    // The uninterrupted run is one chunk, written straight as the final tables (no compaction).
    Path fresh = dir.resolve("fresh");
    Sweep uninterrupted = SweepLoader.load(conf, List.of("sweep.output=\"" + fresh.toString().replace("\\", "/") + "\""));
    SimulateJob.Outcome reference = SimulateJob.run(spark, uninterrupted, new SimulateJob.Options(0, 1_000_000, QUIET));

    List<Row> resumedRuns = RunsTables.comparable(spark, resumed.folder().table(Tables.RUNS));
    assertThat(resumedRuns).hasSize((int) sweep.cellCount());
    assertThat(resumedRuns.stream().map(r -> r.getString(0)).distinct().count()).isEqualTo(sweep.cellCount());
    assertThat(resumedRuns).isEqualTo(RunsTables.comparable(spark, reference.folder().table(Tables.RUNS)));

    // generation_stats: same runs and collapsed counts per (group, generation); sums equal up to
    // the order of floating-point additions (different chunking), relative 1e-12.
    List<Row> a = stats(spark, resumed);
    List<Row> b = stats(spark, reference);
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).getString(0)).isEqualTo(b.get(i).getString(0));
      assertThat(a.get(i).getInt(1)).isEqualTo(b.get(i).getInt(1));
      assertThat(a.get(i).getLong(2)).isEqualTo(b.get(i).getLong(2)).isEqualTo(sweep.replicates());
      assertThat(a.get(i).getLong(3)).isEqualTo(b.get(i).getLong(3));
      assertThat(a.get(i).getDouble(4)).isCloseTo(b.get(i).getDouble(4), org.assertj.core.data.Percentage.withPercentage(1e-10));
    }
  }

  @Test
  void killedTextSweepResumesToTheReferenceTables() throws Exception {
    Path conf = TextReferenceTables.conf();
    Path output = dir.resolve("text");
    Path root = output.resolve("text-reference");
    Path chunks = root.resolve(ChunkStore.CHUNKS_DIR);
    KilledFarm.killAfterFirstCommit(List.of("simulate", conf.toString(), "--master", "local[2]",
        "--set", TextReferenceTables.output(output),
        "--chunk-cells", "" + TextReferenceTables.CHUNK_CELLS, "--partitions", "" + TextReferenceTables.PARTITIONS),
        () -> committedChunks(chunks), dir.resolve("text.log").toFile());
    assertThat(root.resolve("_sweep").resolve("finalized")).doesNotExist();
    int committedBefore = committedChunks(chunks);
    assertThat(committedBefore).isBetween(1, 4);
    // A stray file beside an encoded corpus's committed files (what a failed write may leave) is never
    // read: the resumed run's executors read exactly the files the corpus's manifest names.
    List<Path> corpora;
    try (var folders = Files.list(root.resolve(TextCorpora.FOLDER))) {
      corpora = folders.toList();
    }
    assertThat(corpora).hasSize(1);
    assertThat(root.resolve(TableStore.TABLES_DIR).resolve(TextCorpora.FOLDER).resolve(corpora.get(0).getFileName() + ".manifest"))
        .isRegularFile();
    Files.write(corpora.get(0).resolve("train-stray-part-00000"), new byte[] {1, 2, 3});

    SparkSession spark = TestSpark.session();
    Sweep sweep = SweepLoader.load(conf, List.of(TextReferenceTables.output(output)));
    SimulateJob.Outcome resumed = SimulateJob.run(spark, sweep, new SimulateJob.Options(TextReferenceTables.PARTITIONS,
        TextReferenceTables.CHUNK_CELLS, QUIET));
    assertThat(resumed.chunks()).isEqualTo(5);
    assertThat(resumed.computedChunks()).isEqualTo(5 - committedBefore);
    TextReferenceTables.assertMatch(spark, root.toString());
  }

  private static List<Row> stats(SparkSession spark, SimulateJob.Outcome outcome) {
    return spark.read().parquet(outcome.folder().table(Tables.GENERATION_STATS))
        .select(col("group_id"), col("generation"), col("runs"), col("collapsed"), col("sigma_sum"))
        .orderBy("group_id", "generation").collectAsList();
  }

  private static int committedChunks(Path chunks) {
    File[] manifests = chunks.resolve(ChunkStore.MANIFESTS_DIR).toFile().listFiles((d, name) -> name.endsWith(".manifest"));
    return manifests == null ? 0 : manifests.length;
  }
}
