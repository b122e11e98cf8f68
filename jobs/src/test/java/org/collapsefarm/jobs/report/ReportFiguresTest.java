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
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.CommandLines;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.collapsefarm.jobs.report.ReportData.ModelPoint;
import org.collapsefarm.jobs.report.ReportData.SimplexData;
import org.collapsefarm.jobs.simulate.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import picocli.CommandLine;

/**
 * The figures added for issue 5 item 2 on one small real sweep ({@code farm run}, so every stage and
 * the real Parquet tables): the simplex of a three-token context from recorded trajectories, the
 * accumulate-subsample drift and late level against k, the most-recent / randomly-sampled overlay
 * and the mitigation charts. Each is a decodable PNG of its size and a parseable SVG referenced by
 * report.md, and the numbers behind two of them are checked against the tables directly.
 */
class ReportFiguresTest {
  private static final int MAX_GENERATIONS = 40;

  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path root;
  private static ReportData data;

  @BeforeAll
  static void runSweep() throws Exception {
    spark = TestSpark.session();
    Path conf = dir.resolve("figures.conf");
    Files.writeString(conf, """
        sweep {
          name = figures
          output = "%s"
          seed = 5
          replicates = 20
          max-generations = %d
          contexts = [ { family = explicit, probs = [0.6, 0.3, 0.1] } ]
          paradigms = [
            { paradigm = fully-synthetic, n = 4 }
            { paradigm = fully-synthetic, n = 4, temperature = 0.8 }
            { paradigm = most-recent, n = 4, window = 2, allocation = [split, literal] }
            { paradigm = randomly-sampled, n = 4, source = per-sample }
            { paradigm = accumulate-subsample, n = 4, rate = [0.5, 2], pool = [corpora, fresh] }
          ]
          record { trajectories = sample, sample-size = 5 }
        }
        """.formatted(dir.resolve("results").toString().replace("\\", "/"), MAX_GENERATIONS));
    StringWriter err = new StringWriter();
    CommandLine cl = CommandLines.create(new Farm());
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("run", conf.toString())).as(err.toString()).isZero();
    root = dir.resolve("results").resolve("figures");
    data = ReportData.load(spark, new ResultsFolder(dir.resolve("results").toString(), "figures",
        spark.sparkContext().hadoopConfiguration()));
  }

  @Test
  void everyNewFigureIsAPngAndAnSvgShownInReportMd() throws Exception {
    Path figures = root.resolve(ReportJob.FIGURES);
    String report = Files.readString(root.resolve(ReportJob.REPORT));
    List<String> pngs = FigureFiles.pngs(figures);
    // One simplex per group (9 groups, all on the three-token context); drift per pool; one level chart;
    // one window overlay; ρ_m and ‖p^(m) − p^(0)‖₁ for the one knob setting.
    Map<String, Long> counts = FigureFiles.countsByKind(pngs);
    assertThat(counts).containsEntry("simplex", 9L).containsEntry("accumulate-corpora", 1L)
        .containsEntry("accumulate-fresh", 1L).containsEntry("accumulate-level", 1L).containsEntry("windows", 1L)
        .containsEntry("mitigations-rho", 1L).containsEntry("mitigations-l1-p0", 1L);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // The SVG names the W3C DTD; parsing must not fetch it (tests run offline).
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var xml = factory.newDocumentBuilder();
    for (String png : pngs) {
      BufferedImage image = ImageIO.read(figures.resolve(png).toFile());
      assertThat(image).as(png).isNotNull();
      boolean simplex = png.startsWith("simplex_");
      assertThat(image.getWidth()).as(png).isEqualTo(simplex ? SimplexFigures.WIDTH : Charts.WIDTH);
      assertThat(image.getHeight()).as(png).isEqualTo(simplex ? SimplexFigures.HEIGHT : Charts.HEIGHT);
      String stem = png.substring(0, png.length() - ".png".length());
      assertThat(xml.parse(figures.resolve(stem + ".svg").toFile()).getDocumentElement().getTagName())
          .as(stem).isEqualTo("svg");
      assertThat(report).contains("(figures/" + png + ")").contains("(figures/" + stem + ".svg)");
    }
    for (FigureKind kind : List.of(FigureKind.SIMPLEX, FigureKind.ACCUMULATE, FigureKind.ACCUMULATE_LEVEL,
        FigureKind.WINDOWS, FigureKind.MITIGATIONS)) {
      assertThat(report).contains("### " + kind.heading() + "\n\n" + kind.key());
    }
  }

  @Test
  void lateLevelsEqualADirectQueryOverGenerationStats() {
    spark.read().parquet(root.resolve(Tables.GENERATION_STATS).toString()).createOrReplaceTempView("gs");
    int from = AccumulateFigures.lateFrom(MAX_GENERATIONS);
    assertThat(from).isEqualTo(30);
    Map<String, Double> sql = spark.sql("SELECT group_id, sum(l1_p0_sum) / sum(runs) FROM gs WHERE generation >= "
        + from + " GROUP BY group_id").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
    AccumulateFigures figures = new AccumulateFigures(data, null);
    List<GroupInfo> accumulate = data.groups().values().stream()
        .filter(g -> g.paradigm().equals(AccumulateFigures.ACCUMULATE_SUBSAMPLE)).toList();
    assertThat(accumulate).hasSize(4);
    for (GroupInfo g : accumulate) {
      AccumulateFigures.LateLevel level = figures.lateLevel(g);
      assertThat(level.from()).isEqualTo(from);
      assertThat(level.to()).isEqualTo(MAX_GENERATIONS);
      assertThat(level.mean()).as(g.label()).isCloseTo(sql.get(g.groupId()), within(1e-12));
      assertThat(level.halfWidth()).as(g.label()).isPositive();
    }
  }

  @Test
  void spreadBandsAreMeanPlusAndMinusOneSdOverRunsClippedToTheRange() {
    spark.read().parquet(root.resolve(Tables.GENERATION_STATS).toString()).createOrReplaceTempView("gs_spread");
    GenerationCurves curves = new GenerationCurves(data);
    GroupInfo g = data.groups().values().stream()
        .filter(x -> x.paradigm().equals("most-recent")).findFirst().orElseThrow();
    Map<Integer, double[]> sql = spark.sql("SELECT generation, sigma_mean, sigma_sd FROM gs_spread WHERE group_id = '"
        + g.groupId() + "'").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getInt(0), r -> new double[] {r.getDouble(1), r.getDouble(2)}));
    XYChart chart = GenerationCurves.chart("t", "y", MAX_GENERATIONS);
    double[] key = curves.spread(chart, "g", g, MAX_GENERATIONS, ReportData.GenerationPoint::sigmaMean,
        ReportData.GenerationPoint::sigmaSd, 0, 1, Charts.colour(0));
    XYSeries upper = chart.getSeriesMap().get("g: mean + sd");
    XYSeries lower = chart.getSeriesMap().get("g: mean − sd");
    assertThat(key).isNotNull();
    assertThat(upper.isShowInLegend()).isFalse();
    assertThat(lower.isShowInLegend()).isFalse();
    double[] x = upper.getXData();
    assertThat(x.length).isGreaterThan(10);
    boolean clipped = false;
    for (int i = 0; i < x.length; i++) {
      double[] ms = sql.get((int) x[i]);
      assertThat(upper.getYData()[i]).isCloseTo(Math.min(1, ms[0] + ms[1]), within(1e-12));
      assertThat(lower.getYData()[i]).isCloseTo(Math.max(0, ms[0] - ms[1]), within(1e-12));
      clipped |= ms[0] + ms[1] > 1;
    }
    // Most recent K = 2 at n = 4 goes in and out of collapse: σ_m's spread reaches past 1, where the band is clipped.
    assertThat(clipped).isTrue();
  }

  @Test
  void simplexPointsAreProbabilityVectorsOfTheRecordedRunsStartingAtTheContext() {
    List<Row> recorded = spark.read().parquet(root.resolve(Tables.TRAJECTORIES).toString())
        .select("cell_id").distinct().collectAsList();
    assertThat(data.simplex()).hasSize(9);
    for (SimplexData d : data.simplex().values()) {
      assertThat(d.tokens()).containsExactly(0, 1, 2);
      assertThat(d.p0()).containsExactly(0.6, 0.3, 0.1);
      assertThat(d.points().stream().map(ModelPoint::cellId).distinct().count()).isEqualTo(5);
      for (ModelPoint p : d.points()) {
        assertThat(ReportData.SIMPLEX_GENERATIONS).contains(p.generation());
        assertThat(p.probs()[0] + p.probs()[1] + p.probs()[2]).isCloseTo(1.0, within(1e-12));
        for (double v : p.probs()) {
          assertThat(v).isBetween(0.0, 1.0);
        }
        // Inside the triangle: above the base and below both slanted sides.
        double x = SimplexFigures.x(p.probs());
        double y = SimplexFigures.y(p.probs());
        assertThat(y).isGreaterThanOrEqualTo(0);
        assertThat(y).isLessThanOrEqualTo(Math.sqrt(3) * x + 1e-12).isLessThanOrEqualTo(Math.sqrt(3) * (1 - x) + 1e-12);
        if (p.generation() == 0) {
          assertThat(p.probs()).containsExactly(d.p0());
        }
      }
    }
    assertThat(recorded).hasSize(9 * 5);
  }

  @Test
  void simplexDiscsCountEveryRecordedRunOnceWithAreaProportionalToTheirNumber() {
    for (SimplexData d : data.simplex().values()) {
      for (int m : ReportData.SIMPLEX_GENERATIONS) {
        List<ModelPoint> at = d.points().stream().filter(p -> p.generation() == m).toList();
        Map<List<Long>, Integer> models = SimplexFigures.models(d, m);
        assertThat(models.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(at.size());
        long distinct = at.stream().map(p -> List.of(p.probs()[0], p.probs()[1])).distinct().count();
        assertThat(models).hasSize((int) distinct);
      }
    }
    // Area ∝ runs above the smallest disc: 4 times the runs, twice the diameter.
    assertThat(SimplexFigures.diameter(400, 400) / SimplexFigures.diameter(100, 400)).isCloseTo(2.0, within(1e-12));
    assertThat(SimplexFigures.diameter(1, 400)).isPositive();
  }
}
