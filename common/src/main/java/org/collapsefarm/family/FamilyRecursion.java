package org.collapsefarm.family;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.ParameterException;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.paradigm.Allocation;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.random.CellSeeds;

/**
 * Runs the recursion of MATH.md §2 for one cell of a {@link ModelFamily}: generation by generation to
 * the cap M, the paradigm's {@link Sources} give the training set, the real anchor (if any) adds k
 * fresh real samples, the family fits and measures the model, and the sink gets every generation.
 *
 * <p>Collapse is the family's ({@link ModelFamily#collapsed}); T is the first collapsed generation
 * m ≥ 1, censored at M. A run stops early only when its future is known exactly: fully synthetic
 * training (or most recent with K = 1) without an anchor, on a model that is {@link
 * ModelFamily#absorbing absorbing} (every later model is the same), whose remaining generations go to
 * the sink in one {@link GenerationSink#absorbed} call.
 */
public final class FamilyRecursion {
  /** The largest raw-sample pool one run may keep (accumulate-subsample, pool = corpora): 256 MiB. */
  public static final long POOL_BYTES_LIMIT = 256L << 20;

  private FamilyRecursion() {}

  /**
   * Runs one cell.
   *
   * @param shared the model family with its true model (the run is made on its {@link ModelFamily#forRun} copy)
   * @param spec the paradigm and its parameters
   * @param maxGenerations the cap M ≥ 1
   * @param seed the cell seed; the run draws from {@code CellSeeds.stream(seed)}
   * @param sink receives every generation's measurements (in {@link ModelFamily#metrics} order), m = 0..M
   * @return the run's outcome ({@code absorbingToken} −1 and {@code lambda1} NaN: categorical only;
   *     {@code tokenGenerations} = the generations simulated)
   */
  public static <D, M> RunResult run(
      ModelFamily<D, M> shared, ParadigmSpec spec, int maxGenerations, long seed, GenerationSink sink) {
    check(shared, spec, maxGenerations);
    ModelFamily<D, M> family = shared.forRun();
    UniformRandomProvider rng = CellSeeds.stream(seed);
    Sources<D, M> sources = Sources.of(family, spec, maxGenerations, rng);
    int anchor = spec.realAnchor();
    boolean canAbsorb = anchor == 0 && isReplace(spec);
    double[] values = new double[family.metrics().size()];
    M model = family.truth();
    family.measure(model, values);
    sink.generation(0, values, false);
    int collapseTime = -1;
    int m = 0;
    while (m < maxGenerations) {
      m++;
      D data = sources.train(m, model);
      if (anchor > 0) {
        data = family.merge(family.real(anchor, rng), data);
      }
      model = family.fit(data);
      family.measure(model, values);
      boolean collapsed = family.collapsed(model, spec.collapseEpsilon());
      sink.generation(m, values, collapsed);
      if (collapsed && collapseTime < 0) {
        collapseTime = m;
      }
      sources.advance(m, model);
      if (canAbsorb && collapsed && family.absorbing(model)) {
        break;
      }
    }
    if (m < maxGenerations) {
      sink.absorbed(m + 1, maxGenerations, values);
    }
    return new RunResult(collapseTime, collapseTime < 0, -1, m, values.clone(), Double.NaN, m);
  }

  /**
   * Refuses what the family cannot run, each with one {@link ParameterException} naming the key:
   * a knob the family does not take, training sets its estimator cannot fit, draws it cannot sample,
   * a raw-sample pool above {@link #POOL_BYTES_LIMIT}.
   */
  public static void check(ModelFamily<?, ?> family, ParadigmSpec spec, int maxGenerations) {
    ParameterException.requireAtLeast("max-generations", maxGenerations, 1);
    refuseKnob(family, "temperature", spec.temperature() != 1.0, spec.temperature());
    refuseKnob(family, "top-p", spec.topP() != 1.0, spec.topP());
    refuseKnob(family, "smoothing", spec.smoothing() != 0.0, spec.smoothing());
    family.check(spec, sizes(spec));
    checkPool(spec, maxGenerations, family.pooledSampleBytes());
  }

  /**
   * Refuses an accumulate-subsample pool (pool = corpora) of samples of {@code sampleBytes} bytes above
   * {@link #POOL_BYTES_LIMIT}; callable before the family exists (text, whose family needs its corpus).
   */
  public static void checkPool(ParadigmSpec spec, int maxGenerations, long sampleBytes) {
    if (spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE && spec.pool() == Pool.CORPORA) {
      long capacity = poolCapacity(spec, maxGenerations);
      double bytes = (double) capacity * sampleBytes;
      if (bytes > POOL_BYTES_LIMIT) {
        throw new ParameterException("max-generations", String.format(Locale.ROOT,
            "accumulate-subsample with pool = corpora keeps every sample of the pool: n + (M - 1)·round(rate·n) = %,d "
                + "samples of %d bytes (%,.0f MiB) per run, above the limit of %d MiB; lower max-generations, n or "
                + "rate, or use pool = fresh", capacity, sampleBytes, bytes / (1 << 20), POOL_BYTES_LIMIT >> 20));
      }
    }
  }

  /**
   * The pool's final size, n + (M − 1)·round(k·n), in samples: also the training set at M under
   * accumulate, which keeps every sample.
   */
  public static long poolCapacity(ParadigmSpec spec, int maxGenerations) {
    return spec.n() + (maxGenerations - 1L) * Sources.added(spec);
  }

  /** The smallest training set and the largest single draw of spec's runs. */
  static ModelFamily.Sizes sizes(ParadigmSpec spec) {
    int n = spec.n();
    int anchor = spec.realAnchor();
    long smallest;
    String smallestKey;
    if (spec.paradigm() == Paradigm.PARTIALLY_SYNTHETIC) {
      smallest = spec.realN();
      smallestKey = "real-n";
    } else if (spec.paradigm() == Paradigm.MOST_RECENT && spec.allocation() == Allocation.LITERAL) {
      smallest = n / spec.window();
      smallestKey = "window";
    } else {
      smallest = n;
      smallestKey = "n";
    }
    long largest = Math.max(Math.max(n, spec.realN()), anchor);
    String largestKey = largest == n ? "n" : largest == spec.realN() ? "real-n" : "real-anchor";
    boolean pooled = spec.paradigm() == Paradigm.ACCUMULATE || spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE;
    if (pooled && Sources.added(spec) > largest) {
      largest = Sources.added(spec);
      largestKey = "rate";
    }
    return new ModelFamily.Sizes(smallest + anchor, smallestKey, largest, largestKey);
  }

  private static boolean isReplace(ParadigmSpec spec) {
    return spec.paradigm() == Paradigm.FULLY_SYNTHETIC
        || (spec.paradigm() == Paradigm.MOST_RECENT && spec.window() == 1);
  }

  private static void refuseKnob(ModelFamily<?, ?> family, String key, boolean set, double value) {
    if (set && !family.knobs().contains(key)) {
      throw new ParameterException(key, String.format(Locale.ROOT,
          "does not apply to the %s family (it takes %s), got %s; leave it at its default",
          family.name(), family.knobs().isEmpty() ? "no sampling or smoothing knob" : String.join(", ", family.knobs()),
          value));
    }
  }
}
