package org.collapsefarm.jobs.report;

import static org.apache.spark.sql.functions.col;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.simulate.Tables;
import org.knowm.xchart.XYChart;

/**
 * The figures of a text sweep (MATH.md §8), one chart per (corpus, order), one series per
 * parameter set, markers at every generation with 95% intervals of the mean over runs
 * (± 1.96 sd/√runs):
 * <ul>
 *   <li>validation perplexity under Kneser–Ney against m with the untrained line |V_0 ∪ {&lt;unk&gt;}|
 *       ([W] Fig. 3), and the MLE model's coverage of the validation tokens;
 *   <li>the probes p^(m)(w | x) with the spread of the runs (mean ± 1 sd, pale lines; [W] Fig. 2);
 *   <li>the share of V_0 kept and distinct-2 (the tail that is lost);
 * </ul>
 * and, for report.md, a table of sample documents at a few generations ([W] Table 1).
 */
final class TextFigures {
  /** Generations whose sample documents go to report.md. */
  static final int SAMPLE_GENERATIONS = 4;

  private final SparkSession spark;
  private final TableStore tables;
  private final FigureSink sink;

  TextFigures(SparkSession spark, ResultsFolder folder, FigureSink sink) {
    this.spark = spark;
    this.tables = new TableStore(folder);
    this.sink = sink;
  }

  /** A text group: its chart key (corpus, order) and its series label. */
  private record TextGroup(String groupId, String chartKey, String label) {}

  /** Draws the figures; returns report.md's sample-documents section ("" without text groups). */
  String draw() {
    List<TextGroup> groups = groups();
    if (groups.isEmpty()) {
      for (FigureKind k : List.of(FigureKind.TEXT_PERPLEXITY, FigureKind.TEXT_PROBES, FigureKind.TEXT_VOCABULARY)) {
        sink.skip(k, "the sweep has no text group.");
      }
      return "";
    }
    Map<String, List<TextGroup>> charts = new LinkedHashMap<>();
    groups.forEach(g -> charts.computeIfAbsent(g.chartKey(), k -> new ArrayList<>()).add(g));
    Map<String, List<Row>> stats = byGroup(tables.read(spark, Tables.GENERATION_STATS)
        .select("group_id", "generation", "runs", "kn_perplexity_mean", "kn_perplexity_sd", "coverage_mean",
            "coverage_sd", "vocab_kept_mean", "vocab_kept_sd", "distinct_2_mean", "distinct_2_sd")
        .orderBy("group_id", "generation"));
    Map<String, Double> untrained = new TreeMap<>();
    for (Row r : tables.read(spark, Tables.CONTEXTS).where(col("corpus").isNotNull())
        .select("corpus", "order", "vocabulary").collectAsList()) {
      untrained.put(r.getString(0) + ", order " + r.getInt(1), (double) r.getInt(2));
    }
    for (Map.Entry<String, List<TextGroup>> c : charts.entrySet()) {
      curves(FigureKind.TEXT_PERPLEXITY, "text-perplexity", c.getKey(), c.getValue(), stats, "kn_perplexity",
          "validation perplexity (Kneser–Ney)", untrained.get(c.getKey()));
      curves(FigureKind.TEXT_PERPLEXITY, "text-coverage", c.getKey(), c.getValue(), stats, "coverage",
          "coverage of validation tokens (MLE)", null);
      curves(FigureKind.TEXT_VOCABULARY, "text-vocab-kept", c.getKey(), c.getValue(), stats, "vocab_kept",
          "share of V_0 kept", null);
      curves(FigureKind.TEXT_VOCABULARY, "text-distinct-2", c.getKey(), c.getValue(), stats, "distinct_2",
          "distinct-2 of generated text", null);
    }
    probes(charts);
    return samples(groups);
  }

