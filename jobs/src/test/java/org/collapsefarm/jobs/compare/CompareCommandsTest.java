package org.collapsefarm.jobs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.CommandLines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code farm run | theory | compare} in-process: the stages chain, and run ends with the verdict list. */
class CompareCommandsTest {
  @TempDir Path dir;

  @BeforeAll
  static void session() {
    TestSpark.session();
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

  private Path conf() throws Exception {
    Path conf = dir.resolve("cmd.conf");
    Files.writeString(conf, """
        sweep {
          name = cmd
          output = "%s"
          seed = 5
          replicates = 20
          max-generations = 60
          contexts = [ { family = explicit, probs = [0.6, 0.3, 0.1] } ]
          paradigms = [
            { paradigm = fully-synthetic, n = 3 }
            { paradigm = randomly-sampled, n = 4 }
          ]
        }
        """.formatted(dir.resolve("results").toString().replace("\\", "/")));
    return conf;
  }

  @Test
  void compareBeforeSimulateFailsThenRunEndsWithTheVerdictListAndStagesRerun() throws Exception {
    Path conf = conf();
    Result early = farm("compare", conf.toString());
    assertThat(early.code()).isEqualTo(CommandLines.EXIT_FAILURE);
    assertThat(early.err()).startsWith("error: ").contains("run simulate first").hasLineCount(1)
        .doesNotContain("Exception").doesNotContain("java.");

    Result run = farm("run", conf.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("theory: ").contains("compare: ").contains("verdicts (check: verdict x groups");
    // fully synthetic gets its 12 checks, randomly sampled one closed_forms row (no closed form)
    assertThat(run.out()).containsPattern("closed_forms\\s+not-applicable\\s+1 group");
    assertThat(run.out()).containsPattern("rho_upper\\s+(holds|violated)\\s+1 group");
    Path root = dir.resolve("results").resolve("cmd");
    assertThat(root.resolve("theory")).isDirectory();
    assertThat(root.resolve("comparison")).isDirectory();
    assertThat(root.resolve("collapse_times")).isDirectory();

    Result theory = farm("theory", conf.toString());
    assertThat(theory.code()).as(theory.err()).isZero();
    assertThat(theory.out()).containsPattern("theory: [0-9,]+ rows for 2 groups");
    Result compare = farm("compare", conf.toString());
    assertThat(compare.code()).as(compare.err()).isZero();
    assertThat(compare.out()).contains("compare: 13 comparison rows");
  }
}
