package org.collapsefarm.jobs.text;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.collapsefarm.text.TextCorpus;
import org.collapsefarm.text.TokenCorpus;
import org.collapsefarm.text.Tokenizer;
import org.collapsefarm.text.Vocabulary;

/**
 * An encoded corpus in the results folder ({@code _corpora/<corpus-id>/}), written by executors and
 * read back by the executors that run its cells — the corpus never goes through the driver, and each
 * executor JVM reads it once ({@link #load} keeps the last few in memory).
 *
 * <p>Layout: {@code vocabulary} (the serialised {@link Vocabulary}); {@code train/part-*} and {@code
 * validation/part-*}, each a sequence of documents {@code (long key, int length, int ids[length])}
 * (EOS not written) ended by a length of −1; {@code _SUCCESS} when complete. A document's key is a
 * hash of its text; {@link #load} orders the documents by (key, ids), so the corpus — and every run on
 * it — is the same whatever the input files' partitioning.
 */
final class EncodedCorpus {
  static final String TRAIN = "train";
  static final String VALIDATION = "validation";
  static final String VOCABULARY = "vocabulary";
  static final String SUCCESS = "_SUCCESS";
  /** Corpora kept per executor JVM. */
  private static final int CACHED = 4;
  private static final Map<String, TextCorpus> CACHE = new LinkedHashMap<>(8, 0.75f, true);

  private EncodedCorpus() {}

  static void writeVocabulary(FileSystem fs, Path target, Vocabulary vocabulary) throws IOException {
    try (ObjectOutputStream out = new ObjectOutputStream(fs.create(new Path(target, VOCABULARY), true))) {
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

  /**
   * The corpus at {@code root}, from this JVM's cache or read from the file system. The cache key
   * includes the time its {@code _SUCCESS} marker was written, so a corpus rewritten at the same
   * place is read again.
   */
  static TextCorpus load(String root, Tokenizer tokenizer, Configuration conf) {
    String key;
    try {
      Path marker = new Path(root, SUCCESS);
      key = root + "@" + marker.getFileSystem(conf).getFileStatus(marker).getModificationTime();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (CACHE) {
      TextCorpus cached = CACHE.get(key);
      if (cached != null) {
        return cached;
      }
      TextCorpus corpus = read(new Path(root), tokenizer, conf);
      CACHE.put(key, corpus);
      if (CACHE.size() > CACHED) {
        CACHE.remove(CACHE.keySet().iterator().next());
      }
      return corpus;
    }
  }

  static TextCorpus read(Path root, Tokenizer tokenizer, Configuration conf) {
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(new Path(root, SUCCESS))) {
        throw new IllegalStateException("the encoded corpus " + root + " is incomplete");
      }
      Vocabulary vocabulary;
      try (ObjectInputStream in = new ObjectInputStream(fs.open(new Path(root, VOCABULARY)))) {
        vocabulary = (Vocabulary) in.readObject();
      }
      return TextCorpus.of(vocabulary, part(fs, new Path(root, TRAIN)), part(fs, new Path(root, VALIDATION)), tokenizer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Keyed(long key, int[] ids) {}

  private static TokenCorpus part(FileSystem fs, Path folder) throws IOException {
    List<Keyed> docs = new ArrayList<>();
    FileStatus[] files = fs.exists(folder) ? fs.listStatus(folder) : new FileStatus[0];
    for (FileStatus f : files) {
      if (!f.getPath().getName().startsWith("part-")) {
        continue;
      }
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(fs.open(f.getPath()), 1 << 16))) {
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
