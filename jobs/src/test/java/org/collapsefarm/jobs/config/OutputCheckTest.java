package org.collapsefarm.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results-folder checks, on the local store and on Hadoop's (through a file: URI). */
class OutputCheckTest {
  @TempDir Path dir;

  private void writeMarker(Path results, String hash) throws IOException {
    Files.createDirectories(results.resolve("_sweep"));
    Files.writeString(results.resolve(OutputCheck.DEFINITION_HASH), hash + "\n");
  }

  @Test
  void missingOutputFolderIsFineAndIsNotCreated() throws ConfigException {
    Path out = dir.resolve("a/b/out");
    assertThat(OutputCheck.check(TestSweeps.small("s", out.toString()))).isEqualTo(OutputCheck.Status.NEW);
    assertThat(dir.resolve("a")).doesNotExist();
  }

  @Test
  void sameDefinitionResumes() throws IOException, ConfigException {
    Sweep s = TestSweeps.small("s", dir.toString());
    writeMarker(dir.resolve("s"), s.definitionHash());
    Files.createDirectories(dir.resolve("s/runs"));
    assertThat(OutputCheck.check(s)).isEqualTo(OutputCheck.Status.RESUME);
  }

  @Test
  void differentDefinitionIsRefusedWithTheWayOut() throws IOException {
    Sweep s = TestSweeps.small("s", dir.toString());
    writeMarker(dir.resolve("s"), "0".repeat(64));
    assertThatThrownBy(() -> OutputCheck.check(s))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sweep.name"))
        .hasMessageContaining("different sweep definition")
        .hasMessageContaining("another sweep.name")
        .hasMessageContaining("delete the folder");
  }

  @Test
  void differentSeedMakesADifferentDefinition() throws IOException {
    Sweep s = TestSweeps.small("s", dir.toString());
    Sweep other = new Sweep(s.name(), s.output(), s.seed() + 1, s.replicates(), s.maxGenerations(), s.trajectories(),
        null, s.sparkConf(), s.contexts(), s.groups(),
        s.definition().replace("seed=7", "seed=8"), Definition.sha256(s.definition().replace("seed=7", "seed=8")));
    writeMarker(dir.resolve("s"), s.definitionHash());
    assertThatThrownBy(() -> OutputCheck.check(other)).isInstanceOf(ConfigException.class);
  }

  @Test
  void outputThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> OutputCheck.check(TestSweeps.small("s", file.toString())))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sweep.output"))
        .hasMessageContaining("is a file");
  }

  @Test
  void outputBelowAFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> OutputCheck.check(TestSweeps.small("s", file.resolve("deeper").toString())))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sweep.output"))
        .hasMessageContaining("is a file");
  }

  @Test
  void resultsFolderThatIsAFileIsRefused() throws IOException {
    Files.writeString(dir.resolve("s"), "x");
    assertThatThrownBy(() -> OutputCheck.check(TestSweeps.small("s", dir.toString())))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sweep.name"));
  }

  @Test
  void foreignFolderIsRefused() throws IOException {
    Files.createDirectories(dir.resolve("s/holiday-photos"));
    assertThatThrownBy(() -> OutputCheck.check(TestSweeps.small("s", dir.toString())))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sweep.name"))
        .hasMessageContaining("not a collapse-farm results folder")
        .hasMessageContaining("holiday-photos");
  }

  @Test
  void folderWithOnlyAnUnfinishedMarkerFolderIsAccepted() throws IOException {
    Files.createDirectories(dir.resolve("s/_sweep"));
    assertThatCode(() -> OutputCheck.check(TestSweeps.small("s", dir.toString()))).doesNotThrowAnyException();
  }

  @Test
  void fileUriIsTheLocalFolder() throws IOException {
    Sweep s = TestSweeps.small("s", dir.toUri().toString());
    writeMarker(dir.resolve("s"), "f".repeat(64));
    assertThatThrownBy(() -> OutputCheck.check(s)).hasMessageContaining("different sweep definition");
  }

  @Test
  void hadoopStoreGivesTheSameAnswers() throws Exception {
    Sweep s = TestSweeps.small("s", dir.toString());
    try (ResultsStore store = new ResultsStore.Hadoop(URI.create(dir.toUri().toString()))) {
      assertThat(OutputCheck.check(s, store)).isEqualTo(OutputCheck.Status.NEW);
      writeMarker(dir.resolve("s"), s.definitionHash());
      assertThat(OutputCheck.check(s, store)).isEqualTo(OutputCheck.Status.RESUME);
      writeMarker(dir.resolve("s"), "0".repeat(64));
      assertThatThrownBy(() -> OutputCheck.check(s, store)).hasMessageContaining("different sweep definition");
    }
    Path file = Files.writeString(dir.resolve("file"), "x");
    try (ResultsStore store = new ResultsStore.Hadoop(file.toUri())) {
      assertThatThrownBy(() -> OutputCheck.check(s, store)).hasMessageContaining("is a file");
    }
  }
}
