package org.collapsefarm.paradigm;

import java.io.Serializable;
import java.util.Locale;
import org.collapsefarm.ParameterException;

/**
 * One paradigm with all its parameters (MATH.md §2). Immutable and validated on construction: an
 * invalid combination throws {@link ParameterException} naming the configuration key and the allowed
 * range. Parameters that a paradigm does not use keep their neutral value (see {@link #defaults}).
 *
 * @param paradigm the recursion paradigm
 * @param n synthetic sample size per generation, {@code n >= 1}
 * @param realN real corpus size N (partially synthetic only), {@code >= 1} there, 0 elsewhere
 * @param window K (most recent only), {@code >= 1} there
 * @param allocation most recent: split (default) or literal
 * @param rate k (accumulate-subsample, accumulate), {@code > 0} there; {@code round(k·n)} samples
 *     are added to the pool per generation
 * @param pool accumulate-subsample: corpora (default) or fresh
 * @param source randomly sampled: per-sample (default) or per-generation
 * @param temperature sampling temperature τ > 0 (default 1): samples drawn from {@code q ∝ p^{1/τ}}
 * @param topP nucleus mass in (0, 1] (default 1)
 * @param smoothing add-λ estimator smoothing λ >= 0 (default 0)
 * @param collapseEpsilon collapse is {@code ‖p‖_∞ >= 1 − ε}; ε in [0, 1), must be > 0 when λ > 0
 * @param realAnchor fresh real samples added to every generation's training set, >= 0 (default 0)
 */
