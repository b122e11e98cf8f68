package org.collapsefarm.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkStoreTest {
  @TempDir Path dir;

  private ResultsFolder folder() {
    return new ResultsFolder(dir.toString(), "s", new Configuration());
  }

  @Test
  void onlyManifestsMakeChunksAndTheirFilesVisible() throws Exception {
    ChunkStore store = new ChunkStore(folder());
    org.apache.hadoop.fs.Path a = store.begin(3);
    Path runs = Files.createDirectories(Path.of(a.toUri()).resolve("runs"));
    Files.writeString(runs.resolve("part-0.parquet"), "xy");
    Files.writeString(runs.resolve("_SUCCESS"), "");
    Files.writeString(runs.resolve(".part-0.parquet.crc"), "");
    ChunkManifest manifest = store.commit(3, a, 17);
    assertThat(manifest.files()).containsExactly(new DataFile("runs", "part-0.parquet", 2));
    // An attempt that wrote its data but never its manifest: invisible to every reader.
    org.apache.hadoop.fs.Path killed = store.begin(5);
    Files.createDirectories(Path.of(killed.toUri()).resolve("runs"));
    Files.writeString(Path.of(killed.toUri()).resolve("runs").resolve("part-9.parquet"), "z");
    assertThat(store.committed()).containsOnlyKeys(3);
    assertThat(store.committed().get(3)).isEqualTo(manifest);
    assertThat(store.committed().get(3).cells()).isEqualTo(17);
    assertThat(store.tableFiles("runs")).containsExactly(new org.apache.hadoop.fs.Path(a, "runs/part-0.parquet").toString());
    assertThat(store.tableFiles("trajectories")).isEmpty();
    // The next attempt at chunk 5 deletes the leftovers; a committed chunk cannot be begun again.
    org.apache.hadoop.fs.Path again = store.begin(5);
    assertThat(Files.exists(Path.of(killed.toUri()))).isFalse();
    assertThat(again).isNotEqualTo(killed);
    assertThatThrownBy(() -> store.begin(3)).hasMessageContaining("already committed");
  }

  @Test
  void aTornManifestIsNoManifest() {
    ChunkManifest m = new ChunkManifest(4, 9, "attempt-x",
        java.util.List.of(new DataFile("runs", "part-0.parquet", 5)));
    assertThat(ChunkManifest.parse(m.text())).contains(m);
    String text = m.text();
    for (int cut = 0; cut < text.length() - 1; cut++) {
      assertThat(ChunkManifest.parse(text.substring(0, cut))).as("cut at %d", cut).isEmpty();
    }
  }

  @Test
  void chunkCountIsFixedAtTheFirstStart() {
    assertThat(new ChunkStore(folder()).chunkCount(7)).isEqualTo(7);
    assertThat(new ChunkStore(folder()).chunkCount(2)).isEqualTo(7);
  }

  @Test
  void definitionMarkerWrittenOnceAndGuarded() throws Exception {
    ResultsFolder f = folder();
    f.writeDefinition("def-text", "abc");
    f.writeDefinition("def-text", "abc");
    Path sweepDir = dir.resolve("s").resolve("_sweep");
    assertThat(Files.readString(sweepDir.resolve("definition.conf"))).isEqualTo("def-text");
    assertThat(Files.readString(sweepDir.resolve("definition.sha256")).trim()).isEqualTo("abc");
    try (var files = Files.list(sweepDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "definition.conf", "definition.sha256", ".definition.conf.crc", ".definition.sha256.crc");
    }
    assertThatThrownBy(() -> f.writeDefinition("other", "def")).hasMessageContaining("different sweep definition");
  }
}
