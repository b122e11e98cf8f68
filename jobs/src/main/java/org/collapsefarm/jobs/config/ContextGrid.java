package org.collapsefarm.jobs.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.collapsefarm.ParameterException;
import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;

/**
 * The {@code sweep.contexts} entries: families of initial distributions p^(0) (MATH.md §1), each
 * built by {@link Contexts}. Every value written as a list is a grid axis, except the {@code probs}
 * vector of an explicit context (a list of such vectors is an axis of vectors).
 */
final class ContextGrid {
  static final String EXAMPLE = "{ family = uniform, vocabulary = 10 }";
  /** The seed of a seeded family when none is written. */
  static final long DEFAULT_SEED = 0;
  /**
   * The largest vocabulary a sweep may use: the driver builds and holds every context (dense
   * families cost about 12 bytes per token), so a typo such as an extra zero must not exhaust it.
   */
  static final int MAX_VOCABULARY = 10_000_000;

  /** A family of initial distributions and the keys it takes. */
  enum Family {
    EXPLICIT("explicit", List.of("probs"), List.of("probs")),
    UNIFORM("uniform", List.of("vocabulary", "support", "seed"), List.of("vocabulary")),
    POWER_LAW("power-law", List.of("vocabulary", "support", "s0", "seed"), List.of("vocabulary", "support", "s0")),
    DIRICHLET("dirichlet", List.of("vocabulary", "concentration", "seed"), List.of("vocabulary", "concentration")),
    ZIPF("zipf", List.of("vocabulary", "exponent"), List.of("vocabulary", "exponent"));

    final String configName;
    final List<String> keys;
    final List<String> required;

    Family(String configName, List<String> keys, List<String> required) {
      this.configName = configName;
      this.keys = keys;
      this.required = required;
    }

    static Family fromConfig(String name) {
      for (Family f : values()) {
        if (f.configName.equals(name)) {
          return f;
        }
      }
      throw new ParameterException("family", "unknown family '" + name + "'");
    }
  }

  private static final List<String> FAMILIES = Arrays.stream(Family.values()).map(f -> f.configName).toList();

  /** Every key of an entry, in grid order (the first varies slowest), with its type. */
  private static final Map<String, Values.Type> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("family", Values.Type.TEXT);
    KEYS.put("probs", Values.Type.VECTOR);
    KEYS.put("vocabulary", Values.Type.INT);
    KEYS.put("support", Values.Type.INT);
    KEYS.put("s0", Values.Type.DOUBLE);
    KEYS.put("concentration", Values.Type.DOUBLE);
    KEYS.put("exponent", Values.Type.DOUBLE);
    KEYS.put("seed", Values.Type.LONG);
  }

  /** A built context and the entry it came from. */
  record Built(String entryPath, Context context) {}

  private ContextGrid() {}

  /** Reads and type-checks every entry of {@code sweep.contexts}. */
  static List<Grid.Entry> read(ConfigObject sweep) throws ConfigException {
    return Grid.readEntries(sweep, "contexts", EXAMPLE, (path, entry) -> readEntry(path, entry));
  }

  private static Grid.Entry readEntry(String path, ConfigObject entry) throws ConfigException {
    Set<Family> families = Values.choices(path, entry, "family", Family.class, Family::fromConfig, FAMILIES);
    Set<String> allowed = new LinkedHashSet<>();
    allowed.add("family");
    for (String key : KEYS.keySet()) {
      if (families.stream().allMatch(f -> f.keys.contains(key))) {
        allowed.add(key);
      }
    }
    Values.checkKeys(path, entry, allowed, key -> notApplicable(key, families));

    List<Grid.Axis> axes = new ArrayList<>();
    for (Map.Entry<String, Values.Type> k : KEYS.entrySet()) {
      String key = k.getKey();
      ConfigValue written = entry.get(key);
      if (written != null) {
        axes.add(Grid.writtenAxis(path, key, written, k.getValue()));
        continue;
      }
      for (Family f : families) {
        if (f.required.contains(key)) {
          throw new ConfigException(path + "." + key, "is required for family " + f.configName);
        }
      }
    }
    return new Grid.Entry(path, axes);
  }

  /** Builds every context, in entry order then grid order. */
  static List<Built> contexts(List<Grid.Entry> entries) throws ConfigException {
    return Grid.buildAll(entries, (path, point) -> new Built(path, build(path, point)));
  }

  private static Context build(String path, Grid.Point pt) throws ConfigException {
    Family family = Family.fromConfig((String) pt.get("family"));
    Object vocabulary = pt.get("vocabulary");
    if (vocabulary != null && (Integer) vocabulary > MAX_VOCABULARY) {
      throw new ConfigException(pt.path("vocabulary", path), "a vocabulary of " + vocabulary + " tokens is too large for the driver",
          "at most " + MAX_VOCABULARY);
    }
    try {
      return switch (family) {
        case EXPLICIT -> Contexts.explicit((double[]) pt.get("probs"));
        case UNIFORM -> Contexts.uniform(vocabulary(pt), intOr(pt, "support", vocabulary(pt)), seed(pt));
        case POWER_LAW -> {
          checkReachable(path, pt);
          yield Contexts.powerLaw(vocabulary(pt), (Integer) pt.get("support"), (Double) pt.get("s0"), seed(pt));
        }
        case DIRICHLET -> Contexts.dirichlet(vocabulary(pt), (Double) pt.get("concentration"), seed(pt));
        case ZIPF -> Contexts.zipf(vocabulary(pt), (Double) pt.get("exponent"));
      };
    } catch (ParameterException e) {
      throw Problems.at(pt, path, e);
    }
  }

  /**
   * Power-law weights on s~ tokens reach exactly the dispersions S_0 = Σp_i² in [1/s~, 1): 1/s~ is
   * the uniform vector, and S_0 → 1 only as the exponent → ∞ (MATH.md §1). A Dirac (s~ = 1) has S_0 = 1.
   */
  private static void checkReachable(String path, Grid.Point pt) throws ConfigException {
    int support = (Integer) pt.get("support");
    double s0 = (Double) pt.get("s0");
    if (support < 1) {
      return; // the kernel names support's own range
    }
    double lowest = 1.0 / support;
    boolean reachable = support == 1 ? s0 == 1.0 : s0 >= lowest * (1 - 1e-12) && s0 < 1.0;
    if (!reachable) {
      String range = support == 1 ? "1 (a single token)" : String.format(Locale.ROOT, "[1/%d, 1) = [%.6g, 1)", support, lowest);
      throw new ConfigException(pt.path("s0", path),
          "S_0 = " + s0 + " is unreachable with support " + support, "S_0 in " + range);
    }
  }

  private static int vocabulary(Grid.Point pt) {
    return (Integer) pt.get("vocabulary");
  }

  private static int intOr(Grid.Point pt, String key, int fallback) {
    Object v = pt.get(key);
    return v == null ? fallback : (Integer) v;
  }

  private static long seed(Grid.Point pt) {
    Object v = pt.get("seed");
    return v == null ? DEFAULT_SEED : (Long) v;
  }

  /** Explains a key of other families, or null when it is unknown everywhere. */
  private static String notApplicable(String key, Set<Family> families) {
    if (!KEYS.containsKey(key)) {
      return null;
    }
    String users = Arrays.stream(Family.values()).filter(f -> f.keys.contains(key))
        .map(f -> f.configName).collect(Collectors.joining(", "));
    String misfits = families.stream().filter(f -> !f.keys.contains(key))
        .map(f -> f.configName).collect(Collectors.joining(" and "));
    return key + " is used only by family " + users + ", not by " + misfits;
  }
}
