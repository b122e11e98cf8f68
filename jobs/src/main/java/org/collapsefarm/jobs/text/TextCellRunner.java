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
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.text.TextFamily;
import org.collapsefarm.text.TextSetup;

/**
 * Runs a bin of text cells on an executor ({@link FamilyRecursion#run} of a {@link TextFamily} per cell) into per-group {@link
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
      TextFamily.SampleListener listener = cell.keepSamples()
          ? (m, index, document) -> sampleRows.add(RowFactory.create(cell.groupId(), cell.cellId(), m, index, document))
          : null;
      long start = System.nanoTime();
      TextFamily family = new TextFamily(setup, cell.spec(), maxLength, cell.seed(), samples, listener);
      RunResult r = FamilyRecursion.run(family, cell.spec(), maxGenerations, cell.seed(), acc);
      runs.add(runRow(cell, maxGenerations, r, probes.size(), System.nanoTime() - start));
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

  /** A {@link TextTables#RUNS_SCHEMA} row. */
  static Row runRow(TextCellTask cell, int maxGenerations, RunResult r, int probes, long elapsedNs) {
    double absorbing = r.finalValues()[TextFamily.PROBE_OFFSET + 2 * probes];
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
    cols.add(r.censored() || Double.isNaN(absorbing) ? null : (int) absorbing);
    cols.add(r.generationsRun());
    cols.add(maxGenerations);
    for (int m = 0; m < Metric.COUNT; m++) {
      cols.add(r.finalValues()[m]);
    }
    cols.add(Double.NaN); // lambda1: partially synthetic categorical only
    cols.add((long) r.generationsRun() * cell.spec().n());
    cols.add(elapsedNs);
    cols.add(TextTables.FAMILY);
    for (int m = 0; m < FamilySpec.COLUMNS.size(); m++) {
      cols.add(null); // the Gaussian and Poisson measurements
    }
    cols.add(cell.corpusName());
    cols.add(cell.order());
    for (int m = 0; m < TextMetric.COUNT; m++) {
      cols.add(r.finalValues()[TextFamily.TEXT_OFFSET + m]);
    }
    return RowFactory.create(cols.toArray());
  }
}
