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
  void onlyRenamedChunksCountAsCommittedAndLeftoversAreCleared() throws Exception {
    ChunkStore store = new ChunkStore(folder());
    org.apache.hadoop.fs.Path a = store.begin(3);
    Files.createDirectories(Path.of(a.toUri()));
    Files.writeString(Path.of(a.toUri()).resolve("part-0"), "x");
    store.commit(3, a);
    org.apache.hadoop.fs.Path killed = store.begin(5); // an attempt that never commits
    Files.createDirectories(Path.of(killed.toUri()));
    assertThat(store.committed()).containsExactly(3);
    assertThat(Files.readString(Path.of(store.chunk(3).toUri()).resolve("part-0"))).isEqualTo("x");
    store.clearTemporary();
    assertThat(Files.exists(Path.of(killed.toUri()))).isFalse();
    assertThat(store.committed()).containsExactly(3);
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
