package org.collapsefarm.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's one chart style and its two encoders. Data are markers (with 95% error bars where
 * there is a spread); theory is a line without markers — dashed for bounds, solid-thin dotted for
 * approximations — so the two never look alike. White background, light grid, no border: nothing
 * that is not data or a label. Colours are the Okabe–Ito palette (readable with colour blindness).
 */
final class Charts {
  static final int WIDTH = 1000;
  static final int HEIGHT = 520;
  /** Two-sided 95% normal quantile for error bars and bands. */
  static final double Z95 = 1.959963984540054;

  private static final Color[] PALETTE = {
      new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
      new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
      new Color(0x00, 0x00, 0x00), new Color(0xF0, 0xE4, 0x42)};
  private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
  private static final BasicStroke DASHED =
      new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f);
  private static final BasicStroke DOTTED =
      new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1.5f, 4f}, 0f);
  /** The smallest title font {@link #fitTitle} goes down to. */
  private static final float MIN_TITLE_POINTS = 9f;
  /** A legend entry's marker, gaps and padding beside its text, in pixels. */
  private static final double LEGEND_EXTRA = 60;
  /** Left of the plot (y axis title and labels) and a little air, in pixels. */
  private static final double AXIS_MARGIN = 30;
  private static final BasicStroke THIN = new BasicStroke(1.2f);
  /** Alpha (of 255) of spread bands. */
  private static final int SPREAD_ALPHA = 110;

  private Charts() {}

  /** The i-th series colour. */
  static Color colour(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** An empty chart with the house style. */
  static XYChart chart(String title, String xTitle, String yTitle) {
    return chart(title, xTitle, yTitle, WIDTH, HEIGHT);
  }

  /** An empty chart with the house style and its own size. */
  static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    var s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setPlotGridLinesColor(GRID);
    s.setPlotGridLinesStroke(new BasicStroke(0.8f));
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendLayout(Styler.LegendLayout.Vertical);
    s.setChartTitleBoxVisible(false);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setMarkerSize(7);
    s.setErrorBarsColorSeriesColor(true);
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setAnnotationTextFontColor(Color.BLACK);
    s.setToolTipsEnabled(false);
    s.setXAxisDecimalPattern("#,##0.###");
    s.setYAxisDecimalPattern("#,##0.###");
    // Log axes over several decades label only the decades (labels would collide); narrow ones opt out.
    s.setXAxisLogarithmicDecadeOnly(true);
    s.setYAxisLogarithmicDecadeOnly(true);
    return chart;
  }

  /**
   * A logarithmic x axis for values in [min, max]: only the decades labelled when it spans two or
   * more (the 2…9 labels would collide), the steps between them too when it is narrower.
   */
  static void logX(XYChart chart, double min, double max) {
    boolean decades = max / min >= 100;
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setXAxisLogarithmicDecadeOnly(decades);
    if (decades) {
      chart.getStyler().setXAxisMin(decadeBelow(min));
      chart.getStyler().setXAxisMax(decadeAbove(max));
    }
  }

  /** A logarithmic y axis for values in [min, max], labelled as {@link #logX}. */
  static void logY(XYChart chart, double min, double max) {
    boolean decades = max / min >= 100;
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmicDecadeOnly(decades);
    if (decades) {
      chart.getStyler().setYAxisMin(decadeBelow(min));
      chart.getStyler().setYAxisMax(decadeAbove(max));
    }
  }

  /** The power of ten at or below x (x > 0), so that a decade-labelled axis starts on a label. */
  static double decadeBelow(double x) {
    return Math.pow(10, Math.floor(Math.log10(x)));
  }

  /** The power of ten at or above x (x > 0). */
  static double decadeAbove(double x) {
    return Math.pow(10, Math.ceil(Math.log10(x)));
  }

  /**
   * Shrinks the title's font (from its size down to {@link #MIN_TITLE_POINTS}) until the title fits:
   * XChart centres it over the plot, which an outside legend pushes left, so the room is the chart's
   * width less the legend's (measured with the legend font) plus the axis margin.
   */
  static void fitTitle(XYChart chart) {
    var s = chart.getStyler();
    FontRenderContext frc = new FontRenderContext(null, true, true);
    double legend = 0;
    if (s.isLegendVisible() && s.getLegendPosition() == Styler.LegendPosition.OutsideE) {
      for (XYSeries series : chart.getSeriesMap().values()) {
        if (series.isShowInLegend()) {
          legend = Math.max(legend, s.getLegendFont().getStringBounds(series.getName(), frc).getWidth() + LEGEND_EXTRA);
        }
      }
    }
    double room = chart.getWidth() - legend + AXIS_MARGIN;
    Font font = s.getChartTitleFont();
    while (font.getSize2D() > MIN_TITLE_POINTS && font.getStringBounds(chart.getTitle(), frc).getWidth() > room) {
      font = font.deriveFont(font.getSize2D() - 0.5f);
    }
    s.setChartTitleFont(font);
  }

  /** Measured values: markers with 95% error bars ({@code halfWidth} may be null), no line. */
  static XYSeries data(XYChart chart, String name, double[] x, double[] y, double[] halfWidth, Color colour) {
    String unique = unique(chart, name);
    XYSeries series = halfWidth == null ? chart.addSeries(unique, x, y) : chart.addSeries(unique, x, y, halfWidth);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(colour);
    series.setLineColor(colour);
    return series;
  }

  /** Measured values with a chosen marker shape (to tell two families of series apart). */
  static XYSeries data(XYChart chart, String name, double[] x, double[] y, double[] halfWidth, Color colour,
      Marker marker) {
    XYSeries series = data(chart, name, x, y, halfWidth, colour);
    series.setMarker(marker);
    return series;
  }

  /**
   * A context's description made short enough for a title: {@code power-law(vocabulary=600,support=52)}
   * becomes {@code power-law(V=600, support=52)}.
   */
  static String context(String source) {
    return source.replace("vocabulary=", "V=").replace(",", ", ");
  }

  /** A thin solid line through measured values (for dense curves, e.g. a histogram's steps). */
  static XYSeries dataLine(XYChart chart, String name, double[] x, double[] y, Color colour,
      XYSeries.XYSeriesRenderStyle style) {
    XYSeries series = chart.addSeries(unique(chart, name), x, y);
    series.setXYSeriesRenderStyle(style);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(colour);
    series.setLineStyle(THIN);
    return series;
  }

  /**
   * One edge of a spread band (e.g. mean ± 1 sd over runs): a thin, pale solid line in the series'
   * colour, not in the legend — {@link #spreadKey} explains every band of a chart at once.
   */
  static XYSeries spreadEdge(XYChart chart, String name, double[] x, double[] y, Color colour) {
    XYSeries series = line(chart, name, x, y, pale(colour), THIN);
    series.setShowInLegend(false);
    return series;
  }

  /**
   * The legend entry that says what the spread bands of a chart are: a pale grey line of one point
   * (it draws nothing) at (x, y), a point already on the chart so that the axes do not move.
   */
  static XYSeries spreadKey(XYChart chart, String name, double x, double y) {
    return line(chart, name, new double[] {x}, new double[] {y}, pale(Color.GRAY), THIN);
  }

  /** The colour at the alpha of spread bands: present, but behind the markers. */
  private static Color pale(Color c) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), SPREAD_ALPHA);
  }

  /** An exact formula or a bound: a dashed line, no markers. */
  static XYSeries theory(XYChart chart, String name, double[] x, double[] y, Color colour) {
    return line(chart, name, x, y, colour, DASHED);
  }

  /** An approximation (e.g. the diffusion limit): a dotted line, no markers. */
  static XYSeries approximation(XYChart chart, String name, double[] x, double[] y, Color colour) {
    return line(chart, name, x, y, colour, DOTTED);
  }

  private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
    XYSeries series = chart.addSeries(unique(chart, name), x, y);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(colour);
    series.setLineStyle(stroke);
    return series;
  }

  /** XChart rejects a repeated series name; a repeat (two groups alike in every labelled column) gets a number. */
  private static String unique(XYChart chart, String name) {
    String candidate = name;
    for (int i = 2; chart.getSeriesMap().containsKey(candidate); i++) {
      candidate = name + " (" + i + ")";
    }
    return candidate;
  }

  /** Writes {@code <stem>.png} and {@code <stem>.svg} into {@code dir} through Hadoop's FileSystem. */
  static void save(XYChart chart, FileSystem fs, Path dir, String stem) {
    fitTitle(chart);
    try (OutputStream png = fs.create(new Path(dir, stem + ".png"), true)) {
      BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (OutputStream svg = fs.create(new Path(dir, stem + ".svg"), true)) {
      VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
