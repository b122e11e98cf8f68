package org.collapsefarm.jobs.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads, validates and expands a sweep configuration (DESIGN.md, "Sweep configuration"). All cheap
 * checks (keys, types, grid sizes) run before any context is built, and nothing is ever written.
 */
public final class SweepLoader {
  /** The keys allowed at the top of a sweep file. */
  static final Set<String> ROOT_KEYS = Set.of("sweep", "spark");
  /** The keys allowed in {@code sweep}. */
  static final Set<String> SWEEP_KEYS;
  /** The keys allowed in {@code sweep.record}. */
  static final Set<String> RECORD_KEYS = Set.of("trajectories", "sample-size");
  /** A folder name that is the same on every file system and cannot escape {@code output}. */
  static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final String NAME_RULE = "1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit";
  /**
   * The most groups a sweep may have, whatever {@code sweep.max-cells} says: the driver holds every
   * group (and its context) in memory.
   */
  static final int MAX_GROUPS = 1_000_000;

  static {
    Set<String> keys = new LinkedHashSet<>(List.of(
        "name", "output", "seed", "replicates", "max-generations", "max-cells", "contexts", "models", "paradigms",
        "record", "corpora", "text"));
    keys.addAll(ParadigmGrid.KNOBS);
    SWEEP_KEYS = Set.copyOf(keys);
  }

  private SweepLoader() {}

  /**
   * Loads {@code conf} (HOCON) on top of {@code reference.conf}, applies {@code --set} overrides
   * ({@code key=value}, HOCON value syntax), validates everything, builds contexts and groups.
   *
   * @throws ConfigException on any bad input, naming the key
   */
  public static Sweep load(Path conf, List<String> overrides) throws ConfigException {
    ConfigFiles.Layers layers = ConfigFiles.read(conf, overrides);
    Values.checkKeys("", layers.user().root(), ROOT_KEYS, key -> null);
    Config merged = layers.merged();
    ConfigObject sweep = Values.object("sweep", merged.root().get("sweep"), "sweep { name = ..., contexts = [...], paradigms = [...] }");
    Values.checkKeys("sweep", sweep, SWEEP_KEYS, key -> null);

    String name = name(sweep.get("name"));
    String output = output(sweep.get("output"));
    long seed = Values.longInteger("sweep.seed", required("sweep.seed", sweep.get("seed")));
    int replicates = atLeast("sweep.replicates", sweep.get("replicates"), 1);
    int maxGenerations = atLeast("sweep.max-generations", sweep.get("max-generations"), 1);
    long maxCells = Values.longInteger("sweep.max-cells", required("sweep.max-cells", sweep.get("max-cells")));
    if (maxCells < 1) {
      throw new ConfigException("sweep.max-cells", "must be an integer >= 1, got " + maxCells);
    }
    Trajectories trajectories = trajectories(sweep.get("record"));
    SparkSettings.Settings spark = SparkSettings.read(merged.root().get("spark"));

    boolean text = sweep.containsKey("corpora");
    List<Grid.Entry> modelEntries = ModelGrid.read(sweep);
    // A sweep of models or of text (or both) needs no categorical context.
    List<Grid.Entry> contextEntries =
        (text || !modelEntries.isEmpty()) && sweep.get("contexts") == null ? List.of() : ContextGrid.read(sweep);
    List<Grid.Entry> paradigmEntries = ParadigmGrid.read(sweep);
    List<Grid.Entry> starts = new ArrayList<>(contextEntries);
    starts.addAll(modelEntries);
    checkSize(starts, paradigmEntries, replicates, maxCells);

    List<ParadigmGrid.Spec> specs = ParadigmGrid.specs(paradigmEntries);
    checkDistinctSpecs(specs);
    TextSweep textSweep = TextConfig.read(sweep, specs.stream().map(ParadigmGrid.Spec::spec).toList(), maxGenerations);
    if ((double) textSweep.groups().size() * replicates > maxCells) {
      throw new ConfigException("sweep.max-cells", textSweep.groups().size() + " text groups × " + replicates
          + " replicates exceed sweep.max-cells = " + maxCells, "shrink the grid, or raise sweep.max-cells");
    }
    List<ContextEntry> contexts = contexts(ContextGrid.contexts(contextEntries));
    List<Group> groups = new ArrayList<>();
    for (ContextEntry c : contexts) {
      for (ParadigmGrid.Spec s : specs) {
        groups.add(new Group(Group.groupId(c.contextId(), s.spec(), maxGenerations), c.contextId(), s.spec(),
            WorkEstimate.generations(c.context(), s.spec(), maxGenerations)));
      }
    }
    List<ModelEntry> models = new ArrayList<>();
    groups.addAll(ModelGroups.of(ModelGrid.models(modelEntries), specs, maxGenerations, models));
    String definition = Definition.text(name, seed, replicates, maxGenerations, trajectories, contexts, models, groups)
        + textSweep.canonical();
    return new Sweep(name, output, seed, replicates, maxGenerations, trajectories, spark.master(), spark.conf(),
        contexts, models, groups, definition, Definition.sha256(definition), textSweep);
  }

