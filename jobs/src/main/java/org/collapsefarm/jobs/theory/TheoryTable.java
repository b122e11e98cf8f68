package org.collapsefarm.jobs.theory;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.collapsefarm.theory.TheoryRow;

/**
 * The {@code theory} table (DESIGN.md): one row per (group, generation, quantity), generation null
 * for a scalar; {@code value} may be {@code +∞} for a bound beyond the double range, whose
 * {@code *_log10_bound} row is then the number to read.
 */
public final class TheoryTable {
  public static final String NAME = "theory";
  public static final StructType SCHEMA =
      new StructType()
          .add("group_id", StringType, false)
          .add("generation", IntegerType, true)
          .add("quantity", StringType, false)
          .add("value", DoubleType, false)
          .add("source", StringType, false);

  private TheoryTable() {}

  public static Row row(String groupId, TheoryRow r) {
    return RowFactory.create(groupId, r.generation(), r.quantity(), r.value(), r.source());
  }

  /** The theory row of a table row. */
  public static TheoryRow of(Row row) {
    return new TheoryRow(row.isNullAt(1) ? null : row.getInt(1), row.getString(2), row.getDouble(3), row.getString(4));
  }
}
