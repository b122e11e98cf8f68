package org.collapsefarm.family;

import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.SourceMode;

/**
 * What one paradigm of MATH.md §2 trains generation m on, with the memory of earlier generations it
 * needs (the previous model, a fixed real set, a window of models, every model, a pool) — written
 * once for every {@link ModelFamily}. {@link FamilyRecursion} adds the real anchor after
 * {@link #train} and calls {@link #advance} once the model is fitted.
 */
abstract class Sources<D, M> {
  final ModelFamily<D, M> family;
  final ParadigmSpec spec;
  final UniformRandomProvider rng;

  Sources(ModelFamily<D, M> family, ParadigmSpec spec, UniformRandomProvider rng) {
    this.family = family;
    this.spec = spec;
    this.rng = rng;
  }

  /**
   * Generation m's training set, without the real anchor; {@code previous} is the model of
   * generation m − 1 (the truth for m = 1). The caller may give the result to {@link
   * ModelFamily#merge} only as {@code other}.
   */
  abstract D train(int m, M previous);

  /** After generation m's model is fitted: remember what later generations can draw from. */
  void advance(int m, M model) {}

  /** The sources of spec's paradigm. */
  static <D, M> Sources<D, M> of(ModelFamily<D, M> family, ParadigmSpec spec, int maxGenerations,
      UniformRandomProvider rng) {
    return switch (spec.paradigm()) {
      case FULLY_SYNTHETIC -> new ReplaceSources<>(family, spec, rng);
      case PARTIALLY_SYNTHETIC -> new FixedRealSources<>(family, spec, rng);
      case MOST_RECENT -> new WindowSources<>(family, spec, rng);
      case RANDOMLY_SAMPLED ->
          new MixtureSources<>(family, spec, rng, 1.0, spec.source() == SourceMode.PER_GENERATION);
      case ACCUMULATE_SUBSAMPLE -> switch (spec.pool()) {
        case CORPORA -> new PoolSources<>(family, spec, rng, true, FamilyRecursion.poolCapacity(spec, maxGenerations));
        case FRESH -> new MixtureSources<>(family, spec, rng, spec.rate(), false);
      };
      case ACCUMULATE -> new PoolSources<>(family, spec, rng, false, 0);
    };
  }

  /** round(k·n): the samples each generation adds to an accumulating pool. */
  static int added(ParadigmSpec spec) {
    return (int) Math.round(spec.rate() * spec.n());
  }

  /** n samples from source t: the real data for t = 0, else the given model. */
  final D draw(int t, M model, int n) {
    return t == 0 ? family.real(n, rng) : family.sample(model, n, rng);
  }

  /** Fully synthetic ([S]) = replace ([W]): n samples from the previous model (the truth at m = 1). */
  static final class ReplaceSources<D, M> extends Sources<D, M> {
    ReplaceSources(ModelFamily<D, M> family, ParadigmSpec spec, UniformRandomProvider rng) {
      super(family, spec, rng);
    }

    @Override
    D train(int m, M previous) {
      return draw(m == 1 ? 0 : 1, previous, spec.n());
    }
  }

  /**
   * Partially synthetic ([S]): a real set R of N samples drawn once; generation 1 fits R, generation
   * m ≥ 2 fits R with n fresh samples of the previous model — the same R every generation.
   */
  static final class FixedRealSources<D, M> extends Sources<D, M> {
    private D fixed;

    FixedRealSources(ModelFamily<D, M> family, ParadigmSpec spec, UniformRandomProvider rng) {
      super(family, spec, rng);
    }

    @Override
    D train(int m, M previous) {
      if (m == 1) {
        fixed = family.real(spec.realN(), rng);
        return fixed;
      }
      return family.merge(family.sample(previous, spec.n(), rng), fixed);
    }
  }
}
