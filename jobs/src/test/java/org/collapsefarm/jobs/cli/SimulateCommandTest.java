package org.collapsefarm.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The run and simulate commands in-process, on the fork's shared local session (left running). */
class SimulateCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void session() {
    TestSpark.session();
  }

  private Path conf(String name) throws Exception {
    Path conf = dir.resolve(name + ".conf");
    Files.writeString(conf, """
        sweep {
          name = %s
          output = "%s"
          seed = 3
          replicates = 30
          max-generations = 150
          contexts = [ { family = explicit, probs = [0.6, 0.3, 0.1] } ]
          paradigms = [
            { paradigm = fully-synthetic, n = 3 }
            { paradigm = partially-synthetic, n = 5, real-n = 50 }
          ]
        }
        """.formatted(name, dir.resolve("results").toString().replace("\\", "/")));
    return conf;
  }

  private record Result(int code, String out, String err) {}

  private static Result farm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CommandLines.create(new Farm());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void runPrintsWhereTheTablesAreAndLabelsCensoredMeansHonestly() throws Exception {
    Result r = farm("run", conf("quick").toString(), "--chunk-cells", "25");
    assertThat(r.code()).as(r.err()).isZero();
    Path root = dir.resolve("results").resolve("quick");
    assertThat(r.out()).contains("tables in " + root.toUri().toString().replaceFirst("/$", "").replace("file:///", "file:/"))
        .contains("runs, generation_stats");
    // Fully synthetic n = 3 on three tokens: from any live state a generation collapses with
    // probability >= 1/9 (all three samples alike), so all 30 runs collapse by M = 150 except with
    // probability <= 30 (8/9)^150 < 1e-6, and T is reported as a plain mean. Partially synthetic
    // with a 50-token real corpus keeps at least two tokens and is censored at M in every run.
    assertThat(r.out()).containsPattern("fully-synthetic;n=3 \\| .*: 30 runs, collapsed 100.0%, mean T = ");
    assertThat(r.out()).containsPattern(
        "partially-synthetic;n=5;real-n=50 \\| .*: 30 runs, collapsed 0.0%, restricted mean E\\[min\\(T, M=150\\)\\] = 150.0 .*; 30 censored");
    assertThat(root.resolve("runs")).isDirectory();
    assertThat(root.resolve("generation_stats")).isDirectory();
  }

  @Test
  void simulatingAFinishedSweepAgainComputesNothing() throws Exception {
    Path conf = conf("twice");
    assertThat(farm("simulate", conf.toString()).code()).isZero();
    Result again = farm("simulate", conf.toString());
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("computed now 0 cells (0 chunks)");
  }

  @Test
  void badArgumentsExitWithCode2AndWriteNothing() throws Exception {
    Path conf = conf("bad");
    Result partitions = farm("simulate", conf.toString(), "--partitions", "-1");
    assertThat(partitions.code()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(partitions.err()).startsWith("error: ").contains("--partitions");
    Result chunks = farm("run", conf.toString(), "--chunk-cells", "0");
    assertThat(chunks.code()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(chunks.err()).startsWith("error: ").contains("--chunk-cells");
    Result key = farm("simulate", conf.toString(), "--set", "sweep.replicates=0");
    assertThat(key.code()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(key.err()).startsWith("error: ").contains("sweep.replicates");
    assertThat(dir.resolve("results")).doesNotExist();
  }
}
