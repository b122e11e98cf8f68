package org.collapsefarm.jobs.simulate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.jobs.text.EncodedCorpus;
import org.collapsefarm.jobs.text.HadoopConf;
import org.collapsefarm.jobs.text.TextSetups;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.text.TextAccumulator;
import org.collapsefarm.text.TextFamily;
import org.collapsefarm.text.TextMetric;
import org.collapsefarm.text.TextSetup;

/**
 * The text cells on an executor (MATH.md §8): {@link FamilyRecursion#run} of a {@link TextFamily} per
 * cell with the group's {@link TextAccumulator} (on the {@link GenerationGrid}) as the sink, the
 * cell's {@code runs} row and, for replicate 0, its sample documents. The corpus and its n-gram
 * indexes come from the JVM's {@link TextSetups}: built once per executor, shared by its cells.
 * Trajectories are not recorded for text. A cell's rows depend on its corpus, order, spec, cap and
 * seed only, never on the bin it landed in.
 */
final class TextCells {
  /**
   * What a task needs to make its {@link TextCells}: the broadcast plan, the committed files of each
   * encoded corpus (by corpus id), the Hadoop configuration to read them (null without text groups).
   */
  record Factory(Broadcast<TextPlan> plan, Map<String, EncodedCorpus.Files> corpora, HadoopConf conf, int maxGenerations)
      implements Serializable {
    /** Whether the sweep has text groups. */
    boolean any() {
      return conf != null;
    }

    TextCells cells(GenerationGrid grid) {
      return new TextCells(plan.value(), corpora, conf, maxGenerations, grid);
    }
  }

  /** No text context: for runners of the categorical and family cells alone. */
  static final TextCells NONE = new TextCells(new TextPlan(Map.of(), 1, List.of(), false, 0), Map.of(), null, 0, null);

  private final TextPlan plan;
  private final Map<String, EncodedCorpus.Files> corpora;
  private final HadoopConf conf;
  private final int maxGenerations;
  private final GenerationGrid grid;
  private final Map<String, TextAccumulator> accumulators = new TreeMap<>();
  private final List<Row> samples = new ArrayList<>();

  /**
   * @param corpora the committed files of each encoded corpus, by corpus id
   */
  TextCells(TextPlan plan, Map<String, EncodedCorpus.Files> corpora, HadoopConf conf, int maxGenerations,
      GenerationGrid grid) {
    this.plan = plan;
    this.corpora = corpora;
    this.conf = conf;
    this.maxGenerations = maxGenerations;
    this.grid = grid;
  }

  /** Whether the cell's context is a corpus at an order. */
  boolean runs(CellTask cell) {
    return plan.contexts().containsKey(cell.contextId());
  }

  /** Runs the cell and returns its {@code runs} row. */
  Row run(CellTask cell) {
    TextPlan.Context context = plan.contexts().get(cell.contextId());
    TextSetup setup = TextSetups.get(corpora.get(context.corpusId()), context.tokenizer(), context.order(),
        plan.probes(), plan.kneserNey(), conf);
    TextAccumulator acc = accumulators.computeIfAbsent(cell.groupId(),
        g -> new TextAccumulator(grid.size() - 1, plan.probes().size()));
    boolean keepSamples = cell.replicate() == 0 && plan.samples() > 0;
    TextFamily.SampleListener listener = keepSamples
        ? (m, index, document) -> samples.add(RowFactory.create(cell.groupId(), cell.cellId(), m, index, document))
        : null;
    long start = System.nanoTime();
    TextFamily family = new TextFamily(setup, cell.spec(), plan.maxLength(), cell.seed(), plan.samples(), listener);
    RunResult r = FamilyRecursion.run(family, cell.spec(), maxGenerations, cell.seed(), new GridSink(grid, acc));
    return row(cell, context, r, System.nanoTime() - start);
  }

  /** The accumulators of the groups run so far. */
  Map<String, TextAccumulator> accumulators() {
    return accumulators;
  }

  /** The sample documents of the cells run so far ({@link Tables#SAMPLES_SCHEMA}). */
  List<Row> samples() {
    return samples;
  }

  /**
   * A {@code runs} row: the categorical metrics of the unigram distribution; the absorbing token of
   * an order-1 collapsed run; the tokens generated, n per generation; the text measurements.
   */
  private Row row(CellTask cell, TextPlan.Context context, RunResult r, long elapsedNs) {
    double absorbing = r.finalValues()[TextFamily.PROBE_OFFSET + 2 * plan.probes().size()];
    Object[] cols = new Object[Tables.RUNS_SCHEMA.size()];
    int i = CellRunner.head(cols, cell, maxGenerations, r, r.censored() || Double.isNaN(absorbing) ? null : (int) absorbing);
    for (int m = 0; m < Metric.COUNT; m++) {
      cols[i++] = r.finalValues()[m];
    }
    cols[i++] = Double.NaN; // lambda1: partially synthetic categorical only
    cols[i++] = (long) r.generationsRun() * cell.spec().n();
    cols[i++] = elapsedNs;
    cols[i] = TextPlan.FAMILY;
    i = CORPUS; // the Gaussian and Poisson measurements stay null
    cols[i++] = context.corpusName();
    cols[i++] = context.order();
    for (int m = 0; m < TextMetric.COUNT; m++) {
      cols[i++] = r.finalValues()[TextFamily.TEXT_OFFSET + m];
    }
    return RowFactory.create(cols);
  }

  private static final int CORPUS = Tables.RUNS_SCHEMA.fieldIndex("corpus");

  /** One {@link Tables#PARTIALS_SCHEMA} row per grid generation: the categorical and text sums. */
  static List<Row> partialRows(String groupId, TextAccumulator acc, GenerationGrid grid) {
    List<Row> rows = new ArrayList<>(grid.size());
    int textSums = Tables.PARTIALS_SCHEMA.fieldIndex(TextMetric.values()[0].column() + "_sum");
    for (int m = 0; m < grid.size(); m++) {
      Object[] cols = SimulateJob.partialColumns(groupId, acc.categorical(), grid, m);
      int i = textSums;
      for (TextMetric metric : TextMetric.values()) {
        cols[i++] = acc.textSum(metric, m);
        cols[i++] = acc.textSumOfSquares(metric, m);
      }
      rows.add(RowFactory.create(cols));
    }
    return rows;
  }

  /** One {@link Tables#PROBE_PARTIALS_SCHEMA} row per (probe, grid generation). */
  static List<Row> probeRows(String groupId, TextAccumulator acc, List<String> probes, GenerationGrid grid) {
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p < probes.size(); p++) {
      String probe = probes.get(p);
      String[] words = probe.trim().split("\\s+");
      for (int m = 0; m < grid.size(); m++) {
        rows.add(RowFactory.create(groupId, grid.generation(m), probe, words[words.length - 1], acc.categorical().runs(m),
            acc.probeAlive(p, m), acc.probeSum(p, m), acc.probeSumOfSquares(p, m), acc.probeCollapsed(p, m),
            acc.residualRuns(p, m), acc.residualSum(p, m), acc.residualSumOfSquares(p, m)));
      }
    }
    return rows;
  }
}