  private static String name(ConfigValue v) throws ConfigException {
    if (v == null) {
      throw new ConfigException("sweep.name", "is required (results go to <output>/<name>/)", NAME_RULE);
    }
    String name = Values.text("sweep.name", v);
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new ConfigException("sweep.name", "'" + name + "' is not a safe folder name", NAME_RULE);
    }
    return name;
  }

  private static String output(ConfigValue v) throws ConfigException {
    String output = Values.text("sweep.output", required("sweep.output", v));
    if (output.isBlank()) {
      throw new ConfigException("sweep.output", "is empty", "a folder path or a URI such as hdfs://host/path");
    }
    return output;
  }

  private static Trajectories trajectories(ConfigValue v) throws ConfigException {
    ConfigObject record = Values.object("sweep.record", required("sweep.record", v), "{ trajectories = none }");
    Values.checkKeys("sweep.record", record, RECORD_KEYS, key -> null);
    List<String> modes = Arrays.stream(Trajectories.Mode.values()).map(Trajectories.Mode::configName).toList();
    String name = Values.text("sweep.record.trajectories", required("sweep.record.trajectories", record.get("trajectories")));
    Trajectories.Mode mode = Values.choice("sweep.record.trajectories", name, Trajectories.Mode::fromConfig, modes);
    if (mode != Trajectories.Mode.SAMPLE) {
      return new Trajectories(mode, 0);
    }
    return new Trajectories(mode, atLeast("sweep.record.sample-size", record.get("sample-size"), 1));
  }

  /** Guards against a grid typo (e.g. one axis too many) before anything expensive is built. */
  private static void checkSize(List<Grid.Entry> contexts, List<Grid.Entry> paradigms,
      int replicates, long maxCells) throws ConfigException {
    double contextCount = contexts.stream().mapToDouble(Grid.Entry::size).sum();
    double specCount = paradigms.stream().mapToDouble(Grid.Entry::size).sum();
    double groups = contextCount * specCount;
    double cells = groups * replicates;
    String sizes = String.format(Locale.ROOT, "%.0f contexts × %.0f parameter sets × %d replicates = %.4g cells",
        contextCount, specCount, replicates, cells);
    if (cells > maxCells) {
      throw new ConfigException("sweep.max-cells", sizes + " exceeds sweep.max-cells = " + maxCells,
          "shrink the grid, or raise sweep.max-cells if this is intended");
    }
    if (groups > MAX_GROUPS) {
      throw new ConfigException("sweep.paradigms", sizes + ": " + String.format(Locale.ROOT, "%.0f", groups)
          + " groups exceed the driver's limit of " + MAX_GROUPS, "fewer contexts or parameter sets, more replicates");
    }
  }

  /** Two equal parameter sets would make two groups with one group id, i.e. duplicate cells. */
  private static void checkDistinctSpecs(List<ParadigmGrid.Spec> specs) throws ConfigException {
    Map<String, String> seen = new HashMap<>();
    for (ParadigmGrid.Spec s : specs) {
      String first = seen.putIfAbsent(s.spec().canonical(), s.entryPath());
      if (first != null) {
        throw new ConfigException(s.entryPath(), "parameter set " + s.spec().canonical() + " appears twice (also in "
            + first + ")", "each parameter set once");
      }
    }
  }

  /** Context entries with ids; two equal contexts would duplicate every group of theirs. */
  private static List<ContextEntry> contexts(List<ContextGrid.Built> built) throws ConfigException {
    Map<String, String> seen = new HashMap<>();
    List<ContextEntry> out = new ArrayList<>();
    for (ContextGrid.Built b : built) {
      ContextEntry entry = ContextEntry.of(b.context());
      String first = seen.putIfAbsent(entry.contextId(), b.entryPath());
      if (first != null) {
        throw new ConfigException(b.entryPath(), "context " + b.context().source() + " appears twice (also in "
            + first + ")", "each context once");
      }
      out.add(entry);
    }
    return out;
  }

  private static int atLeast(String path, ConfigValue v, int min) throws ConfigException {
    int value = Values.integer(path, required(path, v));
    if (value < min) {
      throw new ConfigException(path, "must be an integer >= " + min + ", got " + value);
    }
    return value;
  }

  private static ConfigValue required(String path, ConfigValue v) throws ConfigException {
    if (v == null) {
      throw new ConfigException(path, "is required");
    }
    return v;
  }
}
