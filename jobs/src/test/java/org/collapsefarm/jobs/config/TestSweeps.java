package org.collapsefarm.jobs.config;

import java.util.List;
import java.util.Map;
import org.collapsefarm.context.Context;
import org.collapsefarm.paradigm.ParadigmSpec;

/** Sweeps built by hand (no loader, no kernel), for the tests of what consumes a {@link Sweep}. */
final class TestSweeps {
  private TestSweeps() {}

  /** p = (0.5, 0.3, 0.2) on 3 tokens. */
  static Context threeTokens() {
    return new Context(3, new int[] {0, 1, 2}, new double[] {0.5, 0.3, 0.2}, "explicit(probs=[0.5,0.3,0.2])");
  }

  /** One context, fully synthetic with n = 10 and 50, 4 replicates, M = 100. */
  static Sweep small(String name, String output) {
    ContextEntry c = ContextEntry.of(threeTokens());
    List<Group> groups = List.of(group(c, ParadigmSpec.fullySynthetic(10)), group(c, ParadigmSpec.fullySynthetic(50)));
    String definition = Definition.text(name, 7, 4, 100, Trajectories.NONE, List.of(c), List.of(), groups);
    return new Sweep(name, output, 7, 4, 100, Trajectories.NONE, null, Map.of(), List.of(c), groups,
        definition, Definition.sha256(definition));
  }

  private static Group group(ContextEntry c, ParadigmSpec spec) {
    return new Group(Group.groupId(c.contextId(), spec, 100), c.contextId(), spec,
        WorkEstimate.generations(c.context(), spec, 100));
  }
}
