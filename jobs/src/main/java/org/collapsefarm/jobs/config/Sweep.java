package org.collapsefarm.jobs.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated sweep: contexts × paradigm grid × replicates (DESIGN.md, "Sweep configuration").
 * Built only by {@link SweepLoader}; every field is checked.
 *
 * @param name results go to {@code <output>/<name>/}
 * @param output a local path or a URI (hdfs://, file:)
 * @param seed the sweep seed, from which every cell seed derives ({@link Cells#seed})
 * @param replicates runs per group
 * @param maxGenerations M, the generation cap; a run not collapsed by M is censored
 * @param trajectories which cells record per-generation rows
 * @param sparkMaster {@code spark.master} from the config, or {@code null} when not set
 * @param sparkConf every other {@code spark.*} key of the config, as text, in key order
 * @param contexts in config order
 * @param models the model families' true models ({@code sweep.models}), in config order
 * @param groups contexts in config order, then paradigm entries in config order, then grid order;
 *     then the same for the models
 * @param definition canonical text of everything that determines the results (not Spark settings,
 *     not the output path)
 * @param definitionHash hex SHA-256 of {@code definition}
 * @param text the language-model part (MATH.md §8), {@link TextSweep#NONE} without {@code corpora}
 */
public record Sweep(
    String name,
    String output,
    long seed,
    int replicates,
    int maxGenerations,
    Trajectories trajectories,
    String sparkMaster,
    Map<String, String> sparkConf,
    List<ContextEntry> contexts,
    List<ModelEntry> models,
    List<Group> groups,
    String definition,
    String definitionHash,
    TextSweep text)
    implements Serializable {

  public Sweep {
    sparkConf = Collections.unmodifiableMap(new TreeMap<>(sparkConf));
    contexts = List.copyOf(contexts);
    models = List.copyOf(models);
    groups = List.copyOf(groups);
  }

  /** The model of a group whose context id is a model's, or null for a categorical context. */
  public ModelEntry model(String contextId) {
    for (ModelEntry m : models) {
      if (m.contextId().equals(contextId)) {
        return m;
      }
    }
    return null;
  }

  /** A sweep without models and text. */
  public Sweep(String name, String output, long seed, int replicates, int maxGenerations, Trajectories trajectories,
      String sparkMaster, Map<String, String> sparkConf, List<ContextEntry> contexts, List<Group> groups,
      String definition, String definitionHash) {
    this(name, output, seed, replicates, maxGenerations, trajectories, sparkMaster, sparkConf, contexts, List.of(),
        groups, definition, definitionHash, TextSweep.NONE);
  }

  /** Whether this is a language-model sweep (MATH.md §8). */
  public boolean isText() {
    return !text.isEmpty();
  }

  /** Groups × replicates (text groups included). */
  public long cellCount() {
    return (long) (groups.size() + text.groups().size()) * replicates;
  }
}
