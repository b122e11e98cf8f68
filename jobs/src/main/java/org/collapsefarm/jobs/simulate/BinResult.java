package org.collapsefarm.jobs.simulate;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.collapsefarm.measure.FamilyAccumulator;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.text.TextAccumulator;

/**
 * What one partition (one bin of cells) produces: its {@code runs} rows, its trajectory rows (empty
 * unless asked for) and one per-generation accumulator per group it touched (of the categorical
 * kernel, of a model family or of text), which Spark merges
 * across partitions into the chunk's partial {@code generation_stats} (and {@code probes}) sums; and
 * the sample documents of its text cells.
 */
record BinResult(List<Row> runs, List<Row> trajectories, Map<String, GenerationAccumulator> accumulators,
    Map<String, FamilyAccumulator> familyAccumulators, Map<String, TextAccumulator> textAccumulators, List<Row> samples)
    implements Serializable {}
