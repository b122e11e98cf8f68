// The notebooks' shared set-up, loaded by each with `%load farm.jsh` (the rapaio Java kernel's
// magic; the notebook's folder is the kernel's working directory).
//
// - Quiets java.util.logging: the kernel raises it to ALL, which breaks Spark's code generation.
// - Starts local Spark (the farm's own SparkSessions: -Dspark.master=… in the kernel's argv wins)
//   and registers every table of the results folder as a Spark SQL view of the same name, with the
//   class the `submit/farm sql` command uses (ResultsViews).
// - The results folder is $FARM_RESULTS, else ../results/quickstart (what
//   `submit/farm run conf/quickstart.conf` writes, seen from notebooks/).
// - Defines describeResults() (the notebooks' next cell: it names the folder, or fails saying what
//   to do when it holds no tables), sql(…), table(…) (the `sql` command's aligned text table),
//   rows(…) and column(…) (small results as Java values), chart(…) (an empty chart in the report's
//   style: white, light grid, Okabe–Ito colours), data(…) and line(…) (measured markers, curves),
//   and show(chart) (the chart as a PNG in the notebook).
java.util.logging.LogManager.getLogManager().reset();
java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Files;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.spark.SparkSessions;
import org.collapsefarm.jobs.sql.OutputFormat;
import org.collapsefarm.jobs.sql.ResultsViews;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

java.nio.file.Path resultsFolder = java.nio.file.Path.of(
    Optional.ofNullable(System.getenv("FARM_RESULTS")).orElse("../results/quickstart")).toAbsolutePath().normalize();
// %load reports no exception (a failing statement only leaves its variable undefined), so a missing
// folder is reported by describeResults(), the notebooks' next cell.
boolean haveResults = Files.isDirectory(resultsFolder.resolve("runs"));

SparkSession spark = SparkSessions.session(SparkSessions.conf("collapse-farm notebook", null,
    Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "4"))).spark();
org.apache.hadoop.fs.Path resultsPath = new org.apache.hadoop.fs.Path(resultsFolder.toUri());
List<String> tables = haveResults ? ResultsViews.register(spark,
    resultsPath.getFileSystem(spark.sparkContext().hadoopConfiguration()), resultsPath) : List.of();

// Not a table: readable names for the groups, for legends and tables. group_id identifies
// everything but the replicate (DESIGN.md): `setting` is the paradigm and its parameters, `context`
// the context's family and support size s~, `label` both.
if (haveResults) {
  spark.sql("create or replace temp view group_labels as select group_id, context_id, paradigm, n, real_n, window, "
      + "rate, setting, context, setting || ' | ' || context as label from (select distinct c.group_id, c.context_id, "
      + "c.paradigm, c.n, c.real_n, c.window, c.rate, concat_ws(' ', c.paradigm, 'n=' || c.n, "
      + "case when c.real_n > 0 then 'N=' || c.real_n end, case when c.window > 0 then 'K=' || c.window end, "
      + "case when c.rate > 0 then 'k=' || c.rate end) as setting, "
      + "substring_index(x.source, '(', 1) || ' s~=' || x.support || ' ' || substr(x.context_id, 1, 4) as context "
      + "from cells c join contexts x using (context_id))");
}

/** Prints the results folder and its tables; fails, saying what to do, when it holds no farm tables. */
void describeResults() {
  if (!haveResults) {
    throw new IllegalStateException("FARM_RESULTS: " + resultsFolder + " holds no farm tables; run "
        + "`submit/farm run conf/quickstart.conf` first, or set FARM_RESULTS to a results folder <output>/<sweep>");
  }
  System.out.println("results: " + resultsFolder + "\ntables: " + String.join(", ", tables));
}

/** The result of a Spark SQL query on the views. */
Dataset<Row> sql(String query) {
  return spark.sql(query);
}

/** Prints a query's result as the `sql` command's aligned table (first 50 rows, then a count). */
void table(String query) {
  OutputFormat.TABLE.print(spark.sql(query), new PrintWriter(System.out, true));
}

/** The rows of a query, collected to the driver (the notebooks' queries return small results). */
List<Row> rows(String query) {
  return spark.sql(query).collectAsList();
}

/** A numeric column of collected rows as doubles (null becomes NaN, which XChart leaves out). */
double[] column(List<Row> rows, String name) {
  double[] values = new double[rows.size()];
  for (int i = 0; i < values.length; i++) {
    Row row = rows.get(i);
    int at = row.fieldIndex(name);
    values[i] = row.isNullAt(at) ? Double.NaN : ((Number) row.get(at)).doubleValue();
  }
  return values;
}

/** Okabe–Ito colours (readable with colour blindness), as in the report's figures. */
Color[] PALETTE = {new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
    new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
    new Color(0x00, 0x00, 0x00), new Color(0xF0, 0xE4, 0x42)};
BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f);

/** An empty chart in the report's style. */
XYChart chart(String title, String xTitle, String yTitle) {
  XYChart chart = new XYChartBuilder().width(1000).height(480).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
  var s = chart.getStyler();
  s.setChartBackgroundColor(Color.WHITE);
  s.setPlotBackgroundColor(Color.WHITE);
  s.setPlotBorderVisible(false);
  s.setPlotGridLinesColor(new Color(0xE4, 0xE4, 0xE4));
  s.setLegendBorderColor(Color.WHITE);
  s.setLegendPosition(Styler.LegendPosition.OutsideE);
  s.setLegendLayout(Styler.LegendLayout.Vertical);
  s.setMarkerSize(6);
  s.setErrorBarsColorSeriesColor(true);
  s.setXAxisDecimalPattern("#,##0.###");
  s.setYAxisDecimalPattern("#,##0.###");
  return chart;
}

/** Measured values: markers (with 95% error bars when {@code halfWidth} is not null), no line. */
XYSeries data(XYChart chart, String name, double[] x, double[] y, double[] halfWidth, Color colour) {
  XYSeries series = halfWidth == null ? chart.addSeries(name, x, y) : chart.addSeries(name, x, y, halfWidth);
  series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
  series.setMarker(SeriesMarkers.CIRCLE);
  series.setMarkerColor(colour);
  series.setLineColor(colour);
  return series;
}

/** A curve: solid for measured step functions, dashed ({@code dashed}) for a formula or a bound. */
XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, boolean dashed) {
  XYSeries series = chart.addSeries(name, x, y);
  series.setXYSeriesRenderStyle(dashed ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Step);
  series.setMarker(SeriesMarkers.NONE);
  series.setLineColor(colour);
  series.setLineStyle(dashed ? DASHED : new BasicStroke(1.4f));
  return series;
}

/** Shows a chart in the notebook as a PNG image. */
void show(XYChart chart) {
  display(BitmapEncoder.getBufferedImage(chart));
}
