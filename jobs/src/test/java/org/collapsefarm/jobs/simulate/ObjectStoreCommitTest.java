package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.RunsTables;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.io.ChunkManifest;
import org.collapsefarm.jobs.io.ChunkStore;
import org.collapsefarm.jobs.io.DataFile;
import org.collapsefarm.jobs.io.NonAtomicRenameFileSystem;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.sql.ResultsViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 3: chunk and table commits on a file system whose folder renames are copies, file by
 * file, as on S3 and GCS ({@link NonAtomicRenameFileSystem}). A crash between a chunk's data and its
 * manifest, then a crash half-way through copying a chunk's files, then a crash between the compacted
 * runs table's data and its manifest, and a fourth start completes the sweep: every cell exactly
 * once, the tables those of the reference ({@link ReferenceTables}), no file of the failed attempts
 * left, and a stray file in a table folder not read.
 */
class ObjectStoreCommitTest {
  private static final PrintStream QUIET = new PrintStream(NullOutputStream.INSTANCE);
  private static final SimulateJob.Options OPTIONS =
      new SimulateJob.Options(ReferenceTables.PARTITIONS, ReferenceTables.CHUNK_CELLS, QUIET);

  @TempDir Path dir;

  @AfterEach
  void noMoreCrashes() {
    NonAtomicRenameFileSystem.crashOnCreate = p -> false;
    NonAtomicRenameFileSystem.crashAfterFileCopies.set(-1);
  }

