package org.collapsefarm.family;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * A model family beside the categorical kernel: what it takes to sample a training set, fit a model
 * to it and measure the model. The paradigms of MATH.md §2 (and the real anchor) are written once,
 * over this interface, in {@link FamilyRecursion}; see the package documentation for the contract.
 *
 * <p>An implementation is immutable and thread safe (one instance serves every run of a group, on
 * any executor thread); all randomness comes from the {@code rng} argument, the run's own stream.
 * {@link FamilyRecursion} makes a run's calls on {@link #forRun}'s copy, which may keep per-run
 * set-up (samplers built on the run's generator) and is used by that run's thread alone.
 *
 * @param <D> a training set, held as whatever the fit needs — sufficient statistics where their law
 *     is known (a Gaussian's count, mean and scatter), counts of n-grams for text
 * @param <M> a fitted model
 */
public interface ModelFamily<D, M> {
  /**
   * The family as one run uses it: {@link FamilyRecursion} asks for it at the start of a run, makes
   * every call of the run on it, on one thread, and drops it at the end. A family whose draws need
   * set-up per generator or per sample size returns a copy that keeps it in plain fields; the copy
   * must give exactly the results of this instance. By default this instance.
   */
  default ModelFamily<D, M> forRun() {
    return this;
  }

  /** The family's name in the {@code family} column, e.g. {@code gaussian}, {@code poisson}, {@code text}. */
  String name();

  /** The true model p^(0), measured as generation 0. */
  M truth();

  /**
   * A real corpus of n samples (the partially synthetic fixed set, accumulate's D_0, a real anchor).
   * For text: whole training documents until exactly n tokens. A draw from the truth (generation 1
   * of fully synthetic, source 0 of most recent K and randomly sampled) is {@code sample(truth(), n)}
   * instead; the two are the same law for every family but text.
   */
  D real(int n, UniformRandomProvider rng);

  /** A training set of n samples drawn from a fitted model. For text: generated documents until n tokens. */
  D sample(M model, int n, UniformRandomProvider rng);

  /**
   * The union of two training sets (sufficient statistics add). May reuse and return {@code into}'s
   * storage — the caller gives {@code into} up — but must never change {@code other}, which the
   * caller may still hold (a fixed real set is merged every generation).
   */
  D merge(D into, D other);

  /** The size of a training set, in samples (tokens for text). */
  long size(D data);

  /**
   * Fits a model to a training set. The model must not share storage that a later {@link #merge}
   * into {@code data} could change: models are kept as sources of later generations.
   */
  M fit(D data);

  /** The names of the measurements, in the order {@link #measure} writes them (table columns). */
  List<String> metrics();

  /** The measurements of a model into {@code values[0..metrics().size())}. */
  void measure(M model, double[] values);

  /**
   * Whether the model is collapsed (a Poisson rate of 0; a Gaussian variance ratio at most ε).
   *
   * @param epsilon the configured {@code collapse-epsilon} (0 by default)
   */
  boolean collapsed(M model, double epsilon);

  /**
   * Whether every training set sampled from this model fits this model again, so that a run trained
   * on its own samples alone stays here forever (a Poisson rate of 0). The paradigm layer then stops
   * the run and fills its remaining generations exactly.
   */
  default boolean absorbing(M model) {
    return false;
  }

  /**
   * The knobs of MATH.md §2 this family takes, among {@code temperature}, {@code top-p} and
   * {@code smoothing} (their configuration keys); the paradigm layer refuses the others when set.
   */
  default List<String> knobs() {
    return List.of();
  }

  /**
   * Refuses a spec the family cannot run, with a {@link org.collapsefarm.ParameterException} naming
   * the key (e.g. the Gaussian family needs {@code collapse-epsilon} in (0, 1) and, for the unbiased
   * variance, training sets of two points; a Poisson sum must fit the sampler's int). Knobs and the
   * pool's memory are checked by the paradigm layer.
   *
   * @param sizes the smallest training set and the largest draw of the spec's runs
   */
  default void check(ParadigmSpec spec, Sizes sizes) {}

  /**
   * The extreme sizes of a run, from its paradigm: the smallest training set any generation can
   * have and the largest single draw (from the truth or from one model), each with the
   * configuration key that sets it.
   */
  record Sizes(long smallestTrainingSet, String smallestKey, long largestDraw, String largestKey) {}

  /** Bytes one sample takes in a {@link SamplePool} (to refuse pools that would not fit in memory). */
  long pooledSampleBytes();

  /**
   * An empty pool of raw samples for accumulate-subsample with {@code pool = corpora}, which must
   * draw whole samples without replacement; it will hold at most {@code capacity} samples.
   */
  SamplePool<D, M> newPool(long capacity);
}
