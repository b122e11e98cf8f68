package org.collapsefarm.jobs.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.collapsefarm.ParameterException;
import org.collapsefarm.family.Estimator;
import org.collapsefarm.family.FamilySpec;

/**
 * The {@code sweep.models} entries (DESIGN.md "Model families"; MATH.md §7): true models of the
 * Gaussian and Poisson families, each entry a grid like a context entry (every value written as a
 * list is an axis). Gaussian: {@code dimension} (default 1), {@code mean} (default 0), {@code
 * variance} (default 1), {@code estimator} mle | unbiased (default mle); Poisson: {@code rate}
 * (required). A Gaussian entry may set its own {@code collapse-epsilon} (see {@link Built}).
 */
final class ModelGrid {
  static final String EXAMPLE = "{ family = gaussian, mean = 0, variance = 1, estimator = [mle, unbiased] }";
  private static final List<String> FAMILIES = List.of(FamilySpec.GAUSSIAN, FamilySpec.POISSON);
  private static final Map<String, List<String>> FAMILY_KEYS = Map.of(
      FamilySpec.GAUSSIAN, List.of("family", "dimension", "mean", "variance", "estimator", "collapse-epsilon"),
      FamilySpec.POISSON, List.of("family", "rate"));
  private static final Map<String, Object> DEFAULTS =
      Map.of("dimension", 1, "mean", 0.0, "variance", 1.0, "estimator", Estimator.MLE.configName());
  private static final Map<String, Values.Type> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("family", Values.Type.TEXT);
    KEYS.put("dimension", Values.Type.INT);
    KEYS.put("mean", Values.Type.DOUBLE);
    KEYS.put("variance", Values.Type.DOUBLE);
    KEYS.put("estimator", Values.Type.TEXT);
    KEYS.put("rate", Values.Type.DOUBLE);
    KEYS.put("collapse-epsilon", Values.Type.DOUBLE);
  }

  /**
   * A built model and the entry it came from.
   *
   * @param epsilon the entry's own {@code collapse-epsilon} (Gaussian collapse is var_ratio ≤ ε), or
   *     null to keep the paradigm's; a model entry may set it so that one sweep can hold categorical
   *     contexts (ε = 0: a Dirac mass) and Gaussian models (ε in (0, 1) required)
   */
  record Built(String entryPath, FamilySpec spec, Double epsilon) {}

  private ModelGrid() {}

  /** Reads every entry of {@code sweep.models}, or none when the key is absent. */
  static List<Grid.Entry> read(ConfigObject sweep) throws ConfigException {
    if (sweep.get("models") == null) {
      return List.of();
    }
    return Grid.readEntries(sweep, "models", EXAMPLE, ModelGrid::readEntry);
  }

  private static Grid.Entry readEntry(String path, ConfigObject entry) throws ConfigException {
    String at = path + ".family";
    if (entry.get("family") == null) {
      throw new ConfigException(at, "is required", String.join(", ", FAMILIES));
    }
    // One family per entry: the keys differ between families, so an axis of families has no meaning.
    String family = Values.text(at, entry.get("family"));
    if (!FAMILY_KEYS.containsKey(family)) {
      throw new ConfigException(at, "unknown model family '" + family + "'" + DidYouMean.hint(family, FAMILIES)
          + " (categorical distributions go in sweep.contexts)", String.join(", ", FAMILIES));
    }
    List<String> keys = FAMILY_KEYS.get(family);
    Values.checkKeys(path, entry, new LinkedHashSet<>(keys), key -> KEYS.containsKey(key)
        ? key + " does not apply to the " + family + " family" : null);
    List<Grid.Axis> axes = new ArrayList<>();
    for (String key : keys) {
      ConfigValue written = entry.get(key);
      if (written == null && key.equals("collapse-epsilon")) {
        continue; // the paradigm's
      }
      if (written != null) {
        axes.add(Grid.writtenAxis(path, key, written, KEYS.get(key)));
      } else if (DEFAULTS.containsKey(key)) {
        axes.add(new Grid.Axis(key, path + "." + key, List.of(DEFAULTS.get(key))));
      } else {
        throw new ConfigException(path + "." + key, "is required for family " + family);
      }
    }
    return new Grid.Entry(path, axes);
  }

  /** Builds every model, in entry order then grid order. */
  static List<Built> models(List<Grid.Entry> entries) throws ConfigException {
    return Grid.buildAll(entries, (path, pt) -> new Built(path, build(path, pt), (Double) pt.get("collapse-epsilon")));
  }

  private static FamilySpec build(String path, Grid.Point pt) throws ConfigException {
    try {
      FamilySpec spec;
      if (FamilySpec.GAUSSIAN.equals(pt.get("family"))) {
        Estimator estimator = Values.choice(pt.path("estimator", path), pt.get("estimator"), Estimator::fromConfig,
            List.of("mle", "unbiased"));
        spec = new FamilySpec(FamilySpec.GAUSSIAN, (Integer) pt.get("dimension"), (Double) pt.get("mean"),
            (Double) pt.get("variance"), estimator, 0.0);
      } else {
        spec = FamilySpec.poisson((Double) pt.get("rate"));
      }
      spec.build(); // validates the parameters (variance > 0, rate > 0)
      return spec;
    } catch (ParameterException e) {
      throw Problems.at(pt, path, e);
    }
  }
}