  @Test
  void crashesBeforeTheManifestLeaveNothingVisibleAndTheResumeIsTheReference() throws Exception {
    SparkSession spark = TestSpark.session();
    NonAtomicRenameFileSystem.register(spark.sparkContext().hadoopConfiguration());
    Sweep sweep = ReferenceTables.sweep(NonAtomicRenameFileSystem.SCHEME + "://" + dir.toUri().getPath());
    Path root = dir.resolve("reference");
    Path chunks = root.resolve(ChunkStore.CHUNKS_DIR);

    // 1. Chunk 2's data is written (its Spark job copied its files into place), then the process dies
    //    as it creates the manifest.
    NonAtomicRenameFileSystem.crashOnCreate = p -> p.getName().startsWith(".chunk-00002.manifest");
    int copiesBefore = NonAtomicRenameFileSystem.folderCopies.get();
    assertThatThrownBy(() -> SimulateJob.run(spark, sweep, OPTIONS)).hasStackTraceContaining("simulated crash");
    assertThat(NonAtomicRenameFileSystem.folderCopies.get()).as("Spark's commits copied folders").isGreaterThan(copiesBefore);
    assertThat(manifests(chunks)).containsExactly("chunk-00000.manifest", "chunk-00001.manifest");
    assertThat(dataFiles(chunks.resolve("chunk-00002"))).as("chunk 2's data, without a manifest").isNotEmpty();
    ResultsFolder folder = new ResultsFolder(sweep.output(), sweep.name(), spark.sparkContext().hadoopConfiguration());
    assertThat(new ChunkStore(folder).committed()).containsOnlyKeys(0, 1);

    // 2. The next start dies half-way through copying a task's files into a chunk's table folder.
    NonAtomicRenameFileSystem.crashAfterFileCopies.set(1);
    assertThatThrownBy(() -> SimulateJob.run(spark, sweep, OPTIONS)).hasStackTraceContaining("simulated crash");
    assertThat(folder.exists(folder.sweepFile(ResultsFolder.FINALIZED))).isFalse();

    // 3. The next start commits every chunk and writes the compacted runs table's data, then dies as
    //    it creates that table's manifest: the files are there, the table is not.
    NonAtomicRenameFileSystem.crashAfterFileCopies.set(-1);
    NonAtomicRenameFileSystem.crashOnCreate = p -> p.getName().startsWith("." + Tables.RUNS + ".manifest");
    assertThatThrownBy(() -> SimulateJob.run(spark, sweep, OPTIONS)).hasStackTraceContaining("simulated crash");
    TableStore tables = new TableStore(folder);
    assertThat(new ChunkStore(folder).committed()).hasSize(6);
    assertThat(dataFiles(root.resolve(Tables.RUNS))).as("the compacted runs' data, without a manifest").isNotEmpty();
    assertThat(tables.exists(Tables.RUNS)).isFalse();
    assertThat(SimulateJob.finished(folder)).isFalse();
    List<Path> unnamed = dataFiles(root.resolve(Tables.RUNS));

    // 4. A clean start finishes the sweep from the manifests alone, and deletes the unnamed files.
    SimulateJob.Outcome outcome = SimulateJob.run(spark, sweep, OPTIONS);
    assertThat(outcome.chunks()).isEqualTo(6);
    assertThat(outcome.computedChunks()).isZero();
    assertThat(unnamed).noneMatch(Files::exists);

    List<Row> runs = RunsTables.comparable(spark, outcome.folder().table(Tables.RUNS));
    assertThat(runs).hasSize((int) sweep.cellCount());
    assertThat(runs.stream().map(r -> r.getString(0)).distinct().count()).isEqualTo(sweep.cellCount());
    ReferenceTables.assertBitForBit(spark, outcome.folder());
    ReferenceTables.assertStatsMatch(spark, outcome.folder());

    // Every data file under _chunks/ is one a manifest names: the failed attempts' files are gone.
    Set<String> named = new ChunkStore(folder).committed().values().stream()
        .flatMap(m -> m.files().stream().map(f -> "chunk-%05d/%s/%s/%s".formatted(m.chunk(), m.attempt(), f.table(), f.path())))
        .collect(Collectors.toSet());
    assertThat(dataFiles(chunks).stream().map(p -> chunks.relativize(p).toString()).collect(Collectors.toSet()))
        .isEqualTo(named);
    assertThat(new ChunkStore(folder).committed().values().stream().mapToLong(ChunkManifest::cells).sum())
        .isEqualTo(sweep.cellCount());
    // ... and every table folder holds exactly the files its manifest names.
    for (String table : tables.names()) {
      assertThat(dataFiles(root.resolve(table)).stream().map(p -> p.getFileName().toString()).sorted().toList())
          .as(table).isEqualTo(tables.manifest(table).orElseThrow().files().stream().map(DataFile::path).toList());
    }

    // A stray complete Parquet file in a table folder (a copy of one of its own files) is not read
    // by the farm's readers, e.g. the views of `farm sql`.
    for (String table : List.of(Tables.RUNS, Tables.GENERATION_STATS)) {
      Path file = root.resolve(table).resolve(tables.manifest(table).orElseThrow().files().get(0).path());
      Files.copy(file, file.resolveSibling("part-99999-stray.snappy.parquet"));
    }
    assertThat(spark.read().parquet(root.resolve(Tables.RUNS).toString()).count())
        .as("a directory listing reads the stray file").isGreaterThan(sweep.cellCount());
    ResultsViews.register(spark, folder.fs(), folder.root());
    assertThat(spark.sql("SELECT count(*), count(DISTINCT cell_id) FROM runs").first())
        .isEqualTo(RowFactory.create(sweep.cellCount(), sweep.cellCount()));
    assertThat(spark.sql("SELECT count(*) FROM generation_stats").first().getLong(0))
        .isEqualTo(tables.read(spark, Tables.GENERATION_STATS).count())
        .isLessThan(spark.read().parquet(root.resolve(Tables.GENERATION_STATS).toString()).count());
    ReferenceTables.assertBitForBit(spark, outcome.folder());
  }

  private static List<String> manifests(Path chunks) throws Exception {
    try (Stream<Path> files = Files.list(chunks.resolve(ChunkStore.MANIFESTS_DIR))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".manifest")).sorted().toList();
    }
  }

  /** Data files (not Spark's markers or hidden files) below {@code root}, manifests excluded. */
  private static List<Path> dataFiles(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.toString().contains(ChunkStore.MANIFESTS_DIR))
          .toList();
    }
  }
}
