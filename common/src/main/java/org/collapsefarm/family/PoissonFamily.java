package org.collapsefarm.family;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.collapsefarm.ParameterException;

/**
 * The Poisson family (MATH.md §7): the truth Poisson(λ_0), a model fitted by maximum likelihood, the
 * sample mean. A training set is its count and sum; n samples of Poisson(λ) are drawn as their sum
 * ~ Poisson(nλ) directly (exact, one draw whatever n), so under fully synthetic training nλ_m is a
 * critical Galton–Watson process (Suresh et al., arXiv 2412.17646).
 *
 * <p>λ = 0 is absorbing: its samples are all 0, so a fully synthetic run that reaches it stays there
 * (total collapse, as a Dirac mass for the categorical). Measurements: {@code rate} λ_m,
 * {@code rate_zero} (1 when λ_m = 0, so its mean over runs is P(λ_m = 0)) and {@code mean_sq_error}
 * (λ_m − λ_0)² (its mean is Var λ_m where E λ_m = λ_0).
 */
public final class PoissonFamily implements ModelFamily<PoissonFamily.Stats, PoissonFamily.Rate> {
  /** The measurements, in {@link #measure} order. */
  public static final List<String> METRICS = List.of("rate", "rate_zero", "mean_sq_error");
  /** The largest mean of one Commons RNG Poisson draw; larger sums are drawn in parts (Poisson is additive). */
  static final double MAX_DRAW_MEAN = 1e9;

  /**
   * A training set's sufficient statistics.
   *
   * @param count the number of samples
   * @param sum their sum
   */
  public record Stats(long count, long sum) {}

  /** A fitted model Poisson(value). */
  public record Rate(double value) {}

  private final Rate truth;

  /** @param rate λ_0 > 0 */
  public PoissonFamily(double rate) {
    ParameterException.requireAbove("rate", rate, 0.0);
    this.truth = new Rate(rate);
  }

  @Override
  public String name() {
    return "poisson";
  }

  @Override
  public Rate truth() {
    return truth;
  }

  @Override
  public Stats real(int n, UniformRandomProvider rng) {
    return sample(truth, n, rng);
  }

  @Override
  public Stats sample(Rate model, int n, UniformRandomProvider rng) {
    return new Stats(n, poisson(n * model.value(), rng));
  }

  /** Poisson(mean), as a sum of draws of mean at most {@link #MAX_DRAW_MEAN}; 0 for mean 0. */
  static long poisson(double mean, UniformRandomProvider rng) {
    long sum = 0;
    double left = mean;
    while (left > 0) {
      double part = Math.min(left, MAX_DRAW_MEAN);
      sum += PoissonSampler.of(rng, part).sample();
      left -= part;
    }
    return sum;
  }

  @Override
  public Stats merge(Stats into, Stats other) {
    return new Stats(into.count() + other.count(), into.sum() + other.sum());
  }

  @Override
  public long size(Stats data) {
    return data.count();
  }

  @Override
  public Rate fit(Stats data) {
    return new Rate((double) data.sum() / data.count());
  }

  @Override
  public List<String> metrics() {
    return METRICS;
  }

  @Override
  public void measure(Rate model, double[] values) {
    values[0] = model.value();
    values[1] = model.value() == 0.0 ? 1.0 : 0.0;
    double d = model.value() - truth.value();
    values[2] = d * d;
  }

  @Override
  public boolean collapsed(Rate model, double epsilon) {
    return model.value() == 0.0;
  }

  @Override
  public boolean absorbing(Rate model) {
    return model.value() == 0.0;
  }

  @Override
  public long pooledSampleBytes() {
    return Double.BYTES;
  }

  @Override
  public SamplePool<Stats, Rate> newPool(long capacity) {
    return new PointPool<>(1, capacity, truth) {
      @Override
      void draw(Rate model, double[] x, int offset, int n, UniformRandomProvider rng) {
        if (model.value() > 0) {
          DiscreteSampler sampler = PoissonSampler.of(rng, model.value());
          for (int i = 0; i < n; i++) {
            x[offset + i] = sampler.sample();
          }
        }
      }

      @Override
      Stats stats(double[] x, int offset, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
          s += (long) x[offset + i];
        }
        return new Stats(n, s);
      }
    };
  }
}
