package org.collapsefarm.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.CommandLines;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.report.FamilyData.FamilyGroup;
import org.collapsefarm.jobs.report.FamilyFigures.Curve;
import org.collapsefarm.jobs.report.FamilyFigures.Measure;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.jobs.theory.TheoryTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import picocli.CommandLine;

/**
 * The model-family figures (issue 12 item 6) on one small real sweep through {@code farm run} (every
 * stage, real Parquet): a Gaussian in d = 1 and d = 3 dimensions and a Poisson model under replace (two
 * n), accumulate and one real point per generation. Every chart is a PNG and an SVG shown in report.md, and the numbers behind
 * them — the means, their 95% bands and the dashed exact curves — are the tables' own.
 */
class FamilyFiguresTest {
  private static final int MAX_GENERATIONS = 40;

  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path root;
  private static FamilyData families;
  private static ReportData data;

  @BeforeAll
  static void runSweep() throws Exception {
    spark = TestSpark.session();
    Path conf = dir.resolve("families.conf");
    Files.writeString(conf, """
        sweep {
          name = family-figures
          output = "%s"
          seed = 7
          replicates = 30
          max-generations = %d
          models = [
            { family = gaussian, dimension = 1, mean = 0, variance = 2, estimator = mle, collapse-epsilon = 0.05 }
            { family = gaussian, dimension = 3, covariance = [1, 2, 0.5], estimator = mle, collapse-epsilon = 0.05 }
            { family = poisson, rate = 1 }
          ]
          paradigms = [
            { paradigm = fully-synthetic, n = [10, 20] }
            { paradigm = accumulate, n = 10, rate = 1 }
            { paradigm = fully-synthetic, n = 10, real-anchor = 1 }
          ]
        }
        """.formatted(dir.resolve("results").toString().replace("\\", "/"), MAX_GENERATIONS));
    StringWriter err = new StringWriter();
    CommandLine cl = CommandLines.create(new Farm());
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("run", conf.toString())).as(err.toString()).isZero();
    root = dir.resolve("results").resolve("family-figures");
    ResultsFolder folder = new ResultsFolder(dir.resolve("results").toString(), "family-figures",
        spark.sparkContext().hadoopConfiguration());
    families = FamilyData.load(spark, folder);
    data = ReportData.load(spark, folder);
  }

  @Test
  void everyFamilyChartIsAPngAndAnSvgShownInReportMd() throws Exception {
    Path figures = root.resolve(ReportJob.FIGURES);
    String report = Files.readString(root.resolve(ReportJob.REPORT));
    List<String> pngs = FigureFiles.pngs(figures);
    // Per model, one chart per setting (replace, accumulate, anchor): var_ratio, W2² and log_var for each
    // Gaussian, log_det_ratio for the one with d = 3 (at d = 1 it is log_var shifted), survival for the Poisson.
    Map<String, Long> counts = FigureFiles.countsByKind(pngs);
    assertThat(counts).containsOnly(Map.entry("family-var-ratio", 6L), Map.entry("family-w2-sq", 6L),
        Map.entry("family-log-var", 6L), Map.entry("family-log-det-ratio", 3L), Map.entry("poisson-survival", 3L));
    for (String png : pngs) {
      BufferedImage image = ImageIO.read(figures.resolve(png).toFile());
      assertThat(image).as(png).isNotNull();
      assertThat(image.getWidth()).as(png).isEqualTo(Charts.WIDTH);
      String stem = png.substring(0, png.length() - ".png".length());
      assertThat(Files.readString(figures.resolve(stem + ".svg"))).as(stem).contains("<svg").contains("</svg>");
      assertThat(report).contains("(figures/" + png + ")").contains("(figures/" + stem + ".svg)");
    }
    for (FigureKind kind : List.of(FigureKind.FAMILY_MOMENTS, FigureKind.FAMILY_LOG_VAR, FigureKind.POISSON_SURVIVAL)) {
      assertThat(report).contains("### " + kind.heading() + "\n\n" + kind.key());
    }
    assertThat(report).contains("Gaussian d=1, mle").contains("Gaussian d=3, mle").contains("Poisson λ_0=1");
  }

  @Test
  void curvesAreTheMeansOfGenerationStatsWithBandsOfOnePointNineSixStandardErrors() {
    spark.read().parquet(root.resolve(Tables.GENERATION_STATS).toString()).createOrReplaceTempView("family_gs");
    FamilyFigures figures = new FamilyFigures(families, data, null);
    assertThat(families.groups()).hasSize(12);
    int checked = 0;
    for (Measure measure : Measure.values()) {
      for (List<FamilyGroup> groups : figures.charts(measure).values()) {
        for (FamilyGroup g : groups) {
          Map<Integer, Row> sql = spark.sql("SELECT generation, runs, " + measure.column + "_mean, " + measure.column
              + "_sd FROM family_gs WHERE group_id = '" + g.groupId() + "'").collectAsList().stream()
              .collect(Collectors.toMap(r -> r.getInt(0), r -> r));
          Curve curve = figures.curve(g, measure, MAX_GENERATIONS);
          assertThat(curve.generation()).as(g.setting()).hasSize(MAX_GENERATIONS + 1);
          for (int i = 0; i < curve.generation().length; i++) {
            Row r = sql.get((int) curve.generation()[i]);
            double mean = measure.complement ? 1 - r.getDouble(2) : r.getDouble(2);
            double half = 1.959963984540054 * r.getDouble(3) / Math.sqrt(r.getLong(1));
            assertThat(curve.mean()[i]).isCloseTo(mean, within(1e-12));
            assertThat(curve.low()[i]).isCloseTo(Math.max(measure.lo, mean - half), within(1e-12));
            assertThat(curve.high()[i]).isCloseTo(Math.min(measure.hi, mean + half), within(1e-12));
            checked++;
          }
        }
      }
    }
    // 8 Gaussian groups' var_ratio, w2_sq and log_var, the 4 with d = 3 log_det_ratio, and 4 Poisson groups'
    // survival, 41 generations each.
    assertThat(checked).isEqualTo((8 * 3 + 4 + 4) * (MAX_GENERATIONS + 1));
  }

  @Test
  void dashedCurvesAreTheExactTheoryRowsWhereOneApplies() {
    spark.read().parquet(root.resolve(TheoryTable.NAME).toString()).createOrReplaceTempView("family_theory");
    FamilyFigures figures = new FamilyFigures(families, data, null);
    int exact = 0;
    for (Measure measure : Measure.values()) {
      for (List<FamilyGroup> groups : figures.charts(measure).values()) {
        XYChart chart = figures.chart(measure, groups);
        for (FamilyGroup g : groups) {
          XYSeries dashed = chart.getSeriesMap().get("n=" + g.n() + ": exact");
          Map<Integer, Double> rows = spark.sql("SELECT generation, value FROM family_theory WHERE group_id = '"
              + g.groupId() + "' AND quantity = '" + measure.theory + "'").collectAsList().stream()
              .collect(Collectors.toMap(r -> r.getInt(0), r -> r.getDouble(1)));
          assertThat(dashed == null).as(measure + " " + g.setting()).isEqualTo(rows.isEmpty());
          if (dashed != null) {
            for (int i = 0; i < dashed.getXData().length; i++) {
              assertThat(dashed.getYData()[i]).isEqualTo(rows.get((int) dashed.getXData()[i]));
            }
            exact++;
          }
          assertThat(chart.getSeriesMap()).containsKeys("n=" + g.n(), "n=" + g.n() + ": 95% band high",
              "n=" + g.n() + ": 95% band low", FamilyFigures.BAND_KEY);
        }
      }
    }
    // d = 1: replace (n = 10, 20) has all three curves, accumulate and the anchor var_ratio; d = 3: replace
    // has var_ratio and log_det_ratio (no closed form for W2², ln tr Σ_m no random walk), accumulate and the
    // anchor var_ratio; the Poisson's survival only under replace.
    assertThat(exact).isEqualTo((2 * 3 + 2) + (2 * 2 + 2) + 2);
  }
}
