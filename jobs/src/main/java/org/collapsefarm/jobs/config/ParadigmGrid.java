package org.collapsefarm.jobs.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.collapsefarm.ParameterException;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.paradigm.SourceMode;

/**
 * The {@code sweep.paradigms} entries (MATH.md §2) and the sweep-wide knobs, expanded into
 * {@link ParadigmSpec}s. A knob written in an entry replaces the sweep-wide one for that entry.
 */
final class ParadigmGrid {
  static final String EXAMPLE = "{ paradigm = fully-synthetic, n = [10, 50] }";

  /** The mitigation knobs (MATH.md §2, notes), allowed in every entry and sweep-wide. */
  static final List<String> KNOBS = List.of("temperature", "top-p", "smoothing", "collapse-epsilon", "real-anchor");

  private static final List<String> ALLOCATIONS = Arrays.stream(Allocation.values()).map(Allocation::configName).toList();
  private static final List<String> POOLS = Arrays.stream(Pool.values()).map(Pool::configName).toList();
  private static final List<String> SOURCES = Arrays.stream(SourceMode.values()).map(SourceMode::configName).toList();
  private static final List<String> PARADIGMS = Arrays.stream(Paradigm.values()).map(Paradigm::configName).toList();

  /** Every key of an entry, in grid order (the first varies slowest), with its type. */
  private static final Map<String, Values.Type> KEYS = new LinkedHashMap<>();
  /** The paradigms a paradigm-specific key applies to; keys not listed apply to all. */
  private static final Map<String, Set<Paradigm>> APPLIES_TO = Map.of(
      "real-n", EnumSet.of(Paradigm.PARTIALLY_SYNTHETIC),
      "window", EnumSet.of(Paradigm.MOST_RECENT),
      "allocation", EnumSet.of(Paradigm.MOST_RECENT),
      "rate", EnumSet.of(Paradigm.ACCUMULATE_SUBSAMPLE, Paradigm.ACCUMULATE),
      "pool", EnumSet.of(Paradigm.ACCUMULATE_SUBSAMPLE),
      "source", EnumSet.of(Paradigm.RANDOMLY_SAMPLED));
  /** Defaults of optional paradigm-specific keys; the others (n, real-n, window) are required. */
  private static final Map<String, Object> DEFAULTS = Map.of(
      "allocation", Allocation.SPLIT.configName(),
      "rate", 1.0,
      "pool", Pool.CORPORA.configName(),
      "source", SourceMode.PER_SAMPLE.configName());

  static {
    KEYS.put("paradigm", Values.Type.TEXT);
    KEYS.put("n", Values.Type.INT);
    KEYS.put("real-n", Values.Type.INT);
    KEYS.put("window", Values.Type.INT);
    KEYS.put("allocation", Values.Type.TEXT);
    KEYS.put("rate", Values.Type.DOUBLE);
    KEYS.put("pool", Values.Type.TEXT);
    KEYS.put("source", Values.Type.TEXT);
    KEYS.put("temperature", Values.Type.DOUBLE);
    KEYS.put("top-p", Values.Type.DOUBLE);
    KEYS.put("smoothing", Values.Type.DOUBLE);
    KEYS.put("collapse-epsilon", Values.Type.DOUBLE);
    KEYS.put("real-anchor", Values.Type.INT);
  }

  /** A built parameter set and the entry it came from. */
  record Spec(String entryPath, ParadigmSpec spec) {}

  private ParadigmGrid() {}

  /** Reads and type-checks every entry of {@code sweep.paradigms} (no range checks yet). */
  static List<Grid.Entry> read(ConfigObject sweep) throws ConfigException {
    return Grid.readEntries(sweep, "paradigms", EXAMPLE, (path, entry) -> readEntry(path, entry, sweep));
  }

