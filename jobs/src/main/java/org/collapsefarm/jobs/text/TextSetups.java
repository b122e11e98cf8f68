package org.collapsefarm.jobs.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapsefarm.text.TextCorpus;
import org.collapsefarm.text.TextSetup;
import org.collapsefarm.text.Tokenizer;

/**
 * The {@link TextSetup}s of an executor JVM: the encoded corpus read once ({@link EncodedCorpus#load})
 * and its n-gram graph, vocabulary and Kneser–Ney indexes built once per (corpus, order), then shared
 * by every text cell the JVM runs, whatever task or chunk it belongs to.
 */
public final class TextSetups {
  /** Setups kept per executor JVM (a graph per corpus and order). */
  private static final int CACHED = 8;
  private static final Map<String, TextSetup> SETUPS = new LinkedHashMap<>(16, 0.75f, true);

  private TextSetups() {}

  /**
   * The setup of the encoded corpus {@code corpus} at order {@code order}, from this JVM's cache or
   * built now (one thread builds it; the others wait for it).
   */
  public static TextSetup get(EncodedCorpus.Files files, Tokenizer tokenizer, int order, List<String> probes,
      boolean kneserNey, HadoopConf conf) {
    TextCorpus corpus = EncodedCorpus.load(files, tokenizer, conf.get());
    // The files' names carry the id of the write that made them: a rewritten corpus is new files.
    String key = files.vocabulary() + "|" + order + "|" + kneserNey + "|" + String.join("\n", probes);
    synchronized (SETUPS) {
      TextSetup s = SETUPS.get(key);
      if (s == null) {
        s = new TextSetup(corpus, order, probes, kneserNey);
        SETUPS.put(key, s);
        if (SETUPS.size() > CACHED) {
          SETUPS.remove(SETUPS.keySet().iterator().next());
        }
      }
      return s;
    }
  }
}
