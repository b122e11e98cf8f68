package org.collapsefarm.family;

import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * The pool paradigms of MATH.md §2 ([W]; Kazdan et al.; Gerstgrasser et al.): a real set D_0 of n
 * samples, which generation 1 fits; after generation t a fixed set S_t of round(k·n) samples from
 * p^(t) joins the pool (drawn at the start of generation t + 1, the same in distribution).
 *
 * <ul>
 *   <li>accumulate: generation m fits the whole pool — kept as one training set, its sufficient
 *       statistics adding up;
 *   <li>accumulate-subsample, {@code pool = corpora}: generation m fits n samples drawn without
 *       replacement from the pool — the one paradigm that keeps raw samples ({@link SamplePool}).
 * </ul>
 *
 * The real anchor is not part of the pool (it is added to each generation's training set).
 */
final class PoolSources<D, M> extends Sources<D, M> {
  private final SamplePool<D, M> raw;
  private D pool;

  PoolSources(ModelFamily<D, M> family, ParadigmSpec spec, UniformRandomProvider rng, boolean subsample,
      long capacity) {
    super(family, spec, rng);
    raw = subsample ? family.newPool(capacity) : null;
  }

  @Override
  D train(int m, M previous) {
    int n = spec.n();
    if (raw != null) {
      if (m == 1) {
        return raw.addReal(n, rng);
      }
      raw.addSample(previous, added(spec), rng);
      return raw.subsample(n, rng);
    }
    pool = m == 1 ? family.real(n, rng) : family.merge(pool, family.sample(previous, added(spec), rng));
    return pool;
  }
}
