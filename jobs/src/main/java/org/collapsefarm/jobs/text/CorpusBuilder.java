package org.collapsefarm.jobs.text;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.CorpusEntry;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.text.Vocabulary;
import scala.Tuple2;

/**
 * Turns a corpus's documents into the encoded corpus the cells read (MATH.md §8), with Spark:
 * executors filter by language, tokenise and split the documents; the training part's types are
 * counted by a shuffle, and only the {@code max-vocabulary} most frequent reach the driver (with the
 * totals); executors then encode the documents with the broadcast vocabulary and write them, as
 * {@link EncodedCorpus} parts, into the results folder, committed by a manifest. Nothing is written
 * before {@link #write}.
 */
final class CorpusBuilder {
  /** A document after filtering: its order key (a hash of its text), its side of the split, its tokens. */
  record Doc(long key, boolean validation, String[] tokens) implements Serializable {}

  /**
   * What the driver learns of a corpus.
   *
   * @param unigram training occurrences of every vocabulary id (EOS: one per document)
   */
  record Summary(Vocabulary vocabulary, long read, long kept, long trainDocuments, long trainTokens,
      long validationDocuments, long validationTokens, long[] unigram) implements Serializable {}

  /** A corpus read and counted, ready to be checked and written. */
  record Prepared(CorpusEntry corpus, JavaRDD<Doc> documents, Summary summary) {}

  private CorpusBuilder() {}

