package org.collapsefarm.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.collapsefarm.jobs.report.ReportData.GroupInfo;

/** Small helpers shared by the figure builders: thinning a curve, arrays, splitting groups into figures. */
final class Series {
  /** Marker positions per curve: enough to see the shape, few enough that error bars stay readable. */
  static final int MARKERS_PER_CURVE = 30;
  /**
   * Points of a theory curve: XChart restarts the dash pattern on every segment, so a curve through
   * hundreds of points would look solid; this many keeps each segment longer than one dash.
   */
  static final int THEORY_POINTS = 50;
  /** Groups drawn in one figure; more are split over several figures. */
  static final int GROUPS_PER_FIGURE = 5;
  /** Curves longer than this many generations use a logarithmic generation axis. */
  static final int LOG_AXIS_FROM = 100;

  private Series() {}

  /**
   * About {@code count} of {@code points} (sorted by generation), log-spaced in the generation when
   * {@code log}, evenly spaced otherwise; the first and last kept.
   */
  static <T> List<T> thin(List<T> points, ToIntFunction<T> generation, int count, boolean log) {
    if (points.size() <= count) {
      return points;
    }
    double first = Math.max(1, generation.applyAsInt(points.get(0)));
    double last = generation.applyAsInt(points.get(points.size() - 1));
    List<T> out = new ArrayList<>();
    int index = 0;
    for (int i = 0; i < count; i++) {
      double f = i / (double) (count - 1);
      double target = log ? first * Math.pow(last / first, f) : first + f * (last - first);
      while (index < points.size() - 1 && generation.applyAsInt(points.get(index)) < target) {
        index++;
      }
      if (out.isEmpty() || out.get(out.size() - 1) != points.get(index)) {
        out.add(points.get(index));
      }
    }
    return out;
  }

  static <T> double[] array(List<T> items, ToDoubleFunction<T> f) {
    return items.stream().mapToDouble(f).toArray();
  }

  /** The groups split into consecutive slices of at most {@link #GROUPS_PER_FIGURE}. */
  static <T> List<List<T>> slices(List<T> groups) {
    return slices(groups, GROUPS_PER_FIGURE);
  }

  /** The groups split into consecutive slices of at most {@code size}. */
  static <T> List<List<T>> slices(List<T> groups, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i += size) {
      out.add(groups.subList(i, Math.min(groups.size(), i + size)));
    }
    return out;
  }

  /** " (part i of k)" for a figure split over several, "" otherwise. */
  static String part(int slice, List<? extends List<?>> slices) {
    return slices.size() > 1 ? " (part " + (slice + 1) + " of " + slices.size() + ")" : "";
  }

  /** A file-name stem: the figure kind, the context's id and, when split, the slice number. */
  static String stem(String kind, String contextId, int slice, int slices) {
    return kind + "_" + contextId + (slices > 1 ? "_" + (slice + 1) : "");
  }

  /**
   * A file-name part: lower case letters and digits, runs of anything else one hyphen; the Greek
   * letters of the knob labels spelled out (ε=0.01 → eps-0-01).
   */
  static String slug(String s) {
    String latin = s.replace("ε", "eps").replace("λ", "lambda").replace("τ", "tau");
    return latin.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  /** The groups of each context, in report order. */
  static java.util.Map<String, List<GroupInfo>> byContext(List<GroupInfo> groups) {
    return groups.stream().collect(Collectors.groupingBy(GroupInfo::contextId, java.util.LinkedHashMap::new,
        Collectors.toList()));
  }
}
