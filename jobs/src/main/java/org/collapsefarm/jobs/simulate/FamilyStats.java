package org.collapsefarm.jobs.simulate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.config.ModelEntry;
import org.collapsefarm.measure.FamilyAccumulator;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.text.TextMetric;
import scala.Tuple2;

/**
 * The model families' share of the simulate stage's tables (MATH.md §7): their partial
 * {@code generation_stats} sums — the categorical metric columns null, each family measurement in
 * its own column — and their {@code contexts} rows.
 */
final class FamilyStats {
  private FamilyStats() {}

  /** Every measurement column of generation_stats: the categorical metrics, then the families', then text's. */
  static List<String> measurementColumns() {
    List<String> columns = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      columns.add(metric.column());
    }
    columns.addAll(FamilySpec.COLUMNS);
    for (TextMetric metric : TextMetric.values()) {
      columns.add(metric.column());
    }
    return columns;
  }

  /** The merged partial rows of the bins' family accumulators ({@link Tables#PARTIALS_SCHEMA}). */
  static JavaRDD<Row> partials(JavaRDD<BinResult> results, int partitions, GenerationGrid grid) {
    return results
        .flatMapToPair(r -> r.familyAccumulators().entrySet().stream()
            .map(e -> new Tuple2<>(e.getKey(), e.getValue()))
            .iterator())
        // A fresh accumulator per merge: the cached ones must stay unchanged for retries.
        .reduceByKey((a, b) -> new FamilyAccumulator(a.maxGenerations(), a.names()).merge(a).merge(b), partitions)
        .flatMap(e -> rows(e._1(), e._2(), grid).iterator());
  }

  static List<Row> rows(String groupId, FamilyAccumulator acc, GenerationGrid grid) {
    List<Row> rows = new ArrayList<>(grid.size());
    for (int m = 0; m < grid.size(); m++) {
      Object[] cols = new Object[Tables.PARTIALS_SCHEMA.size()]; // categorical and text sums null
      cols[0] = groupId;
      cols[1] = grid.generation(m);
      cols[2] = acc.runs(m);
      cols[3] = acc.collapsed(m);
      cols[4] = acc.collapsedBy(m);
      int i = 5 + 2 * Metric.COUNT;
      for (String column : FamilySpec.COLUMNS) {
        int k = acc.names().indexOf(column);
        cols[i++] = k < 0 ? null : acc.sum(k, m);
        cols[i++] = k < 0 ? null : acc.sumOfSquares(k, m);
        cols[i++] = k < 0 ? null : acc.sumOfCubes(k, m);
      }
      rows.add(RowFactory.create(cols));
    }
    return rows;
  }

  /** A model's {@code contexts} row: the categorical columns null, the family and its parameters. */
  static Row contextRow(ModelEntry m) {
    FamilySpec f = m.spec();
    boolean gaussian = FamilySpec.GAUSSIAN.equals(f.family());
    Object[] cols = new Object[Tables.CONTEXTS_SCHEMA.size()]; // categorical and text columns null
    cols[0] = m.contextId();
    int i = Tables.CONTEXTS_SCHEMA.fieldIndex("source");
    cols[i++] = f.source();
    cols[i++] = f.family();
    cols[i++] = gaussian ? f.dimension() : null;
    cols[i++] = gaussian ? f.mean() : null;
    cols[i++] = gaussian ? f.variance() : null;
    cols[i++] = gaussian ? f.estimator().configName() : null;
    cols[i] = gaussian ? null : f.rate();
    return RowFactory.create(cols);
  }
}