  /** Reads, filters, tokenises, splits and counts; throws {@link ConfigException} on an unusable corpus. */
  static Prepared prepare(SparkSession spark, CorpusEntry corpus, String key) throws ConfigException {
    JavaRDD<String> texts = CorpusReader.documents(spark, corpus, key);
    JavaRDD<Doc> docs = texts.map(text -> doc(corpus, text)).persist(StorageLevel.MEMORY_AND_DISK());
    long[] totals;
    try {
      totals = docs.aggregate(new long[5], CorpusBuilder::count, CorpusBuilder::add);
    } catch (RuntimeException e) {
      docs.unpersist(false);
      throw new ConfigException(key + ".path", "cannot be read: " + rootMessage(e), "a readable corpus");
    }
    long read = totals[0];
    long kept = totals[1];
    if (read == 0) {
      docs.unpersist(false);
      throw new ConfigException(corpus.builtin() ? key + ".source" : key + ".path", "the corpus has no document");
    }
    if (kept == 0) {
      docs.unpersist(false);
      throw new ConfigException(key + ".language", "none of the corpus's " + read + " documents is "
          + corpus.language().configName() + " (or every one is empty after tokenising)", "english, any");
    }
    if (totals[2] == 0) {
      docs.unpersist(false);
      throw new ConfigException(key + ".validation-fraction", "left no document for training ("
          + kept + " kept)", "a smaller fraction");
    }
    JavaRDD<Doc> train = docs.filter(d -> d.tokens() != null && !d.validation());
    List<Tuple2<String, Long>> top = train
        .flatMapToPair(d -> java.util.Arrays.stream(d.tokens()).map(t -> new Tuple2<>(t, 1L)).iterator())
        .reduceByKey(Long::sum)
        .top(corpus.maxVocabulary(), new TypeOrder());
    Map<String, Long> counts = new HashMap<>();
    for (Tuple2<String, Long> t : top) {
      counts.put(t._1(), t._2());
    }
    Vocabulary vocabulary = Vocabulary.of(counts, corpus.maxVocabulary());
    long[] unigram = new long[vocabulary.size()];
    long keptTokens = 0;
    for (Tuple2<String, Long> t : top) {
      unigram[vocabulary.id(t._1())] = t._2();
      keptTokens += t._2();
    }
    unigram[Vocabulary.EOS] = totals[2];
    unigram[Vocabulary.UNK] = totals[3] - keptTokens;
    long validTokens = docs.filter(d -> d.tokens() != null && d.validation()).map(d -> (long) d.tokens().length)
        .fold(0L, Long::sum);
    Summary summary = new Summary(vocabulary, read, kept, totals[2], totals[3], totals[4], validTokens, unigram);
    return new Prepared(corpus, docs, summary);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** (count desc, then text asc): {@code top} keeps the most frequent types, ties by text. */
  static final class TypeOrder implements Comparator<Tuple2<String, Long>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Tuple2<String, Long> a, Tuple2<String, Long> b) {
      int c = Long.compare(a._2(), b._2());
      return c != 0 ? c : b._1().compareTo(a._1());
    }
  }

  private static Doc doc(CorpusEntry corpus, String text) {
    if (!corpus.language().accepts(text)) {
      return new Doc(0, false, null);
    }
    List<String> tokens = corpus.tokenizer().tokens(text, corpus.lowercase());
    if (tokens.isEmpty()) {
      return new Doc(0, false, null);
    }
    return new Doc(CellSeeds.key(text), corpus.split().isValidation(text), tokens.toArray(String[]::new));
  }

  /** Totals: read, kept, training documents, training tokens (EOS excluded), validation documents. */
  private static long[] count(long[] acc, Doc d) {
    acc[0]++;
    if (d.tokens() != null) {
      acc[1]++;
      if (d.validation()) {
        acc[4]++;
      } else {
        acc[2]++;
        acc[3] += d.tokens().length;
      }
    }
    return acc;
  }

  private static long[] add(long[] a, long[] b) {
    long[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += b[i];
    }
    return out;
  }

  /**
   * Encodes the documents with the vocabulary and commits them as the corpus's table ({@link
   * EncodedCorpus#table}) in {@code tables}: the vocabulary, then one file per partition for each
   * side of the split, named with a fresh write id (a retried task rewrites its own files), then the
   * manifest that names them.
   */
  static void write(SparkSession spark, Prepared prepared, TableStore tables) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    String writeId = UUID.randomUUID().toString();
    try {
      tables.write(EncodedCorpus.table(prepared.corpus().corpusId()), dir -> {
        FileSystem fs = dir.getFileSystem(conf.get());
        EncodedCorpus.writeVocabulary(fs, new Path(dir, EncodedCorpus.fileName(EncodedCorpus.VOCABULARY, writeId, "")),
            prepared.summary().vocabulary());
        Broadcast<Vocabulary> vocabulary = jsc.broadcast(prepared.summary().vocabulary());
        String root = dir.toString();
        jsc.setJobDescription("encode corpus " + prepared.corpus().name());
        prepared.documents().filter(d -> d.tokens() != null)
            .foreachPartition(it -> writePart(it, vocabulary.value(), root, writeId, conf));
        vocabulary.destroy();
      });
    } finally {
      prepared.documents().unpersist(false);
    }
  }

  private static void writePart(Iterator<Doc> docs, Vocabulary vocabulary, String root, String writeId, HadoopConf conf)
      throws IOException {
    Path base = new Path(root);
    FileSystem fs = base.getFileSystem(conf.get());
    String part = String.format(Locale.ROOT, "-part-%05d", org.apache.spark.TaskContext.getPartitionId());
    try (DataOutputStream train = out(fs, new Path(base, EncodedCorpus.fileName(EncodedCorpus.TRAIN, writeId, part)));
        DataOutputStream valid = out(fs, new Path(base, EncodedCorpus.fileName(EncodedCorpus.VALIDATION, writeId, part)))) {
      while (docs.hasNext()) {
        Doc d = docs.next();
        EncodedCorpus.writeDocument(d.validation() ? valid : train, d.key(), vocabulary.encode(java.util.Arrays.asList(d.tokens())));
      }
      EncodedCorpus.end(train);
      EncodedCorpus.end(valid);
    }
  }

  private static DataOutputStream out(FileSystem fs, Path path) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(fs.create(path, true), 1 << 16));
  }

  /** For tests: the kept documents' keys, in order. */
  static List<Long> keys(JavaRDD<Doc> docs) {
    return new ArrayList<>(docs.filter(d -> d.tokens() != null).map(Doc::key).collect());
  }
}
