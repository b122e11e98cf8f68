package org.collapsefarm.jobs.simulate;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.collapsefarm.measure.FamilyAccumulator;
import org.collapsefarm.measure.GenerationAccumulator;

/**
 * What one partition (one bin of cells) produces: its {@code runs} rows, its trajectory rows (empty
 * unless asked for) and one per-generation accumulator per group it touched (of the categorical
 * kernel or of a model family), which Spark merges
 * across partitions into the chunk's partial {@code generation_stats} sums.
 */
record BinResult(List<Row> runs, List<Row> trajectories, Map<String, GenerationAccumulator> accumulators,
    Map<String, FamilyAccumulator> familyAccumulators)
    implements Serializable {}
