package org.collapsefarm.family;

import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * Most recent K ([S] §4.2, MATH.md §2): generation m draws from the models p^(t),
 * {@code max(0, m−K) ≤ t ≤ m−1} (t = 0 being the real data), w = min(m, K) sources; {@code split}
 * gives each ⌊n/w⌋ and one more to each of the {@code n mod w} most recent, {@code literal} gives
 * each ⌊n/K⌋ as [S] writes it — the same allocation as the categorical kernel's most recent step.
 * Under split only the min(K, n) most recent models ever get a sample, so only those are kept.
 */
final class WindowSources<D, M> extends Sources<D, M> {
  private final int window;
  private final boolean literal;
  /** ring[(t − 1) mod capacity] = p^(t). */
  private final Object[] ring;

  WindowSources(ModelFamily<D, M> family, ParadigmSpec spec, UniformRandomProvider rng) {
    super(family, spec, rng);
    window = spec.window();
    literal = spec.allocation() == Allocation.LITERAL;
    ring = new Object[literal ? window : Math.min(window, spec.n())];
  }

  @Override
  @SuppressWarnings("unchecked")
  D train(int m, M previous) {
    int n = spec.n();
    int w = Math.min(m, window);
    D data = null;
    for (int j = 0; j < w; j++) {
      int t = m - w + j;
      int k = literal ? n / window : n / w + (j >= w - n % w ? 1 : 0);
      if (k > 0) {
        D part = draw(t, t == 0 ? null : (M) ring[(t - 1) % ring.length], k);
        data = data == null ? part : family.merge(data, part);
      }
    }
    return data;
  }

  @Override
  void advance(int m, M model) {
    ring[(m - 1) % ring.length] = model;
  }
}
