package org.collapsefarm.jobs.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.collapsefarm.jobs.simulate.SimulateJob;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.ParameterException;
import org.collapsefarm.jobs.config.Cells;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.CorpusEntry;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.TextSweep;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.text.NgramGraph;
import org.collapsefarm.text.TextAccumulator;
import org.collapsefarm.text.TextMetric;
import scala.Tuple2;

/**
 * The simulate stage of a text sweep (MATH.md §8). First every corpus is read, counted and checked
 * ({@link CorpusBuilder}) — a bad corpus or a probe outside V_0 is a {@link ConfigException} before
 * anything is written; then the encoded corpora are written into {@code _corpora/} of the results
 * folder, where the executors read them (each JVM once); the cells run on the executors, spread by
 * their cost; per-group sums are merged on the executors ({@code reduceByKey}) and only those reach
 * the driver, which writes {@code generation_stats} and {@code probes} (O(groups × generations) rows).
 * The tables are those of a categorical sweep with the text columns added ({@link TextTables}).
 * Text cells are not chunked: a run that did not finish is recomputed whole.
 */
public final class TextSimulateJob {
  /** Where the encoded corpora go inside the results folder. */
  static final String CORPORA = "_corpora";

  /** What a call did. */
  public record Outcome(ResultsFolder folder, long cells, long computedCells) {}

  private TextSimulateJob() {}

  public static Outcome run(SparkSession spark, Sweep sweep, int partitions) throws ConfigException {
    ResultsFolder folder = new ResultsFolder(sweep.output(), sweep.name(), spark.sparkContext().hadoopConfiguration());
    if (SimulateJob.finished(folder)) {
      return new Outcome(folder, sweep.cellCount(), 0);
    }
    TextSweep text = sweep.text();
    // 1. Read and check every corpus; nothing is written before all of them pass.
    List<CorpusBuilder.Prepared> prepared = new ArrayList<>();
    try {
      for (int i = 0; i < text.corpora().size(); i++) {
        String key = "sweep.corpora[" + i + "]";
        CorpusBuilder.Prepared p = CorpusBuilder.prepare(spark, text.corpora().get(i), key);
        prepared.add(p);
        check(p, key, text);
      }
    } catch (ConfigException | RuntimeException e) {
      prepared.forEach(p -> p.documents().unpersist(false));
      throw e;
    }
    // 2. Write.
    folder.writeDefinition(sweep.definition(), sweep.definitionHash());
    Map<String, CorpusBuilder.Summary> summaries = new HashMap<>();
    Map<String, String> roots = new HashMap<>();
    for (CorpusBuilder.Prepared p : prepared) {
      Path root = new Path(new Path(folder.root(), CORPORA), p.corpus().corpusId());
      CorpusBuilder.write(spark, p, root);
      summaries.put(p.corpus().corpusId(), p.summary());
      roots.put(p.corpus().corpusId(), root.toString());
    }
    writeContexts(spark, folder, text, summaries);
    List<TextCellTask> cells = cells(sweep, roots);
    writeCells(spark, folder, sweep, cells);
    runCells(spark, folder, sweep, cells, partitions);
    folder.writeAtomically(folder.sweepFile(ResultsFolder.FINALIZED), "text\n");
    return new Outcome(folder, sweep.cellCount(), cells.size());
  }

  /** Checks that need the corpus: orders against the vocabulary, probes, real tokens asked for. */
  private static void check(CorpusBuilder.Prepared p, String key, TextSweep text) throws ConfigException {
    CorpusBuilder.Summary s = p.summary();
    long trainTokens = s.trainTokens() + s.trainDocuments(); // EOS included
    for (TextSweep.Group g : text.groups()) {
      if (!g.corpus().equals(p.corpus())) {
        continue;
      }
      try {
        NgramGraph.checkOrder(g.order(), s.vocabulary().size());
      } catch (ParameterException e) {
        throw new ConfigException(key + ".max-vocabulary", e.getMessage().substring(e.parameter().length() + 2));
      }
      ParadigmSpec spec = g.spec();
      long realN = spec.paradigm() == Paradigm.PARTIALLY_SYNTHETIC ? spec.realN() : 0;
      long d0 = spec.paradigm() == Paradigm.ACCUMULATE || spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE ? spec.n() : 0;
      for (Object[] ask : new Object[][] {{"real-n", realN}, {"n", d0}, {"real-anchor", (long) spec.realAnchor()}}) {
        if ((Long) ask[1] > trainTokens) {
          throw new ConfigException("sweep.paradigms." + ask[0], ask[1] + " real tokens asked for, but the training part of "
              + p.corpus().name() + " has " + trainTokens, "at most " + trainTokens);
        }
      }
      for (String probe : text.probes()) {
        List<String> tokens = p.corpus().tokenizer().tokens(probe, p.corpus().lowercase());
        if (tokens.isEmpty()) {
          throw new ConfigException("sweep.text.probes", "\"" + probe + "\" has no token");
        }
        for (String t : tokens) {
          if (!s.vocabulary().contains(t)) {
            throw new ConfigException("sweep.text.probes", "\"" + probe + "\": \"" + t + "\" is not in the vocabulary V_0 of "
                + p.corpus().name(), "words of the corpus's training part");
          }
        }
      }
    }
  }

