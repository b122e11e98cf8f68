package org.collapsefarm.jobs.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.ParameterException;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.CorpusEntry;
import org.collapsefarm.jobs.config.TextSweep;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.jobs.simulate.TextPlan;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.text.NgramGraph;

/**
 * The corpora of a text sweep on the driver (MATH.md §8), before its cells run: every corpus read,
 * counted and checked ({@link CorpusBuilder}) — a bad corpus or a probe outside V_0 is a {@link
 * ConfigException} before anything is written — then, by {@link #write}, encoded into {@code
 * _corpora/<corpus id>/} of the results folder, each committed by its manifest like a table ({@link
 * EncodedCorpus}), where the executors read exactly the files the manifest names ({@link #files}; each
 * JVM once), and described by one {@code contexts} row per (corpus, order).
 */
public final class TextCorpora {
  /** Where the encoded corpora go inside the results folder. */
  public static final String FOLDER = "_corpora";

  private final TextSweep text;
  private final List<CorpusBuilder.Prepared> prepared;

  private TextCorpora(TextSweep text, List<CorpusBuilder.Prepared> prepared) {
    this.text = text;
    this.prepared = prepared;
  }

  /**
   * The committed files of each corpus of {@code plan} (corpus id → files), read from their manifests
   * in {@code tables}: what the executors read (none without text groups).
   */
  public static Map<String, EncodedCorpus.Files> files(TableStore tables, TextPlan plan) {
    Map<String, EncodedCorpus.Files> files = new TreeMap<>();
    plan.contexts().values().forEach(c -> files.computeIfAbsent(c.corpusId(), id -> EncodedCorpus.Files.of(tables, id)));
    return files;
  }

  /** Reads and checks every corpus of {@code text}; writes nothing. */
  public static TextCorpora prepare(SparkSession spark, TextSweep text) throws ConfigException {
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
    return new TextCorpora(text, prepared);
  }

  /**
   * Commits the encoded corpora as tables of {@code tables} ({@link EncodedCorpus#table}) and returns
   * the text {@code contexts} rows, one per (corpus, order) in group order.
   */
  public List<Row> write(SparkSession spark, TableStore tables) {
    Map<String, CorpusBuilder.Summary> summaries = new LinkedHashMap<>();
    for (CorpusBuilder.Prepared p : prepared) {
      CorpusBuilder.write(spark, p, tables);
      summaries.put(p.corpus().corpusId(), p.summary());
    }
    List<Row> rows = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (TextSweep.Group g : text.groups()) {
      if (!seen.contains(g.contextId())) {
        seen.add(g.contextId());
        rows.add(contextRow(g, summaries.get(g.corpus().corpusId())));
      }
    }
    return rows;
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

  /**
   * A (corpus, order)'s contexts row: the unigram distribution of the training part (p^(0) at order 1)
   * in {@code tokens}/{@code probs}, its S_0 and entropy, and the corpus's sizes; the model families'
   * columns null.
   */
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
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("context_id", g.contextId());
    values.put("vocabulary", s.vocabulary().size());
    values.put("support", support);
    values.put("s0", s0);
    values.put("entropy", support == 1 ? 0.0 : h);
    values.put("tokens", tokens);
    values.put("probs", probs);
    values.put("source", source);
    values.put("family", TextPlan.FAMILY);
    values.put("corpus", c.name());
    values.put("order", g.order());
    values.put("train_documents", s.trainDocuments());
    values.put("train_tokens", total);
    values.put("validation_documents", s.validationDocuments());
    values.put("validation_tokens", s.validationTokens() + s.validationDocuments());
    values.put("untrained_cross_entropy", Math.log(s.vocabulary().size()));
    Object[] cols = new Object[Tables.CONTEXTS_SCHEMA.size()];
    values.forEach((name, v) -> cols[Tables.CONTEXTS_SCHEMA.fieldIndex(name)] = v);
    return RowFactory.create(cols);
  }
}
