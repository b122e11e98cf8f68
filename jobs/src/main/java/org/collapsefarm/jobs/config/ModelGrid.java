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
 * list is an axis). Gaussian: {@code dimension} (default 1), {@code mean} (default 0, the same in
 * every coordinate), {@code variance} (default 1; Σ_0 = variance·I) or {@code covariance} (Σ_0 itself:
 * {@code identity}, the diagonal as a list of d numbers, or d rows of d numbers — one matrix, not an
 * axis; a list of matrices is an axis), {@code estimator} mle | unbiased (default mle); Poisson:
 * {@code rate} (required). A Gaussian entry may set its own {@code collapse-epsilon} (see {@link Built}).
 */
final class ModelGrid {
  static final String EXAMPLE = "{ family = gaussian, mean = 0, variance = 1, estimator = [mle, unbiased] }";
  private static final List<String> FAMILIES = List.of(FamilySpec.GAUSSIAN, FamilySpec.POISSON);
  private static final Map<String, List<String>> FAMILY_KEYS = Map.of(
      FamilySpec.GAUSSIAN, List.of("family", "dimension", "mean", "variance", "covariance", "estimator", "collapse-epsilon"),
      FamilySpec.POISSON, List.of("family", "rate"));
  private static final Map<String, Object> DEFAULTS =
      Map.of("dimension", 1, "mean", 0.0, "variance", 1.0, "estimator", Estimator.MLE.configName());
  private static final Map<String, Values.Type> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("family", Values.Type.TEXT);
    KEYS.put("dimension", Values.Type.INT);
    KEYS.put("mean", Values.Type.DOUBLE);
    KEYS.put("variance", Values.Type.DOUBLE);
    KEYS.put("covariance", Values.Type.MATRIX);
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
      if (written == null && (key.equals("collapse-epsilon") || key.equals("covariance"))) {
        continue; // the paradigm's ε; Σ_0 = variance·I
      }
      if (written != null && key.equals("covariance") && entry.get("variance") != null) {
        throw new ConfigException(path + ".covariance", "set either variance (covariance = variance times the "
            + "identity) or covariance, not both");
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

  /** Σ_0 row-major: variance·I when no covariance is written, else the written matrix, which must be d×d. */
  private static double[] covariance(int d, double variance, Values.Matrix written) {
    double[] c = new double[d * d];
    if (written == null || written.rows() == null) {
      if (written == null) {
        ParameterException.requireAbove("variance", variance, 0.0);
      }
      for (int i = 0; i < d; i++) {
        c[i * d + i] = written == null ? variance : 1.0;
      }
      return c;
    }
    double[][] rows = written.rows();
    if (rows.length != d) {
      throw new ParameterException("covariance", "must be " + d + "x" + d + " for dimension = " + d + ", got "
          + rows.length + " rows; allowed: " + Values.Matrix.ALLOWED);
    }
    for (int i = 0; i < d; i++) {
      if (rows[i].length != d) {
        throw new ParameterException("covariance", "must be " + d + "x" + d + " for dimension = " + d + ", but row "
            + i + " has " + rows[i].length + " numbers");
      }
      System.arraycopy(rows[i], 0, c, i * d, d);
    }
    if (d == 1 && !(c[0] > 0)) {
      throw new ParameterException("covariance", "must be positive definite, got [[" + c[0] + "]]");
    }
    return c;
  }

  private static FamilySpec build(String path, Grid.Point pt) throws ConfigException {
    try {
      FamilySpec spec;
      if (FamilySpec.GAUSSIAN.equals(pt.get("family"))) {
        Estimator estimator = Values.choice(pt.path("estimator", path), pt.get("estimator"), Estimator::fromConfig,
            List.of("mle", "unbiased"));
        int d = (Integer) pt.get("dimension");
        ParameterException.requireAtLeast("dimension", d, 1);
        spec = FamilySpec.gaussian(d, (Double) pt.get("mean"),
            covariance(d, (Double) pt.get("variance"), (Values.Matrix) pt.get("covariance")), estimator);
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
