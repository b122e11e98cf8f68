package org.collapsefarm.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.collapsefarm.jobs.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables are read through their manifests only; a write replaces a table and cleans its folder. */
class TableStoreTest {
  private static final StructType SCHEMA = new StructType().add("x", DataTypes.LongType);

  @TempDir Path dir;

  private static Dataset<Row> rows(SparkSession spark, long from, long to) {
    return spark.createDataFrame(LongStream.range(from, to).mapToObj(x -> RowFactory.create(x)).toList(), SCHEMA)
        .repartition(2);
  }

  @Test
  void readersSeeTheManifestsFilesAndAWriteReplacesAndCleans() throws Exception {
    SparkSession spark = TestSpark.session();
    ResultsFolder folder = new ResultsFolder(dir.toString(), "s", spark.sparkContext().hadoopConfiguration());
    TableStore tables = new TableStore(folder);
    assertThat(tables.names()).isEmpty();
    assertThatThrownBy(() -> tables.read(spark, "t")).isInstanceOf(MissingInputException.class)
        .hasMessageContaining("no committed table 't'");

    TableManifest first = tables.write(rows(spark, 0, 10), "t");
    assertThat(first.files()).hasSize(2);
    assertThat(tables.names()).containsExactly("t");
    assertThat(tables.read(spark, "t").count()).isEqualTo(10);

    // What a failed attempt left (a complete Parquet file and a half-written one) is not read ...
    Path table = dir.resolve("s").resolve("t");
    Path stray = table.resolve("part-00009-stray.snappy.parquet");
    Files.copy(table.resolve(first.files().get(0).path()), stray);
    Files.writeString(table.resolve("part-00010-torn.snappy.parquet"), "PAR1");
    assertThat(tables.read(spark, "t").count()).isEqualTo(10);

    // ... and the next write deletes it with the previous version's files.
    TableManifest second = tables.write(rows(spark, 100, 103), "t");
    assertThat(tables.read(spark, "t").orderBy("x").collectAsList())
        .containsExactly(RowFactory.create(100L), RowFactory.create(101L), RowFactory.create(102L));
    assertThat(folder.dataFiles(new org.apache.hadoop.fs.Path(folder.table("t")), "t")).isEqualTo(second.files());
    assertThat(second.files()).doesNotContainAnyElementsOf(first.files());
    assertThat(Files.exists(stray)).isFalse();
  }

  @Test
  void aTornManifestIsNoManifest() {
    TableManifest m = new TableManifest("runs", List.of(new DataFile("runs", "part-0.parquet", 5)));
    assertThat(TableManifest.parse(m.text())).contains(m);
    String text = m.text();
    for (int cut = 0; cut < text.length() - 1; cut++) {
      assertThat(TableManifest.parse(text.substring(0, cut))).as("cut at %d", cut).isEmpty();
    }
    assertThat(TableManifest.parse(new ChunkManifest(1, 2, "a", m.files()).text())).isEmpty();
  }
}
