package org.collapsefarm.jobs;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reading a runs table for comparison. */
public final class RunsTables {
  /**
   * The one column that cannot repeat: wall time of the cell. Everything else must be identical bit
   * for bit ({@link Row#equals} compares doubles with {@link Double#equals}, i.e. by bits).
   */
  public static final String TIMING = "elapsed_ns";

  private RunsTables() {}

  /** Every row of a runs table sorted by cell_id, all columns except {@link #TIMING}. */
  public static List<Row> comparable(SparkSession spark, String runsTable) {
    return spark.read().parquet(runsTable).drop(TIMING).orderBy("cell_id").collectAsList();
  }
}
