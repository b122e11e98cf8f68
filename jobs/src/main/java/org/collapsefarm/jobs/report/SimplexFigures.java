package org.collapsefarm.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.collapsefarm.jobs.report.ReportData.ModelPoint;
import org.collapsefarm.jobs.report.ReportData.SimplexData;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Diamond;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * [S] Fig. 1: the models p^(m) of a three-token context on the 2-simplex. A model (p_a, p_b, p_c)
 * is the point p_a·A + p_b·B + p_c·C of the equilateral triangle with vertices A = (0, 0), B =
 * (1, 0), C = (1/2, √3/2) — its barycentric coordinates are the probabilities, so a vertex is a
 * Dirac mass on that token and collapse is the drift of the points into the corners. One figure per
 * group whose context has support 3, from the recorded runs of {@code trajectories.probs}: small
 * multiples, one triangle per generation m (up to the group's last informative one), because at
 * small n every p^(m) lies on the lattice of compositions of n and the generations would hide one
 * another on a single triangle. Runs with the same model share one disc whose area is proportional
 * to their number; p^(0) is the black diamond in every panel.
 */
final class SimplexFigures {
  /** Panels per row and rows: {@link #GENERATIONS} panels in a fixed 3 × 2 grid (a fixed image size). */
  static final int COLUMNS = 3;
  static final int ROWS = 2;
  /** Generations shown per figure, besides p^(0). */
  static final int GENERATIONS = COLUMNS * ROWS;
  static final int WIDTH = 1020;
  /**
   * Chosen with the plot's x and y ranges so that the triangles' sides come out equal on screen
   * (XChart keeps about 45 px for the title and 20 px of padding around the plot).
   */
  static final int HEIGHT = 700;
  private static final double HEIGHT_OF_TRIANGLE = Math.sqrt(3) / 2;
  /** Room between panels, in units of the triangle's side: corner labels and the panel's caption. */
  private static final double GAP_X = 0.22;
  private static final double GAP_Y = 0.32;
  private static final double MARGIN = 0.08;
  /** Diameter in pixels of the disc of a model every run of the panel shares (area ∝ number of runs). */
  private static final double FULL_DIAMETER = 34;
  /** Marker size of the chart; each series scales it to its disc's diameter. */
  private static final int MARKER_SIZE = 10;
  /** No disc smaller than this, so that a model of a single run stays visible. */
  private static final double MIN_DIAMETER = 3;
  /** Discs semi-transparent: neighbouring lattice points may touch at small n. */
  private static final int ALPHA = 170;
  /** Two models closer than this in every coordinate are the same point (p^(m) are multiples of 1/n). */
  private static final double SAME_MODEL = 1e-9;

  private final ReportData data;
  private final FigureSink sink;
  private final GenerationCurves curves;

  SimplexFigures(ReportData data, FigureSink sink) {
    this.data = data;
    this.sink = sink;
    this.curves = new GenerationCurves(data);
  }

  void draw() {
    List<GroupInfo> threeTokens = data.groups().values().stream().filter(g -> g.support() == 3).toList();
    if (threeTokens.isEmpty()) {
      sink.skip(FigureKind.SIMPLEX, "no context with exactly three tokens in its support.");
      return;
    }
    if (!data.hasTrajectories()) {
      sink.skip(FigureKind.SIMPLEX, "the sweep recorded no trajectories (set record { trajectories = sample } to"
          + " draw the models of three-token contexts).");
      return;
    }
    int drawn = 0;
    for (GroupInfo g : threeTokens) {
      SimplexData d = data.simplex().get(g.groupId());
      if (d != null && !d.points().isEmpty()) {
        chart(g, d);
        drawn++;
      }
    }
    if (drawn == 0) {
      sink.skip(FigureKind.SIMPLEX, "the trajectories table holds no model vector (probs) for the three-token"
          + " groups (results written before the probs column existed).");
    }
  }

  /** x of the point with barycentric coordinates p over the vertices A, B, C. */
  static double x(double[] p) {
    return p[1] + 0.5 * p[2];
  }

  /** y of the point with barycentric coordinates p. */
  static double y(double[] p) {
    return HEIGHT_OF_TRIANGLE * p[2];
  }

  private void chart(GroupInfo g, SimplexData d) {
    List<Integer> shown = generations(d, curves.lastInformative(g));
    XYChart chart = Charts.chart("Models on the simplex, " + g.label() + " — " + Charts.context(g.context()), "", "",
        WIDTH, HEIGHT);
    var s = chart.getStyler();
    s.setAxisTicksVisible(false);
    s.setXAxisTitleVisible(false);
    s.setYAxisTitleVisible(false);
    s.setPlotGridLinesVisible(false);
    s.setLegendVisible(false);
    s.setXAxisMin(-MARGIN);
    s.setXAxisMax(COLUMNS * (1 + GAP_X) - GAP_X + MARGIN);
    s.setYAxisMin(-(ROWS - 1) * (HEIGHT_OF_TRIANGLE + GAP_Y) - MARGIN - 0.04);
    s.setYAxisMax(HEIGHT_OF_TRIANGLE + GAP_Y / 2);
    s.setMarkerSize(MARKER_SIZE);
    long runs = count(d);
    for (int i = 0; i < shown.size(); i++) {
      int m = shown.get(i);
      double x0 = (i % COLUMNS) * (1 + GAP_X);
      double y0 = -(i / COLUMNS) * (HEIGHT_OF_TRIANGLE + GAP_Y);
      panel(chart, d, x0, y0);
      Map<List<Long>, Integer> models = models(d, m);
      Color c = Charts.colour(i);
      Color fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), ALPHA);
      // One series per disc size: XChart sizes markers per series, not per point.
      Map<Long, List<double[]>> bySize = new TreeMap<>();
      models.forEach((key, n) -> bySize.computeIfAbsent(Math.round(diameter(n, runs)), k -> new ArrayList<>())
          .add(new double[] {x0 + key.get(0) * SAME_MODEL, y0 + key.get(1) * SAME_MODEL}));
      bySize.forEach((size, points) -> Charts.data(chart, "m = " + m + ", " + size + " px",
          Series.array(points, p -> p[0]), Series.array(points, p -> p[1]), null, fill,
          new Enlarged(new Circle(), size / (double) MARKER_SIZE)));
      int atM = models.values().stream().mapToInt(Integer::intValue).sum();
      chart.addAnnotation(new AnnotationText("m = " + m + "  (" + atM + " runs, " + models.size() + " models)",
          x0 + 0.5, y0 + HEIGHT_OF_TRIANGLE + 0.09, false));
    }
    sink.add(FigureKind.SIMPLEX, "simplex_" + g.groupId(), chart,
        "The models of " + runs + " recorded runs of " + g.label() + " on the simplex of "
            + Charts.context(g.context()) + ", one triangle per generation m ∈ " + shown + " (token "
            + d.tokens()[0] + " bottom left, " + d.tokens()[1] + " bottom right, " + d.tokens()[2] + " top): a"
            + " disc's area is proportional to the number of runs at that model, the black diamond is p^(0),"
            + " and a run that collapses onto a token ends in its corner.");
  }

  /** Area ∝ number of runs: the disc of all {@code runs} runs is {@link #FULL_DIAMETER} wide. */
  static double diameter(long atModel, long runs) {
    return Math.max(MIN_DIAMETER, FULL_DIAMETER * Math.sqrt(atModel / (double) runs));
  }

  /**
   * The distinct models at generation m and how many runs share each, keyed by the point's (x, y)
   * rounded to {@link #SAME_MODEL} (in insertion order, so the figure is the same on every run).
   */
  static Map<List<Long>, Integer> models(SimplexData d, int m) {
    Map<List<Long>, Integer> models = new LinkedHashMap<>();
    for (ModelPoint p : d.points()) {
      if (p.generation() == m) {
        List<Long> key = List.of(Math.round(x(p.probs()) / SAME_MODEL), Math.round(y(p.probs()) / SAME_MODEL));
        models.merge(key, 1, Integer::sum);
      }
    }
    return models;
  }

  /** One triangle with its corners labelled by token id and p^(0), with its bottom-left corner at (x0, y0). */
  private static void panel(XYChart chart, SimplexData d, double x0, double y0) {
    XYSeries edges = chart.addSeries("simplex at " + x0 + ", " + y0, new double[] {x0, x0 + 1, x0 + 0.5, x0},
        new double[] {y0, y0, y0 + HEIGHT_OF_TRIANGLE, y0});
    edges.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    edges.setMarker(SeriesMarkers.NONE);
    edges.setLineColor(Color.GRAY);
    edges.setLineStyle(new BasicStroke(1f));
    // p^(0) under the discs: the semi-transparent disc of the runs still at p^(0) shows it through.
    Charts.data(chart, "p^(0)", new double[] {x0 + x(d.p0())}, new double[] {y0 + y(d.p0())}, null, Color.BLACK,
        new Enlarged(new Diamond(), 1.3));
    vertex(chart, d.tokens()[0], x0 - 0.03, y0 - 0.05);
    vertex(chart, d.tokens()[1], x0 + 1.03, y0 - 0.05);
    vertex(chart, d.tokens()[2], x0 + 0.5 + 0.06, y0 + HEIGHT_OF_TRIANGLE);
  }

  private static long count(SimplexData d) {
    return d.points().stream().map(ModelPoint::cellId).distinct().count();
  }

  private static void vertex(XYChart chart, int token, double x, double y) {
    chart.addAnnotation(new AnnotationText(Integer.toString(token), x, y, false));
  }

  /**
   * Up to {@link #GENERATIONS} of the recorded generations m ≥ 1 up to {@code last} (past it every
   * run sits on a vertex), spread evenly over the 1–2–5 sequence.
   */
  static List<Integer> generations(SimplexData d, int last) {
    List<Integer> recorded = d.points().stream().map(ModelPoint::generation).filter(m -> m >= 1 && m <= Math.max(1, last))
        .distinct().sorted().toList();
    if (recorded.size() <= GENERATIONS) {
      return recorded;
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < GENERATIONS; i++) {
      int index = (int) Math.round(i * (recorded.size() - 1) / (double) (GENERATIONS - 1));
      if (!out.contains(recorded.get(index))) {
        out.add(recorded.get(index));
      }
    }
    return out;
  }

  /** A marker drawn larger than the chart's marker size (p^(0) must stand out among the runs). */
  private static final class Enlarged extends Marker {
    private final Marker inner;
    private final double factor;

    Enlarged(Marker inner, double factor) {
      this.inner = inner;
      this.factor = factor;
    }

    @Override
    public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
      inner.paint(g, xOffset, yOffset, (int) Math.round(markerSize * factor));
    }
  }
}
