package org.collapsefarm.jobs.config;

import java.io.Serializable;
import java.util.Locale;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.text.DocumentSplit;
import org.collapsefarm.text.Language;
import org.collapsefarm.text.Tokenizer;

/**
 * One entry of {@code sweep.corpora} (MATH.md §8; DESIGN.md "Model families beyond the categorical
 * context"): where the documents come from and how they become a corpus.
 *
 * @param name the corpus's name in tables and figures
 * @param path the documents: a file, a folder or a glob on any Hadoop file system ({@code .gz}
 *     read transparently), or {@code null} for {@code source = builtin}
 * @param format {@code lines} (a document per line), {@code paragraphs} (blank-line separated),
 *     {@code parquet} (the column {@code column}), {@code brown} (the Brown corpus's tagged files, a
 *     document per file, see {@code org.collapsefarm.text.BrownFormat}); {@code builtin} for the
 *     built-in corpus
 * @param column the text column of a Parquet corpus
 * @param tokenizer words or gpt2
 * @param lowercase whether text is lower-cased before tokenising
 * @param language which documents are kept
 * @param maxVocabulary the most types kept besides EOS and {@code <unk>}
 * @param split the seeded train/validation split by document
 */
public record CorpusEntry(String name, String path, String format, String column, Tokenizer tokenizer,
    boolean lowercase, Language language, int maxVocabulary, DocumentSplit split) implements Serializable {

  /** The formats of a corpus read from a path. */
  public static final java.util.List<String> FORMATS = java.util.List.of("lines", "paragraphs", "parquet", "brown");

  public boolean builtin() {
    return path == null;
  }

  /** Everything that determines the encoded corpus, in a fixed order. */
  public String canonical() {
    return String.format(Locale.ROOT,
        "corpus;name=%s;source=%s;format=%s;column=%s;tokenizer=%s;lowercase=%s;language=%s;max-vocabulary=%d;"
            + "validation-fraction=%s;seed=%d",
        name, builtin() ? "builtin" : path, format, column, tokenizer.configName(), lowercase,
        language.configName(), maxVocabulary, Double.toString(split.fraction()), split.seed());
  }

  /** 16 hex digits of {@code CellSeeds.key(canonical())}. */
  public String corpusId() {
    return Ids.hex(CellSeeds.key(canonical()));
  }
}