  private static List<TextCellTask> cells(Sweep sweep, Map<String, String> roots) {
    List<TextCellTask> cells = new ArrayList<>();
    for (TextSweep.Group g : sweep.text().groups()) {
      CorpusEntry c = g.corpus();
      double cost = (double) g.spec().n() * sweep.maxGenerations();
      for (int r = 0; r < sweep.replicates(); r++) {
        String cellId = Cells.cellId(g.groupId(), r);
        cells.add(new TextCellTask(cellId, g.groupId(), g.contextId(), c.name(), roots.get(c.corpusId()), c.tokenizer(),
            g.order(), g.spec(), r, Cells.seed(sweep.seed(), cellId), cost, r == 0 && sweep.text().samples() > 0));
      }
    }
    return cells;
  }

  /** Longest processing time first: each cell to the least loaded bin. */
  static List<List<TextCellTask>> balance(List<TextCellTask> cells, int bins) {
    List<TextCellTask> sorted = new ArrayList<>(cells);
    sorted.sort(Comparator.comparingDouble(TextCellTask::cost).reversed().thenComparing(TextCellTask::cellId));
    int n = Math.max(1, Math.min(bins, sorted.size()));
    List<List<TextCellTask>> out = new ArrayList<>();
    double[] load = new double[n];
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    for (TextCellTask c : sorted) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[best]) {
          best = i;
        }
      }
      out.get(best).add(c);
      load[best] += c.cost();
    }
    return out;
  }

  private static void runCells(SparkSession spark, ResultsFolder folder, Sweep sweep, List<TextCellTask> cells,
      int partitions) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int bins = partitions > 0 ? partitions : jsc.defaultParallelism() * 2;
    List<List<TextCellTask>> balanced = balance(cells, bins);
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    int maxGenerations = sweep.maxGenerations();
    TextSweep text = sweep.text();
    int maxLength = text.maxLength();
    List<String> probes = text.probes();
    int samples = text.samples();
    boolean kneserNey = text.kneserNey();
    jsc.setJobDescription("simulate " + cells.size() + " text cells");
    JavaRDD<TextCellRunner.BinResult> results = jsc.parallelize(balanced, balanced.size())
        .map(bin -> TextCellRunner.run(bin, conf, maxGenerations, maxLength, probes, kneserNey, samples))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(spark.createDataFrame(results.flatMap(r -> r.runs().iterator()), TextTables.RUNS_SCHEMA)
          .sortWithinPartitions("cell_id"), folder, Tables.RUNS);
      write(spark.createDataFrame(results.flatMap(r -> r.samples().iterator()), TextTables.SAMPLES_SCHEMA).coalesce(1)
          .sortWithinPartitions("group_id", "generation", "document"), folder, TextTables.SAMPLES);
      List<Tuple2<String, TextAccumulator>> merged = results
          .flatMapToPair(r -> r.accumulators().entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator())
          // A fresh accumulator per merge: the cached ones must stay unchanged for retries.
          .reduceByKey((a, b) -> a.copy().merge(b))
          .collect();
      List<Row> stats = new ArrayList<>();
      List<Row> probeRows = new ArrayList<>();
      for (Tuple2<String, TextAccumulator> g : merged) {
        statsRows(g._1(), g._2(), stats);
        probeRows(g._1(), g._2(), probes, probeRows);
      }
      write(spark.createDataFrame(stats, TextTables.GENERATION_STATS_SCHEMA).coalesce(1)
          .sortWithinPartitions("group_id", "generation"), folder, Tables.GENERATION_STATS);
      write(spark.createDataFrame(probeRows, TextTables.PROBES_SCHEMA).coalesce(1)
          .sortWithinPartitions("group_id", "probe", "generation"), folder, TextTables.PROBES);
    } finally {
      results.unpersist(false);
    }
  }

  private static void write(org.apache.spark.sql.Dataset<Row> table, ResultsFolder folder, String name) {
    new TableStore(folder).write(table, name);
  }

  /** generation_stats rows of one group: categorical metrics (of the unigram distribution), then text ones. */
  static void statsRows(String groupId, TextAccumulator acc, List<Row> out) {
    GenerationAccumulator c = acc.categorical();
    for (int m = 0; m <= acc.maxGenerations(); m++) {
      List<Object> cols = new ArrayList<>();
      long runs = c.runs(m);
      cols.add(groupId);
      cols.add(m);
      cols.add(runs);
      cols.add(c.collapsedBy(m));
      cols.add((double) c.collapsedBy(m) / runs);
      cols.add(c.collapsed(m));
      cols.add((double) c.collapsed(m) / runs);
      for (Metric metric : Metric.values()) {
        moments(cols, c.sum(metric, m), c.sumOfSquares(metric, m), runs);
      }
      for (TextMetric metric : TextMetric.values()) {
        moments(cols, acc.textSum(metric, m), acc.textSumOfSquares(metric, m), runs);
      }
      out.add(RowFactory.create(cols.toArray()));
    }
  }

  /** mean, sample sd (null below 2 runs), Σ, Σ². */
  private static void moments(List<Object> cols, double sum, double sumSq, long runs) {
    double mean = sum / runs;
    cols.add(mean);
    cols.add(runs > 1 ? Math.sqrt(Math.max(0, (sumSq - sum * sum / runs) / (runs - 1))) : null);
    cols.add(sum);
    cols.add(sumSq);
  }

  static void probeRows(String groupId, TextAccumulator acc, List<String> probes, List<Row> out) {
    GenerationAccumulator c = acc.categorical();
    for (int p = 0; p < probes.size(); p++) {
      String probe = probes.get(p);
      String[] words = probe.trim().split("\\s+");
      for (int m = 0; m <= acc.maxGenerations(); m++) {
        long runs = c.runs(m);
        long alive = acc.probeAlive(p, m);
        double sum = acc.probeSum(p, m);
        double sumSq = acc.probeSumOfSquares(p, m);
        Double mean = alive > 0 ? sum / alive : null;
        Double sd = alive > 1 ? Math.sqrt(Math.max(0, (sumSq - sum * sum / alive) / (alive - 1))) : null;
        out.add(RowFactory.create(groupId, m, probe, words[words.length - 1], runs, alive, mean, sd,
            (double) acc.probeCollapsed(p, m) / runs));
      }
    }
  }

  /**
   * One row per (corpus, order): the unigram distribution of the training part (p^(0) at order 1) in
   * {@code tokens}/{@code probs}, its S_0 and entropy, and the corpus's sizes.
   */
  private static void writeContexts(SparkSession spark, ResultsFolder folder, TextSweep text,
      Map<String, CorpusBuilder.Summary> summaries) {
    List<Row> rows = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (TextSweep.Group g : text.groups()) {
      if (seen.contains(g.contextId())) {
        continue;
      }
      seen.add(g.contextId());
      CorpusBuilder.Summary s = summaries.get(g.corpus().corpusId());
      rows.add(contextRow(g, s));
    }
    write(spark.createDataFrame(rows, TextTables.CONTEXTS_SCHEMA).coalesce(1), folder, Tables.CONTEXTS);
  }

  static Row contextRow(TextSweep.Group g, CorpusBuilder.Summary s) {
    long[] u = s.unigram();
    long total = 0;
    int support = 0;
    for (long c : u) {
      total += c;
      support += c > 0 ? 1 : 0;
    }
    Integer[] tokens = new Integer[support];
    Double[] probs = new Double[support];
    double s0 = 0;
    double h = 0;
    int j = 0;
    for (int w = 0; w < u.length; w++) {
      if (u[w] > 0) {
        double p = (double) u[w] / total;
        tokens[j] = w;
        probs[j++] = p;
        s0 += p * p;
        h -= p * Math.log(p);
      }
    }
    CorpusEntry c = g.corpus();
    String source = "text corpus=" + c.name() + " order=" + g.order() + " tokenizer=" + c.tokenizer().configName()
        + " |V|=" + s.vocabulary().size();
    return RowFactory.create(g.contextId(), s.vocabulary().size(), support, s0, support == 1 ? 0.0 : h, tokens, probs,
        source, TextTables.FAMILY, null, null, null, null, null, c.name(), g.order(), s.trainDocuments(), total, s.validationDocuments(),
        s.validationTokens() + s.validationDocuments(), Math.log(s.vocabulary().size()));
  }

  private static void writeCells(SparkSession spark, ResultsFolder folder, Sweep sweep, List<TextCellTask> cells) {
    List<Row> rows = new ArrayList<>();
    for (TextCellTask c : cells) {
      ParadigmSpec s = c.spec();
      rows.add(RowFactory.create(c.cellId(), c.groupId(), c.contextId(), s.paradigm().configName(), s.n(), s.realN(),
          s.window(), s.allocation().configName(), s.rate(), s.pool().configName(), s.source().configName(),
          s.temperature(), s.topP(), s.smoothing(), s.collapseEpsilon(), s.realAnchor(), c.replicate(), c.seed(),
          sweep.maxGenerations(), c.cost(), 0, TextTables.FAMILY, null, null, c.corpusName(), c.order(),
          sweep.text().maxLength()));
    }
    write(spark.createDataFrame(rows, TextTables.CELLS_SCHEMA), folder, Tables.CELLS);
  }

}