public record ParadigmSpec(
    Paradigm paradigm,
    int n,
    int realN,
    int window,
    Allocation allocation,
    double rate,
    Pool pool,
    SourceMode source,
    double temperature,
    double topP,
    double smoothing,
    double collapseEpsilon,
    int realAnchor)
    implements Serializable {

  public ParadigmSpec {
    if (paradigm == null) {
      throw new ParameterException("paradigm", "is required; allowed: " + Paradigm.allowed());
    }
    ParameterException.requireAtLeast("n", n, 1);
    if (paradigm == Paradigm.PARTIALLY_SYNTHETIC) {
      ParameterException.requireAtLeast("real-n", realN, 1);
    } else if (realN != 0) {
      throw new ParameterException("real-n", "applies only to partially-synthetic, got " + realN);
    }
    if (paradigm == Paradigm.MOST_RECENT) {
      ParameterException.requireAtLeast("window", window, 1);
      if (allocation == Allocation.LITERAL && n / window == 0) {
        throw new ParameterException(
            "window",
            "allocation literal draws floor(n/window) samples per source, so window must be <= n = "
                + n + ", got " + window);
      }
    }
    if (paradigm == Paradigm.ACCUMULATE_SUBSAMPLE || paradigm == Paradigm.ACCUMULATE) {
      ParameterException.requireAbove("rate", rate, 0.0);
      if (Math.round(rate * n) < 1 && !(paradigm == Paradigm.ACCUMULATE_SUBSAMPLE && pool == Pool.FRESH)) {
        throw new ParameterException(
            "rate", "round(rate * n) must be >= 1 so that the pool grows, got rate " + rate + " with n = " + n);
      }
    }
    if (allocation == null) {
      throw new ParameterException("allocation", "is required; allowed: split, literal");
    }
    if (pool == null) {
      throw new ParameterException("pool", "is required; allowed: corpora, fresh");
    }
    if (source == null) {
      throw new ParameterException("source", "is required; allowed: per-sample, per-generation");
    }
    ParameterException.requireAbove("temperature", temperature, 0.0);
    if (!(topP > 0.0 && topP <= 1.0)) {
      throw new ParameterException("top-p", "must be in (0, 1], got " + topP);
    }
    ParameterException.requireAtLeast("smoothing", smoothing, 0.0);
    if (!(collapseEpsilon >= 0.0 && collapseEpsilon < 1.0)) {
      throw new ParameterException("collapse-epsilon", "must be in [0, 1), got " + collapseEpsilon);
    }
    if (smoothing > 0.0 && collapseEpsilon == 0.0) {
      throw new ParameterException(
          "collapse-epsilon",
          "must be > 0 when smoothing > 0 (a smoothed model is never an exact Dirac mass), got 0");
    }
    ParameterException.requireAtLeast("real-anchor", realAnchor, 0);
  }

  /** A spec of {@code paradigm} with sample size n and every other parameter at its neutral value. */
  public static ParadigmSpec defaults(Paradigm paradigm, int n) {
    return new ParadigmSpec(
        paradigm,
        n,
        paradigm == Paradigm.PARTIALLY_SYNTHETIC ? n : 0,
        paradigm == Paradigm.MOST_RECENT ? 1 : 0,
        Allocation.SPLIT,
        paradigm == Paradigm.ACCUMULATE_SUBSAMPLE || paradigm == Paradigm.ACCUMULATE ? 1.0 : 0.0,
        Pool.CORPORA,
        SourceMode.PER_SAMPLE,
        1.0,
        1.0,
        0.0,
        0.0,
        0);
  }

  /** Fully synthetic with sample size n. */
  public static ParadigmSpec fullySynthetic(int n) {
    return defaults(Paradigm.FULLY_SYNTHETIC, n);
  }

  public ParadigmSpec withRealN(int value) {
    return new ParadigmSpec(paradigm, n, value, window, allocation, rate, pool, source, temperature, topP, smoothing, collapseEpsilon, realAnchor);
  }

  public ParadigmSpec withWindow(int value, Allocation alloc) {
    return new ParadigmSpec(paradigm, n, realN, value, alloc, rate, pool, source, temperature, topP, smoothing, collapseEpsilon, realAnchor);
  }

  public ParadigmSpec withRate(double value, Pool p) {
    return new ParadigmSpec(paradigm, n, realN, window, allocation, value, p, source, temperature, topP, smoothing, collapseEpsilon, realAnchor);
  }

  public ParadigmSpec withSource(SourceMode value) {
    return new ParadigmSpec(paradigm, n, realN, window, allocation, rate, pool, value, temperature, topP, smoothing, collapseEpsilon, realAnchor);
  }

  public ParadigmSpec withKnobs(double temp, double nucleus, double lambda, double epsilon, int anchor) {
    return new ParadigmSpec(paradigm, n, realN, window, allocation, rate, pool, source, temp, nucleus, lambda, epsilon, anchor);
  }

  /** True when no mitigation knob is set: the paradigm exactly as in MATH.md's table. */
  public boolean isPlain() {
    return temperature == 1.0 && topP == 1.0 && smoothing == 0.0 && realAnchor == 0;
  }

  /**
   * The canonical text of the parameters that matter for this paradigm, in a fixed order and
   * number format. It is part of the input to {@code group_id} and {@code cell_id}, so it must never
   * change for an existing parameter set (add new parameters only at the end, and only when set).
   */
  public String canonical() {
    StringBuilder b = new StringBuilder(paradigm.configName()).append(";n=").append(n);
    switch (paradigm) {
      case PARTIALLY_SYNTHETIC -> b.append(";real-n=").append(realN);
      case MOST_RECENT -> b.append(";window=").append(window).append(";allocation=").append(allocation.configName());
      case RANDOMLY_SAMPLED -> b.append(";source=").append(source.configName());
      case ACCUMULATE_SUBSAMPLE -> b.append(";rate=").append(num(rate)).append(";pool=").append(pool.configName());
      case ACCUMULATE -> b.append(";rate=").append(num(rate));
      default -> { }
    }
    b.append(";temperature=").append(num(temperature))
        .append(";top-p=").append(num(topP))
        .append(";smoothing=").append(num(smoothing))
        .append(";collapse-epsilon=").append(num(collapseEpsilon))
        .append(";real-anchor=").append(realAnchor);
    return b.toString();
  }

  private static String num(double v) {
    // Shortest round-trip form, locale independent: 0.5 -> "0.5", 1.0 -> "1.0".
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }
}