  private List<TextGroup> groups() {
    if (!tables.exists(Tables.CELLS)) {
      return List.of();
    }
    Dataset<Row> table = tables.read(spark, Tables.CELLS);
    if (!Arrays.asList(table.columns()).contains("corpus")) {
      return List.of();
    }
    List<TextGroup> out = new ArrayList<>();
    // A sweep may mix families: the text cells are those with a corpus.
    for (Row r : table.where(col("replicate").equalTo(0).and(col("corpus").isNotNull()))
        .select("group_id", "corpus", "order", "paradigm", "n", "real_n", "rate", "real_anchor", "temperature", "top_p")
        .orderBy("corpus", "order", "paradigm", "n", "real_n", "rate", "real_anchor", "temperature", "top_p", "group_id")
        .collectAsList()) {
      StringBuilder label = new StringBuilder(r.getString(3)).append(" n=").append(r.getInt(4));
      if (r.getInt(5) > 0) {
        label.append(" N=").append(r.getInt(5));
      }
      if (r.getString(3).startsWith("accumulate")) {
        label.append(" k=").append(num(r.getDouble(6)));
      }
      if (r.getInt(7) > 0) {
        label.append(" anchor=").append(r.getInt(7));
      }
      if (r.getDouble(8) != 1.0) {
        label.append(" τ=").append(num(r.getDouble(8)));
      }
      if (r.getDouble(9) != 1.0) {
        label.append(" top-p=").append(num(r.getDouble(9)));
      }
      out.add(new TextGroup(r.getString(0), r.getString(1) + ", order " + r.getInt(2), label.toString()));
    }
    return out;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static Map<String, List<Row>> byGroup(Dataset<Row> table) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    for (Row r : table.collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private void curves(FigureKind kind, String stem, String chartKey, List<TextGroup> groups,
      Map<String, List<Row>> stats, String metric, String yTitle, Double untrained) {
    XYChart chart = Charts.chart(yTitle + " against m — " + chartKey, "generation m", yTitle);
    int colour = 0;
    double maxM = 0;
    for (TextGroup g : groups) {
      List<Row> rows = stats.getOrDefault(g.groupId(), List.of());
      List<double[]> points = new ArrayList<>();
      for (Row r : rows) {
        double mean = r.isNullAt(r.fieldIndex(metric + "_mean")) ? Double.NaN : r.getDouble(r.fieldIndex(metric + "_mean"));
        if (Double.isNaN(mean)) {
          continue;
        }
        long runs = r.getLong(2);
        double sd = r.isNullAt(r.fieldIndex(metric + "_sd")) ? 0 : r.getDouble(r.fieldIndex(metric + "_sd"));
        points.add(new double[] {r.getInt(1), mean, Charts.Z95 * sd / Math.sqrt(runs)});
        maxM = Math.max(maxM, r.getInt(1));
      }
      if (!points.isEmpty()) {
        Charts.data(chart, g.label(), column(points, 0), column(points, 1), column(points, 2), Charts.colour(colour));
      }
      colour++;
    }
    if (chart.getSeriesMap().isEmpty()) {
      return;
    }
    if (untrained != null) {
      Charts.theory(chart, "untrained (uniform over V_0 ∪ {<unk>})", new double[] {0, maxM},
          new double[] {untrained, untrained}, Color.BLACK);
    }
    Charts.fitTitle(chart);
    sink.add(kind, stem + "-" + Series.slug(chartKey), chart, yTitle + ", " + chartKey);
  }

  private void probes(Map<String, List<TextGroup>> charts) {
    if (!tables.exists("probes")) {
      sink.skip(FigureKind.TEXT_PROBES, "no probes table.");
      return;
    }
    Map<String, List<Row>> rows = byGroup(tables.read(spark, "probes")
        .select("group_id", "probe", "generation", "mean", "sd").orderBy("group_id", "probe", "generation"));
    boolean any = false;
    for (Map.Entry<String, List<TextGroup>> c : charts.entrySet()) {
      Map<String, XYChart> byProbe = new TreeMap<>();
      int colour = 0;
      for (TextGroup g : c.getValue()) {
        Map<String, List<double[]>> points = new TreeMap<>();
        for (Row r : rows.getOrDefault(g.groupId(), List.of())) {
          if (!r.isNullAt(3)) {
            points.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                .add(new double[] {r.getInt(2), r.getDouble(3), r.isNullAt(4) ? 0 : r.getDouble(4)});
          }
        }
        for (Map.Entry<String, List<double[]>> p : points.entrySet()) {
          XYChart chart = byProbe.computeIfAbsent(p.getKey(), k -> Charts.chart(
              "probe p^(m)(" + last(k) + " | " + history(k) + ") against m — " + c.getKey(), "generation m", "probability"));
          double[] x = column(p.getValue(), 0);
          double[] mean = column(p.getValue(), 1);
          double[] sd = column(p.getValue(), 2);
          Color colourOf = Charts.colour(colour);
          Charts.data(chart, g.label(), x, mean, null, colourOf);
          Charts.spreadEdge(chart, g.label() + " +sd", x, add(mean, sd, 1), colourOf);
          Charts.spreadEdge(chart, g.label() + " -sd", x, add(mean, sd, -1), colourOf);
        }
        colour++;
      }
      for (Map.Entry<String, XYChart> e : byProbe.entrySet()) {
        Charts.fitTitle(e.getValue());
        sink.add(FigureKind.TEXT_PROBES, "text-probe-" + Series.slug(e.getKey()) + "-" + Series.slug(c.getKey()), e.getValue(),
            "probe \"" + e.getKey() + "\", " + c.getKey());
        any = true;
      }
    }
    if (!any) {
      sink.skip(FigureKind.TEXT_PROBES, "no probe applies to the sweep's orders.");
    }
  }

  /** report.md's table of sample documents: replicate 0 of each group at a few generations. */
  private String samples(List<TextGroup> groups) {
    if (!tables.exists("samples")) {
      return "";
    }
    Map<String, List<Row>> rows = byGroup(tables.read(spark, "samples")
        .select("group_id", "generation", "document", "text").orderBy("group_id", "generation", "document"));
    StringBuilder md = new StringBuilder("## Sample documents ([W] Table 1)\n\n")
        .append("The first document generated by replicate 0 of each group at a few generations (cut at 300 characters).\n\n")
        .append("| corpus, order | parameters | m | document |\n|---|---|---|---|\n");
    for (TextGroup g : groups) {
      List<Row> docs = rows.getOrDefault(g.groupId(), List.of());
      int maxM = docs.stream().mapToInt(r -> r.getInt(1)).max().orElse(0);
      List<Integer> shown = generations(maxM);
      for (Row r : docs) {
        if (r.getInt(2) == 0 && shown.contains(r.getInt(1))) {
          String text = r.getString(3).replace("|", "\\|").replace("\n", " ");
          md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s |%n", g.chartKey(), g.label(), r.getInt(1),
              text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
      }
    }
    return md.append('\n').toString();
  }

  /** 0, M/3, 2M/3 and M, without repeats. */
  static List<Integer> generations(int maxM) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < SAMPLE_GENERATIONS; i++) {
      int m = (int) Math.round((double) maxM * i / (SAMPLE_GENERATIONS - 1));
      if (!out.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }

  private static String last(String probe) {
    String[] w = probe.trim().split("\\s+");
    return w[w.length - 1];
  }

  private static String history(String probe) {
    String[] w = probe.trim().split("\\s+");
    return String.join(" ", Arrays.copyOf(w, w.length - 1));
  }

  private static double[] column(List<double[]> points, int i) {
    return points.stream().mapToDouble(p -> p[i]).toArray();
  }

  private static double[] add(double[] a, double[] b, double sign) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + sign * b[i];
    }
    return out;
  }
}
