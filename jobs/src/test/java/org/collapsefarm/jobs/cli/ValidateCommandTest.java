package org.collapsefarm.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code farm validate} on good input, and the command line's own argument errors. */
class ValidateCommandTest {
  @TempDir Path dir;

  private Path conf(String text) throws IOException {
    return Files.writeString(dir.resolve("sweep.conf"), text.replace("@OUT@", dir.resolve("out").toString()));
  }

  private static final String GOOD = """
      sweep {
        name = good
        output = "@OUT@"
        replicates = 7
        max-generations = 500
        contexts = [ { family = uniform, vocabulary = [2, 10] }, { family = explicit, probs = [0.5, 0.3, 0.2] } ]
        paradigms = [
          { paradigm = fully-synthetic, n = [10, 20] }
          { paradigm = accumulate, n = 10 }
        ]
      }
      """;

  @Test
  void goodSweepPrintsThePlanAndWritesNothing() throws IOException {
    Path conf = conf(GOOD);
    var before = FarmRunner.tree(dir);
    FarmRunner.Result r = FarmRunner.run("validate", conf.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("sweep good -> " + dir.resolve("out").resolve("good"))
        .contains("contexts: 3")
        .contains("parameter sets: 3")
        .contains("groups: 9 = 3 contexts x 3 parameter sets")
        .contains("cells:  63 = 9 groups x 7 replicates")
        .contains("uniform(vocabulary=10)")
        .contains("no results yet");
    assertThat(FarmRunner.tree(dir)).isEqualTo(before);
  }

  @Test
  void aBillionCellSweepIsPlannedFromItsGroupsAlone() throws IOException {
    // Issue 13 item 1: 9 groups × 111,111,112 replicates ≈ 10^9 cells; the plan is O(groups), so this
    // takes as long as the 63-cell sweep (no timing asserted: -Xmx of the test fork is the guard).
    FarmRunner.Result r = FarmRunner.run("validate", conf(GOOD).toString(), "--set", "sweep.replicates=111111112",
        "--set", "sweep.max-cells=2000000000");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("cells:  1,000,000,008 = 9 groups x 111,111,112 replicates");
  }

  @Test
  void overridesApplyAndVerboseIsAcceptedBeforeAndAfterTheSubcommand() throws IOException {
    Path conf = conf(GOOD);
    FarmRunner.Result r = FarmRunner.run("--verbose", "validate", conf.toString(), "--set", "sweep.replicates=2",
        "--set", "sweep.paradigms=[{paradigm=fully-synthetic, n=[1,2,3,4]}]");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("cells:  24 = 12 groups x 2 replicates");
    FarmRunner.Result r2 = FarmRunner.run("validate", "--verbose", conf.toString());
    assertThat(r2.exitCode()).as(r2.err()).isZero();
  }

  @Test
  void existingResultsOfAnotherSweepAreRefusedByValidate() throws IOException {
    Path conf = conf(GOOD);
    Path marker = dir.resolve("out/good/_sweep/definition.sha256");
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, "0".repeat(64));
    var before = FarmRunner.tree(dir);
    FarmRunner.Result r = FarmRunner.run("validate", conf.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("error: sweep.name: ").contains("different sweep definition");
    assertThat(FarmRunner.tree(dir)).isEqualTo(before);
  }

  @Test
  void existingResultsOfTheSameSweepAreReportedAsAResume() throws IOException {
    Path conf = conf(GOOD);
    FarmRunner.Result first = FarmRunner.run("validate", conf.toString());
    String hash = first.out().lines().filter(l -> l.contains("definition sha256")).findFirst().orElseThrow()
        .replaceAll(".*sha256 ", "").trim();
    Path marker = dir.resolve("out/good/_sweep/definition.sha256");
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, hash + "\n");
    FarmRunner.Result r = FarmRunner.run("validate", conf.toString(), "--set", "spark.master=local[1]");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("a run resumes them");
  }

  @Test
  void outputThatIsAFileIsRefusedByValidate() throws IOException {
    Path conf = conf(GOOD);
    Files.writeString(dir.resolve("out"), "not a folder");
    FarmRunner.Result r = FarmRunner.run("validate", conf.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("error: sweep.output: ").contains("is a file");
  }

  @Test
  void theShippedConfigurationsValidate() {
    for (String name : new String[] {"quickstart", "cot-replace-grid"}) {
      Path conf = Path.of("..", "conf", name + ".conf");
      FarmRunner.Result r = FarmRunner.run("validate", conf.toString(), "--set", "sweep.output=\"" + dir.resolve("out") + "\"");
      assertThat(r.exitCode()).as(name + ": " + r.err()).isZero();
    }
  }
}
