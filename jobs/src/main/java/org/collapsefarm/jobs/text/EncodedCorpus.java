package org.collapsefarm.jobs.text;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.text.TextCorpus;
import org.collapsefarm.text.TokenCorpus;
import org.collapsefarm.text.Tokenizer;
import org.collapsefarm.text.Vocabulary;

/**
 * An encoded corpus in the results folder ({@code _corpora/<corpus-id>/}), written by executors and
 * read back by the executors that run its cells — the corpus never goes through the driver, and each
 * executor JVM reads it once ({@link #load} keeps the last few in memory).
 *
 * <p>Files, all named with the id of the write that made them: {@code vocabulary-<id>} (the serialised
 * {@link Vocabulary}); {@code train-<id>-part-*} and {@code validation-<id>-part-*}, each a sequence of
 * documents {@code (long key, int length, int ids[length])} (EOS not written) ended by a length of −1.
 * The folder is a table committed by its manifest ({@link TableStore}, table {@link #table}); readers
 * get exactly its files ({@link Files}), never a listing of the folder. A document's key is a hash of
 * its text; {@link #load} orders the documents by (key, ids), so the corpus — and every run on it — is
 * the same whatever the input files' partitioning.
 */
public final class EncodedCorpus {
  static final String TRAIN = "train";
  static final String VALIDATION = "validation";
  static final String VOCABULARY = "vocabulary";
  /** Corpora kept per executor JVM. */
  private static final int CACHED = 4;
  private static final Map<Files, TextCorpus> CACHE = new LinkedHashMap<>(8, 0.75f, true);

  private EncodedCorpus() {}

  /**
   * The committed files of one encoded corpus, for the executors that read it: the names carry the
   * write's id, so the same files are the same corpus (the key of {@link #load}'s cache).
   *
   * @param vocabulary the vocabulary file
   * @param train the training part's files
   * @param validation the validation part's files
   */
  public record Files(String vocabulary, List<String> train, List<String> validation) implements Serializable {
    public Files {
      train = List.copyOf(train);
      validation = List.copyOf(validation);
    }

    /** The files of the corpus committed as table {@code table(corpusId)} in {@code tables}. */
    public static Files of(TableStore tables, String corpusId) {
      String vocabulary = null;
      List<String> train = new ArrayList<>();
      List<String> validation = new ArrayList<>();
      for (Path f : tables.files(table(corpusId))) {
        String name = f.getName();
        if (name.startsWith(VOCABULARY + "-")) {
          vocabulary = f.toString();
        } else if (name.startsWith(TRAIN + "-")) {
          train.add(f.toString());
        } else if (name.startsWith(VALIDATION + "-")) {
          validation.add(f.toString());
        } else {
          throw new IllegalStateException("unexpected file in the encoded corpus " + corpusId + ": " + f);
        }
      }
      if (vocabulary == null) {
        throw new IllegalStateException("the encoded corpus " + corpusId + " has no vocabulary file");
      }
      return new Files(vocabulary, train, validation);
    }
  }

  /** The table of the encoded corpus {@code corpusId}: its folder {@code _corpora/<corpus id>} of the results folder. */
  public static String table(String corpusId) {
    return TextCorpora.FOLDER + "/" + corpusId;
  }

  /** A file of part {@code part} (TRAIN, VALIDATION or VOCABULARY) of write {@code writeId}, {@code suffix} after it. */
  static String fileName(String part, String writeId, String suffix) {
    return part + "-" + writeId + suffix;
  }

  static void writeVocabulary(FileSystem fs, Path file, Vocabulary vocabulary) throws IOException {
    try (ObjectOutputStream out = new ObjectOutputStream(fs.create(file, true))) {
      out.writeObject(vocabulary);
    }
  }

  static void writeDocument(DataOutputStream out, long key, int[] ids) throws IOException {
    out.writeLong(key);
    out.writeInt(ids.length);
    for (int id : ids) {
      out.writeInt(id);
    }
  }

  static void end(DataOutputStream out) throws IOException {
    out.writeLong(0);
    out.writeInt(-1);
  }

  /** The corpus of {@code files}, from this JVM's cache or read from the file system. */
  static TextCorpus load(Files files, Tokenizer tokenizer, Configuration conf) {
    synchronized (CACHE) {
      TextCorpus cached = CACHE.get(files);
      if (cached != null) {
        return cached;
      }
      TextCorpus corpus = read(files, tokenizer, conf);
      CACHE.put(files, corpus);
      if (CACHE.size() > CACHED) {
        CACHE.remove(CACHE.keySet().iterator().next());
      }
      return corpus;
    }
  }

  static TextCorpus read(Files files, Tokenizer tokenizer, Configuration conf) {
    try {
      Path vocabularyFile = new Path(files.vocabulary());
      FileSystem fs = vocabularyFile.getFileSystem(conf);
      Vocabulary vocabulary;
      try (ObjectInputStream in = new ObjectInputStream(fs.open(vocabularyFile))) {
        vocabulary = (Vocabulary) in.readObject();
      }
      return TextCorpus.of(vocabulary, part(fs, files.train()), part(fs, files.validation()), tokenizer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Keyed(long key, int[] ids) {}

  private static TokenCorpus part(FileSystem fs, List<String> files) throws IOException {
    List<Keyed> docs = new ArrayList<>();
    for (String f : files) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(fs.open(new Path(f)), 1 << 16))) {
        while (true) {
          long key = in.readLong();
          int len = in.readInt();
          if (len < 0) {
            break;
          }
          int[] ids = new int[len];
          for (int i = 0; i < len; i++) {
            ids[i] = in.readInt();
          }
          docs.add(new Keyed(key, ids));
        }
      }
    }
    docs.sort((a, b) -> a.key() != b.key() ? Long.compare(a.key(), b.key()) : Arrays.compare(a.ids(), b.ids()));
    TokenCorpus.Builder b = new TokenCorpus.Builder();
    for (Keyed d : docs) {
      b.add(d.ids());
    }
    return b.build();
  }
}
