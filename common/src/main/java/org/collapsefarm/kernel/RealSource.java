package org.collapsefarm.kernel;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.collapsefarm.context.Context;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.sampling.MultinomialSampler;

/**
 * Real data: Mult(k, p^(0)) (MATH.md §1, "p^(0) stands for the real data"). Small draws go through
 * Commons RNG's alias method — one O(1) draw per sample from a table built once per context and
 * shared by every run of it on the thread — and large ones through {@link MultinomialSampler}'s
 * conditional binomials, whose cost follows the support instead of k.
 *
 * <p>Indices are support indices of the context, which are the run's positions: while p^(0) is a
 * source of the paradigm no token of its support can die, and tokens outside it (smoothed runs)
 * never die either, so no position has moved yet whenever real data is drawn.
 */
final class RealSource {
  /**
   * Alias draws while k ≤ this × s~ (an alias draw costs a few ns; a conditional binomial tens of
   * ns per token), conditional binomials above.
   */
  static final int ALIAS_MAX_DRAWS_PER_TOKEN = 4;

  /** The last context's table on this thread: a farm task runs many cells of one context in a row. */
  private static final ThreadLocal<RealSource> LAST = new ThreadLocal<>();

  private final Context context;
  private final double[] probs;
  private final SharedStateDiscreteSampler table;

  private RealSource(Context context) {
    this.context = context;
    this.probs = context.probs();
    // Built with a generator of its own: whether this thread had the table cached must never change
    // a run's random stream. Each run binds the shared table to its own generator.
    this.table = AliasMethodDiscreteSampler.of(CellSeeds.stream(0), probs);
  }

  /** The real-data source of context, drawing from rng. */
  static Sampler of(Context context, UniformRandomProvider rng) {
    RealSource source = LAST.get();
    if (source == null || source.context != context) {
      source = new RealSource(context);
      LAST.set(source);
    }
    return new Sampler(source.probs, source.table.withUniformRandomProvider(rng), rng);
  }

  /** One run's real-data sampler. */
  static final class Sampler {
    private final double[] probs;
    private final SharedStateDiscreteSampler alias;
    private final UniformRandomProvider rng;

    private Sampler(double[] probs, SharedStateDiscreteSampler alias, UniformRandomProvider rng) {
      this.probs = probs;
      this.alias = alias;
      this.rng = rng;
    }

    /** Mult(k, p^(0)) into out[0..len), len ≥ s~ (entries beyond the support get 0). */
    void draw(int k, int len, int[] out) {
      int support = probs.length;
      if (k <= ALIAS_MAX_DRAWS_PER_TOKEN * support) {
        Arrays.fill(out, 0, len, 0);
        for (int j = 0; j < k; j++) {
          out[alias.sample()]++;
        }
      } else {
        MultinomialSampler.sample(rng, k, probs, support, out);
        Arrays.fill(out, support, len, 0);
      }
    }
  }
}
