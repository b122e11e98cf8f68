package org.collapsefarm.jobs.config;

import java.io.Serializable;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;

/**
 * Everything that identifies a set of runs but the replicate: one context and one paradigm spec
 * under one generation cap. The runs of a group are the ones averaged together in {@code
 * generation_stats}.
 *
 * @param groupId 16 hex digits of {@code CellSeeds.key(contextId + "|" + spec.canonical() +
 *     "|max-generations=" + M)}
 * @param contextId the {@link ContextEntry#contextId()} of the context
 * @param spec the paradigm and its parameters
 * @param estimatedGenerations the expected number of generations of one run (see {@link
 *     WorkEstimate}); used to plan and to balance partitions, never to decide results
 */
public record Group(String groupId, String contextId, ParadigmSpec spec, double estimatedGenerations)
    implements Serializable {

  /** The group id of (context, spec, M), as documented on the record. */
  public static String groupId(String contextId, ParadigmSpec spec, int maxGenerations) {
    return Ids.hex(CellSeeds.key(contextId + "|" + spec.canonical() + "|max-generations=" + maxGenerations));
  }
}
