package org.collapsefarm.jobs.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross product of grid axes ("any value written as a list is a grid axis"). Points come in a
 * fixed order: the first axis varies slowest, each axis's values in the order written, so the group
 * order of a sweep never depends on hash-map iteration.
 */
final class Grid {
  /**
   * One axis.
   *
   * @param key the configuration key, e.g. {@code n}
   * @param path where its values were written, e.g. {@code sweep.paradigms[0].n} or {@code
   *     sweep.temperature} for a sweep-wide knob
   * @param values its values, at least one
   */
  record Axis(String key, String path, List<Object> values) {}

  /** One point of the grid: key → value, plus key → path for error messages. */
  record Point(Map<String, Object> values, Map<String, String> paths) {
    Object get(String key) {
      return values.get(key);
    }

    /** The path where {@code key} was written, or {@code fallback.key} when not in the grid. */
    String path(String key, String fallback) {
      return paths.getOrDefault(key, Values.join(fallback, key));
    }
  }

  /** One entry of {@code sweep.contexts} or {@code sweep.paradigms}: where it was written and its axes. */
  record Entry(String path, List<Axis> axes) {
    double size() {
      return Grid.size(axes);
    }
  }

  /** Reads one entry object written at {@code path}. */
  interface EntryReader {
    Entry read(String path, ConfigObject entry) throws ConfigException;
  }

  /** Builds one value from one point of an entry's grid. */
  interface PointBuilder<T> {
    T build(String entryPath, Point point) throws ConfigException;
  }

  private Grid() {}

  /** Builds every point of every entry, in entry order then grid order. */
  static <T> List<T> buildAll(List<Entry> entries, PointBuilder<T> builder) throws ConfigException {
    List<T> out = new ArrayList<>();
    for (Entry e : entries) {
      for (Point point : points(e.axes())) {
        out.add(builder.build(e.path(), point));
      }
    }
    return out;
  }

  /**
   * Reads every entry of the list {@code sweep.<key>}, each an object checked by {@code reader}.
   *
   * @param example a valid entry, quoted in the error when the list or an entry has the wrong shape
   */
  static List<Entry> readEntries(ConfigObject sweep, String key, String example, EntryReader reader)
      throws ConfigException {
    String listPath = "sweep." + key;
    ConfigList list = Values.list(listPath, sweep.get(key), example);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = listPath + "[" + i + "]";
      entries.add(reader.read(path, Values.object(path, list.get(i), example)));
    }
    return entries;
  }

  /** The axis written at {@code path.key}, typed. */
  static Axis writtenAxis(String path, String key, ConfigValue written, Values.Type type) throws ConfigException {
    String at = path + "." + key;
    return new Axis(key, at, Values.axis(at, written, type));
  }

  /** The number of points (as a double so that absurd grids cannot overflow before the guard). */
  static double size(List<Axis> axes) {
    double size = 1;
    for (Axis a : axes) {
      size *= a.values().size();
    }
    return size;
  }

  /** Every point, first axis slowest. */
  static List<Point> points(List<Axis> axes) {
    Map<String, String> paths = new LinkedHashMap<>();
    for (Axis a : axes) {
      paths.put(a.key(), a.path());
    }
    List<Point> out = new ArrayList<>();
    int[] index = new int[axes.size()];
    while (true) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < axes.size(); i++) {
        values.put(axes.get(i).key(), axes.get(i).values().get(index[i]));
      }
      out.add(new Point(values, paths));
      int i = axes.size() - 1;
      while (i >= 0 && ++index[i] == axes.get(i).values().size()) {
        index[i] = 0;
        i--;
      }
      if (i < 0) {
        return out;
      }
    }
  }
}
