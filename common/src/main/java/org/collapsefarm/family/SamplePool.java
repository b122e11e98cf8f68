package org.collapsefarm.family;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The raw samples of accumulate-subsample with {@code pool = corpora} (MATH.md §2): the real set
 * D_0 and every fixed synthetic set S_t, kept as samples (points, or whole documents for text)
 * because generation m trains on n of them drawn <em>without replacement</em>, which sufficient
 * statistics cannot give. Only this paradigm keeps raw samples; its memory is bounded by
 * {@link FamilyRecursion#POOL_BYTES_LIMIT}.
 *
 * @param <D> the family's training set
 * @param <M> the family's model
 */
public interface SamplePool<D, M> {
  /** Adds n real samples (D_0) and returns them as a training set. */
  D addReal(int n, UniformRandomProvider rng);

  /** Adds n samples drawn from model (a fixed set S_t). */
  void addSample(M model, int n, UniformRandomProvider rng);

  /**
   * n samples drawn without replacement from the pool, as a training set (for text: whole documents
   * until n tokens). The pool keeps every sample.
   */
  D subsample(int n, UniformRandomProvider rng);
}
