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
   * The setup of the corpus encoded at {@code corpusRoot} at order {@code order}, from this JVM's
   * cache or built now (one thread builds it; the others wait for it).
   */
  public static TextSetup get(String corpusRoot, Tokenizer tokenizer, int order, List<String> probes, boolean kneserNey,
      HadoopConf conf) {
    TextCorpus corpus = EncodedCorpus.load(corpusRoot, tokenizer, conf.get());
    // The corpus object stands for its files (a rewritten corpus is a new object).
    String key = System.identityHashCode(corpus) + "|" + corpusRoot + "|" + order + "|" + kneserNey + "|"
        + String.join("\n", probes);
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
