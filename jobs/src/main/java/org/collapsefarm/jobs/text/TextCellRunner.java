package org.collapsefarm.jobs.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.text.TextAccumulator;
import org.collapsefarm.text.TextCorpus;
import org.collapsefarm.text.TextMetric;
import org.collapsefarm.text.TextRecursion;
import org.collapsefarm.text.TextSetup;
import org.collapsefarm.text.TextSink;

/**
 * Runs a bin of text cells on an executor ({@link TextRecursion#run} per cell) into per-group {@link
 * TextAccumulator}s, {@code runs} rows and (replicate 0) {@code samples} rows. A cell's result depends
 * on its corpus, order, spec, cap and seed only, never on the bin it landed in.
 */
final class TextCellRunner {
  /** What a bin produced. */
  record BinResult(List<Row> runs, List<Row> samples, Map<String, TextAccumulator> accumulators) implements Serializable {}

  /** Setups kept per executor JVM (a graph per corpus and order). */
  private static final int CACHED = 8;
  private static final Map<String, TextSetup> SETUPS = new LinkedHashMap<>(16, 0.75f, true);

  private TextCellRunner() {}

  static BinResult run(List<TextCellTask> bin, HadoopConf conf, int maxGenerations, int maxLength,
      List<String> probes, boolean kneserNey, int samples) {
    List<Row> runs = new ArrayList<>();
    List<Row> sampleRows = new ArrayList<>();
    Map<String, TextAccumulator> accumulators = new TreeMap<>();
    for (TextCellTask cell : bin) {
      TextSetup setup = setup(cell, conf, probes, kneserNey);
      TextAccumulator acc = accumulators.computeIfAbsent(cell.groupId(),
          g -> new TextAccumulator(maxGenerations, probes.size()));
      TextSink sink = cell.keepSamples() ? new SampleSink(acc, cell, sampleRows) : acc;
      long start = System.nanoTime();
      TextRecursion.Result r = TextRecursion.run(setup, cell.spec(), maxLength, maxGenerations, cell.seed(), samples, sink);
      runs.add(runRow(cell, maxGenerations, r, System.nanoTime() - start));
    }
    return new BinResult(runs, sampleRows, accumulators);
  }

  private static TextSetup setup(TextCellTask cell, HadoopConf conf, List<String> probes, boolean kneserNey) {
    TextCorpus corpus = EncodedCorpus.load(cell.corpusRoot(), cell.tokenizer(), conf.get());
    // The corpus object stands for its files (a rewritten corpus is a new object).
    String key = System.identityHashCode(corpus) + "|" + cell.corpusRoot() + "|" + cell.order() + "|"
        + kneserNey + "|" + String.join("\n", probes);
    synchronized (SETUPS) {
      TextSetup s = SETUPS.get(key);
      if (s == null) {
        s = new TextSetup(corpus, cell.order(), probes, kneserNey);
        SETUPS.put(key, s);
        if (SETUPS.size() > CACHED) {
          SETUPS.remove(SETUPS.keySet().iterator().next());
        }
      }
      return s;
    }
  }

  /** Feeds the accumulator and keeps the sample documents as rows. */
  private static final class SampleSink implements TextSink {
    private final TextAccumulator acc;
    private final TextCellTask cell;
    private final List<Row> rows;

    SampleSink(TextAccumulator acc, TextCellTask cell, List<Row> rows) {
      this.acc = acc;
      this.cell = cell;
      this.rows = rows;
    }

    @Override
    public void generation(int m, double[] values, double[] text, double[] probes, boolean[] probeCollapsed,
        boolean collapsed) {
      acc.generation(m, values, text, probes, probeCollapsed, collapsed);
    }

    @Override
    public void absorbed(int from, int to) {
      acc.absorbed(from, to);
    }

    @Override
    public boolean wantsSamples() {
      return true;
    }

    @Override
    public void sample(int m, int index, String document) {
      rows.add(RowFactory.create(cell.groupId(), cell.cellId(), m, index, document));
    }
  }

  /** A {@link TextTables#RUNS_SCHEMA} row. */
  static Row runRow(TextCellTask cell, int maxGenerations, TextRecursion.Result r, long elapsedNs) {
    List<Object> cols = new ArrayList<>();
    cols.add(cell.cellId());
    cols.add(cell.groupId());
    cols.add(cell.contextId());
    cols.add(cell.spec().paradigm().configName());
    cols.add(cell.spec().n());
    cols.add(cell.replicate());
    cols.add(cell.seed());
    cols.add(r.censored() ? null : r.collapseTime());
    cols.add(r.censored());
    cols.add(r.censored() || r.absorbingToken() < 0 ? null : r.absorbingToken());
    cols.add(r.generationsRun());
    cols.add(maxGenerations);
    for (int m = 0; m < Metric.COUNT; m++) {
      cols.add(r.finalValues()[m]);
    }
    cols.add(Double.NaN); // lambda1: partially synthetic categorical only
    cols.add((long) r.generationsRun() * cell.spec().n());
    cols.add(elapsedNs);
    cols.add(TextTables.FAMILY);
    cols.add(cell.corpusName());
    cols.add(cell.order());
    for (int m = 0; m < TextMetric.COUNT; m++) {
      cols.add(r.finalText()[m]);
    }
    return RowFactory.create(cols.toArray());
  }
}
