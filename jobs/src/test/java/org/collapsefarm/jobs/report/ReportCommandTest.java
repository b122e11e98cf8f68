package org.collapsefarm.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.CommandLines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code farm run} (ending with the report stage) and {@code farm report} on small real sweeps:
 * every figure kind with data is drawn as a decodable PNG and an SVG, report.md shows each figure
 * and the verdict table, and kinds without data are skipped with a reason.
 */
class ReportCommandTest {
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

  private Path conf(String name, String paradigms) throws Exception {
    Path conf = dir.resolve(name + ".conf");
    Files.writeString(conf, """
        sweep {
          name = %s
          output = "%s"
          seed = 11
          replicates = 20
          max-generations = 80
          contexts = [ { family = explicit, probs = [0.6, 0.3, 0.1] } ]
          paradigms = [ %s ]
        }
        """.formatted(name, dir.resolve("results").toString().replace("\\", "/"), paradigms));
    return conf;
  }

  private static List<String> files(Path folder, String extension) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(extension)).sorted().toList();
    }
  }

  @Test
  void runEndsWithTheReportAndEveryFigureIsAnImageShownInReportMd() throws Exception {
    Path conf = conf("full", """
        { paradigm = fully-synthetic, n = [3, 6] }
        { paradigm = accumulate-subsample, n = 4, rate = [0.5, 2] }
        """);
    Result run = farm("run", conf.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("report: ").contains("report.md");
    Path root = dir.resolve("results").resolve("full");
    Path figures = root.resolve(ReportJob.FIGURES);
    List<String> pngs = files(figures, ".png");
    // for the one context: E[T] vs n, histogram, survival, sigma, l1-p1, accumulate drift and level; plus the log-log
    assertThat(pngs).hasSize(7 + 1);
    for (String prefix : List.of("et-vs-n_", "et-vs-n_loglog", "collapse-histogram_", "survival_", "sigma_", "l1-p1_",
        "accumulate-corpora_", "accumulate-level_")) {
      assertThat(pngs).as(prefix).anyMatch(f -> f.startsWith(prefix));
    }
    String report = Files.readString(root.resolve(ReportJob.REPORT));
    for (String png : pngs) {
      BufferedImage image = ImageIO.read(figures.resolve(png).toFile());
      assertThat(image).as(png).isNotNull();
      assertThat(image.getWidth()).as(png).isEqualTo(Charts.WIDTH);
      assertThat(image.getHeight()).as(png).isEqualTo(Charts.HEIGHT);
      assertThat(distinctColours(image)).as(png + " draws more than a blank canvas").isGreaterThan(20);
      String stem = png.substring(0, png.length() - ".png".length());
      assertThat(Files.readString(figures.resolve(stem + ".svg"))).as(stem).contains("<svg").contains("</svg>");
      assertThat(report).contains("(figures/" + png + ")").contains("(figures/" + stem + ".svg)");
    }
    assertThat(files(figures, ".svg")).hasSize(pngs.size());
    assertThat(report).contains("## Verdicts").contains("| check | consistent | holds | violated | vacuous |")
        .containsPattern("\\| S_m \\| \\d+ \\|").contains("### Violated rows")
        .contains("_Not drawn: the sweep recorded no trajectories")
        .contains("_Not drawn: the sweep has no most-recent or randomly-sampled group._")
        .contains("_Not drawn: no group with a knob away from its neutral value._")
        .contains("_Not drawn: the sweep has no text group._")
        .contains("_Not drawn: the sweep has no Gaussian model (sweep.models)")
        .contains("_Not drawn: the sweep has no Poisson model (sweep.models)");
    // Those three kinds, the three text kinds of a sweep without corpora and the three model-family kinds.
    assertThat(report.split("_Not drawn", -1)).as("only those kinds are skipped").hasSize(4 + 3 + 3);
  }

  @Test
  void reportWithoutCompareSkipsWhatHasNoDataAndSaysSo() throws Exception {
    Path conf = conf("partial", "{ paradigm = partially-synthetic, n = 4, real-n = 20 }");
    Result early = farm("report", conf.toString());
    assertThat(early.code()).isEqualTo(CommandLines.EXIT_FAILURE);
    assertThat(early.err()).startsWith("error: ").contains("run simulate first").hasLineCount(1)
        .doesNotContain("Exception").doesNotContain("java.");

    assertThat(farm("simulate", conf.toString()).code()).isZero();
    Result report = farm("report", conf.toString());
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.out()).contains("not drawn: ");
    Path root = dir.resolve("results").resolve("partial");
    assertThat(files(root.resolve(ReportJob.FIGURES), ".png")).allMatch(f -> f.startsWith("sigma_") || f.startsWith("l1-p1_"))
        .hasSize(2);
    String md = Files.readString(root.resolve(ReportJob.REPORT));
    assertThat(md).contains("The comparison table is missing")
        .contains("_Not drawn: no fully-synthetic group with neutral knobs")
        .contains("_Not drawn: the collapse_times table is missing")
        .contains("_Not drawn: the sweep has no accumulate-subsample group._");
  }

  private static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
