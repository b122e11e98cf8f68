package org.collapsefarm.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapsefarm.ParameterException;

/**
 * A corpus ready for the recursion (MATH.md §8): its vocabulary V_0 and its training and validation
 * parts, encoded. Built here from documents in memory (the built-in corpus, tests); a Spark job builds
 * the same object from a corpus of any size with {@link #of(Vocabulary, TokenCorpus, TokenCorpus,
 * Tokenizer)}.
 *
 * @param vocabulary V_0
 * @param training the training part
 * @param validation the validation part (possibly empty of documents)
 * @param tokenizer how its text was cut, to render sample documents
 */
public record TextCorpus(Vocabulary vocabulary, TokenCorpus training, TokenCorpus validation, Tokenizer tokenizer)
    implements Serializable {

  /** How documents become a corpus: keys {@code tokenizer}, {@code lowercase}, {@code language}, split and cap. */
  public record Options(Tokenizer tokenizer, boolean lowercase, Language language, DocumentSplit split, int maxVocabulary)
      implements Serializable {}

  public static TextCorpus of(Vocabulary vocabulary, TokenCorpus training, TokenCorpus validation, Tokenizer tokenizer) {
    return new TextCorpus(vocabulary, training, validation, tokenizer);
  }

  /**
   * Tokenises, filters by language, splits and encodes documents. Throws {@link ParameterException}
   * (key {@code path}, or {@code language}) when nothing usable remains.
   */
  public static TextCorpus of(Iterable<String> documents, Options options) {
    List<List<String>> train = new ArrayList<>();
    List<List<String>> valid = new ArrayList<>();
    int read = 0;
    for (String doc : documents) {
      read++;
      if (!options.language().accepts(doc)) {
        continue;
      }
      List<String> tokens = options.tokenizer().tokens(doc, options.lowercase());
      if (tokens.isEmpty()) {
        continue;
      }
      (options.split().isValidation(doc) ? valid : train).add(tokens);
    }
    if (read == 0) {
      throw new ParameterException("path", "the corpus has no document");
    }
    if (train.isEmpty() && valid.isEmpty()) {
      throw new ParameterException(
          "language", "no document of the corpus is " + options.language().configName() + " (" + read + " read)");
    }
    if (train.isEmpty()) {
      throw new ParameterException("validation-fraction", "left no document for training");
    }
    Map<String, Long> counts = new HashMap<>();
    for (List<String> d : train) {
      for (String t : d) {
        counts.merge(t, 1L, Long::sum);
      }
    }
    Vocabulary vocabulary = Vocabulary.of(counts, options.maxVocabulary());
    return new TextCorpus(vocabulary, encode(train, vocabulary), encode(valid, vocabulary), options.tokenizer());
  }

  private static TokenCorpus encode(List<List<String>> docs, Vocabulary vocabulary) {
    TokenCorpus.Builder b = new TokenCorpus.Builder();
    for (List<String> d : docs) {
      b.add(vocabulary.encode(d));
    }
    return b.build();
  }

  /** A document of ids (EOS excluded) as text. */
  public String render(int[] ids, int from, int to) {
    List<String> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      if (ids[i] != Vocabulary.EOS) {
        out.add(vocabulary.type(ids[i]));
      }
    }
    return tokenizer.render(out);
  }
}
