package org.collapsefarm.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;
import org.collapsefarm.jobs.report.ReportData.ModelPoint;
import org.collapsefarm.jobs.report.ReportData.SimplexData;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Diamond;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * [S] Fig. 1: the models p^(m) of a three-token context on the 2-simplex. A model (p_a, p_b, p_c)
 * is the point p_a·A + p_b·B + p_c·C of the equilateral triangle with vertices A = (0, 0), B =
 * (1, 0), C = (1/2, √3/2) — its barycentric coordinates are the probabilities, so a vertex is a
 * Dirac mass on that token and collapse is the drift of the points into the corners. One chart per
 * group whose context has support 3, from the recorded runs of {@code trajectories.probs}, at a few
 * generations m up to the group's last informative one; p^(0) is the black diamond.
 */
final class SimplexFigures {
  static final int WIDTH = 760;
  /** Chosen with the plot's x and y ranges so that the triangle's sides come out equal on screen. */
  static final int HEIGHT = 680;
  /** Generations shown per chart, besides p^(0). */
  static final int GENERATIONS = 6;
  private static final double HEIGHT_OF_TRIANGLE = Math.sqrt(3) / 2;
  private static final double MARGIN = 0.08;
  /** Points drawn semi-transparent: many runs sit on the same vertex once collapsed. */
  private static final int ALPHA = 150;
  /** A shape per generation as well as a colour, so that neighbouring generations stay apart. */
  private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP,
      SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};

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
    s.setXAxisMin(-MARGIN);
    s.setXAxisMax(1 + MARGIN);
    s.setYAxisMin(-MARGIN);
    s.setYAxisMax(HEIGHT_OF_TRIANGLE + MARGIN / 2);
    s.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    s.setMarkerSize(8);
    XYSeries edges = chart.addSeries("simplex", new double[] {0, 1, 0.5, 0}, new double[] {0, 0, HEIGHT_OF_TRIANGLE, 0});
    edges.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    edges.setMarker(SeriesMarkers.NONE);
    edges.setLineColor(Color.GRAY);
    edges.setLineStyle(new BasicStroke(1f));
    edges.setShowInLegend(false);
    // GENERATIONS ≤ 6 keeps clear of the palette's black (index 6), which marks p^(0).
    for (int i = 0; i < shown.size(); i++) {
      int m = shown.get(i);
      List<ModelPoint> at = d.points().stream().filter(p -> p.generation() == m).toList();
      Color c = Charts.colour(i);
      Charts.data(chart, "m = " + m + " (" + at.size() + " runs)", Series.array(at, p -> x(p.probs())),
          Series.array(at, p -> y(p.probs())), null, new Color(c.getRed(), c.getGreen(), c.getBlue(), ALPHA),
          MARKERS[i]);
    }
    Charts.data(chart, "p^(0)", new double[] {x(d.p0())}, new double[] {y(d.p0())}, null, Color.BLACK,
        new Enlarged(new Diamond(), 2.2));
    vertex(chart, d.tokens()[0], 0, 0, -0.045);
    vertex(chart, d.tokens()[1], 1, 0, -0.045);
    vertex(chart, d.tokens()[2], 0.5, HEIGHT_OF_TRIANGLE, 0.03);
    sink.add(FigureKind.SIMPLEX, "simplex_" + g.groupId(), chart,
        "The models of " + count(d) + " recorded runs of " + g.label() + " on the simplex of "
            + Charts.context(g.context()) + " at m ∈ " + shown + ": a run that collapses onto a token"
            + " ends in its corner.");
  }

  private static long count(SimplexData d) {
    return d.points().stream().map(ModelPoint::cellId).distinct().count();
  }

  private static void vertex(XYChart chart, int token, double x, double y, double dy) {
    chart.addAnnotation(new AnnotationText("token " + token, x, y + dy, false));
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
