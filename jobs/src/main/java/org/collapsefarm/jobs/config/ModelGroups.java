package org.collapsefarm.jobs.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapsefarm.ParameterException;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.family.ModelFamily;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * The groups of the model families: every model × every parameter set, models in config order, then
 * the paradigm entries' order. Each is checked by the paradigm layer ({@link FamilyRecursion#check}:
 * knobs the family cannot take, ε, training-set sizes, a pool that would not fit in memory), the
 * error keyed by the entry that wrote the offending value.
 */
final class ModelGroups {
  private ModelGroups() {}

  /**
   * @param out receives the model entries, in config order (each once)
   * @return the groups
   */
  static List<Group> of(List<ModelGrid.Built> built, List<ParadigmGrid.Spec> specs, int maxGenerations,
      List<ModelEntry> out) throws ConfigException {
    Map<String, String> seen = new HashMap<>();
    List<Group> groups = new ArrayList<>();
    for (ModelGrid.Built b : built) {
      ModelEntry entry = ModelEntry.of(b.spec());
      String first = seen.putIfAbsent(entry.contextId(), b.entryPath());
      if (first != null) {
        throw new ConfigException(b.entryPath(), "model " + b.spec().source() + " appears twice (also in " + first + ")",
            "each model once");
      }
      out.add(entry);
      ModelFamily<?, ?> family = b.spec().build();
      for (ParadigmGrid.Spec s : specs) {
        ParadigmSpec spec = s.spec();
        try {
          if (b.epsilon() != null) {
            spec = spec.withKnobs(spec.temperature(), spec.topP(), spec.smoothing(), b.epsilon(), spec.realAnchor());
          }
          FamilyRecursion.check(family, spec, maxGenerations);
        } catch (ParameterException e) {
          String key = e.parameter();
          String where = key.equals("max-generations") ? "sweep.max-generations"
              : key.equals("collapse-epsilon") && b.epsilon() != null ? b.entryPath() + "." + key
              : s.entryPath() + "." + key;
          String prefix = key + ": ";
          String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
          throw new ConfigException(where, message + " (model " + b.spec().source() + " in " + b.entryPath() + ")");
        }
        groups.add(new Group(Group.groupId(entry.contextId(), spec, maxGenerations), entry.contextId(), spec,
            maxGenerations));
      }
    }
    return groups;
  }
}
