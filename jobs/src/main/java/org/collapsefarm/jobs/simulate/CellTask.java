package org.collapsefarm.jobs.simulate;

import java.io.Serializable;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * One cell as shipped to an executor: everything {@link CellRunner} needs except the context itself,
 * which travels once per executor in a broadcast.
 *
 * @param cellId {@code group_id + "-" + replicate} (6 digits), the unit of work, retry and resume
 * @param groupId the runs averaged together (everything but the replicate)
 * @param contextId the key of the context in the broadcast
 * @param spec the paradigm and its parameters
 * @param replicate r in 0..replicates-1
 * @param seed the cell seed, a function of the sweep seed and {@code cellId} only
 * @param estimatedCost the balancing weight ({@link CellPlan#estimatedCost})
 * @param chunk the commit chunk ({@link CellPlan#chunkOf})
 * @param recordTrajectory whether this cell's per-generation measurements go to {@code trajectories}
 */
public record CellTask(
    String cellId,
    String groupId,
    String contextId,
    ParadigmSpec spec,
    int replicate,
    long seed,
    double estimatedCost,
    int chunk,
    boolean recordTrajectory)
    implements Serializable {}