  private static Grid.Entry readEntry(String path, ConfigObject entry, ConfigObject sweep) throws ConfigException {
    Set<Paradigm> paradigms = Values.choices(path, entry, "paradigm", Paradigm.class, Paradigm::fromConfig, PARADIGMS);
    Values.checkKeys(path, entry, allowedKeys(paradigms), key -> notApplicable(key, paradigms));

    List<Grid.Axis> axes = new ArrayList<>();
    for (Map.Entry<String, Values.Type> k : KEYS.entrySet()) {
      String key = k.getKey();
      ConfigValue written = entry.get(key);
      if (written != null) {
        axes.add(Grid.writtenAxis(path, key, written, k.getValue()));
      } else if (KNOBS.contains(key)) {
        String at = "sweep." + key;
        axes.add(new Grid.Axis(key, at, Values.axis(at, sweep.get(key), k.getValue())));
      } else if (appliesToAny(key, paradigms)) {
        if (!DEFAULTS.containsKey(key)) {
          throw new ConfigException(path + "." + key, "is required for " + namesOf(applicable(key, paradigms)));
        }
        axes.add(new Grid.Axis(key, path + "." + key, List.of(DEFAULTS.get(key))));
      }
    }
    return new Grid.Entry(path, axes);
  }

  /** Builds the parameter sets of every entry, in entry order then grid order. */
  static List<Spec> specs(List<Grid.Entry> entries) throws ConfigException {
    return Grid.buildAll(entries, (path, point) -> new Spec(path, build(path, point)));
  }

  private static ParadigmSpec build(String path, Grid.Point pt) throws ConfigException {
    Paradigm p = Paradigm.fromConfig((String) pt.get("paradigm"));
    try {
      Allocation allocation = p == Paradigm.MOST_RECENT
          ? Values.choice(pt.path("allocation", path), pt.get("allocation"), Allocation::fromConfig, ALLOCATIONS)
          : Allocation.SPLIT;
      Pool pool = p == Paradigm.ACCUMULATE_SUBSAMPLE
          ? Values.choice(pt.path("pool", path), pt.get("pool"), Pool::fromConfig, POOLS)
          : Pool.CORPORA;
      SourceMode source = p == Paradigm.RANDOMLY_SAMPLED
          ? Values.choice(pt.path("source", path), pt.get("source"), SourceMode::fromConfig, SOURCES)
          : SourceMode.PER_SAMPLE;
      boolean accumulates = p == Paradigm.ACCUMULATE_SUBSAMPLE || p == Paradigm.ACCUMULATE;
      return new ParadigmSpec(
          p,
          (Integer) pt.get("n"),
          p == Paradigm.PARTIALLY_SYNTHETIC ? (Integer) pt.get("real-n") : 0,
          p == Paradigm.MOST_RECENT ? (Integer) pt.get("window") : 0,
          allocation,
          accumulates ? (Double) pt.get("rate") : 0.0,
          pool,
          source,
          (Double) pt.get("temperature"),
          (Double) pt.get("top-p"),
          (Double) pt.get("smoothing"),
          (Double) pt.get("collapse-epsilon"),
          (Integer) pt.get("real-anchor"));
    } catch (ParameterException e) {
      throw Problems.at(pt, path, e);
    }
  }

  private static Set<String> allowedKeys(Set<Paradigm> paradigms) {
    Set<String> allowed = new LinkedHashSet<>();
    for (String key : KEYS.keySet()) {
      if (applicable(key, paradigms).size() == paradigms.size()) {
        allowed.add(key);
      }
    }
    return allowed;
  }

  /** Explains a key that belongs to other paradigms, or null when it is unknown everywhere. */
  private static String notApplicable(String key, Set<Paradigm> paradigms) {
    Set<Paradigm> users = APPLIES_TO.get(key);
    if (users == null) {
      return null;
    }
    Set<Paradigm> misfits = EnumSet.copyOf(paradigms);
    misfits.removeAll(users);
    return key + " is used only by " + namesOf(users) + ", not by " + namesOf(misfits);
  }

  private static boolean appliesToAny(String key, Set<Paradigm> paradigms) {
    return !applicable(key, paradigms).isEmpty();
  }

  private static Set<Paradigm> applicable(String key, Set<Paradigm> paradigms) {
    Set<Paradigm> users = APPLIES_TO.get(key);
    Set<Paradigm> out = EnumSet.copyOf(paradigms);
    if (users != null) {
      out.retainAll(users);
    }
    return out;
  }

  private static String namesOf(Set<Paradigm> paradigms) {
    return paradigms.stream().map(Paradigm::configName).collect(Collectors.joining(" and "));
  }
}
