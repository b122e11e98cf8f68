package org.collapsefarm.text;

/**
 * The text measurements of MATH.md §8 beyond the categorical ones, in a fixed order; column names are
 * the table contract (DESIGN.md, "Model families beyond the categorical context"). The categorical
 * {@link org.collapsefarm.measure.Metric}s of a text run describe the unigram distribution of the
 * model's training set (for order 1 that is the model itself, so [S] Theorem 1 applies).
 *
 * <p>"Generated text" below is min(n, {@link TextFamily#MEASURED_TOKENS}) tokens generated from p^(m)
 * with the run's measurement stream ({@link TextFamily}).
 */
public enum TextMetric {
  /** Distinct tokens with positive training count (EOS included). */
  TYPES_ALIVE("types_alive"),
  /** types_alive over the types of p^(0). */
  VOCAB_KEPT("vocab_kept"),
  /** Entropy of the training set's unigram distribution, nats. */
  UNIGRAM_ENTROPY("unigram_entropy"),
  /** Σ_h p̂(h) H(p^(m)(·|h)), nats. */
  CONDITIONAL_ENTROPY("conditional_entropy"),
  /** Distinct j-grams / j-grams of the generated text (within documents, EOS excluded). */
  DISTINCT_1("distinct_1"),
  DISTINCT_2("distinct_2"),
  DISTINCT_3("distinct_3"),
  DISTINCT_4("distinct_4"),
  /** Share of validation tokens whose history the model has with a single continuation. */
  DETERMINISTIC_HISTORIES("deterministic_histories"),
  /** Total variation between the unigram distributions of the training set and the real training part. */
  UNIGRAM_TV("unigram_tv"),
  /** Share of validation tokens with p^(m)(w | h) > 0. */
  COVERAGE("coverage"),
  /** Validation cross-entropy under interpolated Kneser–Ney on the training counts, nats per token. */
  KN_CROSS_ENTROPY("kn_cross_entropy"),
  /** exp(kn_cross_entropy). */
  KN_PERPLEXITY("kn_perplexity"),
  /** Tokens per document of the generated text (EOS included). */
  MEAN_DOC_LENGTH("mean_doc_length"),
  /** Documents of the generated text. */
  DOCUMENTS("documents");

  public static final int COUNT = values().length;
  private final String column;

  TextMetric(String column) {
    this.column = column;
  }

  public String column() {
    return column;
  }
}
