package org.collapsefarm.family;

import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.collapsefarm.ParameterException;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * The Gaussian family in one dimension (MATH.md §7): the truth N(μ_0, σ_0²), a model fitted by its
 * sample mean and the scatter divided by n ({@link Estimator#MLE}) or n − 1 ({@link
 * Estimator#UNBIASED}).
 *
 * <p>Exact and O(1) per draw whatever n: a training set is its sufficient statistics (count, mean,
 * scatter Σ(x − x̄)²), and n samples of N(μ, σ²) are drawn as those directly — the mean ~ N(μ, σ²/n)
 * and, independently, the scatter ~ σ²·χ²_{n−1} (Cochran's theorem), χ²_{n−1} = 2·Gamma((n−1)/2) by
 * Commons RNG's Marsaglia–Tsang sampler. Raw points are drawn only for the accumulate-subsample pool.
 *
 * <p>Log space: the scatter and the variance are held as logarithms. Under fully synthetic MLE
 * training ln σ²_m drifts down by 0.22 per generation at n = 10 (MATH.md §7), so σ²_m itself leaves
 * the double range after about 3,000 generations while its logarithm stays exact. Beside them the
 * roots √scatter and σ are carried linearly (σ_m = σ_{m−1}·√χ²/√divisor): sampling and the
 * measurements need σ, and e^{ln σ²/2} put an exp on the chain from one generation to the next, a
 * fifth of a generation's time; the two forms agree to the rounding of m products.
 *
 * <p>Measurements: {@code var_ratio} σ²_m/σ_0², {@code log_var} ln σ²_m, {@code mean_sq_error}
 * (μ_m − μ_0)², {@code w2_sq} the squared 2-Wasserstein distance to the truth (μ_m − μ_0)² + (σ_m −
 * σ_0)², {@code log_det_ratio} ln(σ²_m/σ_0²) (the d-dimensional ln det Σ_m/det Σ_0 at d = 1).
 * Collapsed: {@code var_ratio ≤ ε} (collapse-epsilon, required in (0, 1)).
 */
public final class UnivariateGaussian implements ModelFamily<UnivariateGaussian.Stats, UnivariateGaussian.Model> {
  /** The measurements, in {@link #measure} order. */
  public static final List<String> METRICS = List.of("var_ratio", "log_var", "mean_sq_error", "w2_sq", "log_det_ratio");

  /**
   * A training set's sufficient statistics.
   *
   * @param count the number of points, ≥ 1
   * @param mean their mean
   * @param logScatter ln Σ(x − x̄)² (−∞ for a single point)
   * @param rootScatter √Σ(x − x̄)², e^{logScatter/2} up to rounding (0 when it underflows)
   */
  public record Stats(long count, double mean, double logScatter, double rootScatter) {
    /** The statistics of a scatter given by its logarithm alone. */
    public Stats(long count, double mean, double logScatter) {
      this(count, mean, logScatter, Math.exp(0.5 * logScatter));
    }
  }

  /**
   * A fitted model N(mean, exp(logVar)).
   *
   * @param mean μ
   * @param logVar ln σ²
   * @param sd σ = exp(logVar/2) up to rounding, kept because both sampling and W2 need it
   */
  public record Model(double mean, double logVar, double sd) {
    public Model(double mean, double logVar) {
      this(mean, logVar, Math.exp(0.5 * logVar));
    }
  }

  private final Model truth;
  private final double sd0;
  private final Estimator estimator;
  /** Whether this is a run's copy ({@link #forRun}), the only kind that writes the fields below. */
  private final boolean perRun;
  /** A run's copy: the samplers of its generator for the last sample size. */
  private Samplers samplers;
  /** A run's copy: the last training-set size's divisor terms. */
  private Divisor divisor;
  /** A run's copy: the last ε and ln ε. */
  private double epsilon = Double.NaN;
  private double logEpsilon;

  /**
   * @param mean μ_0
   * @param variance σ_0² > 0
   * @param estimator the variance estimator
   */
  public UnivariateGaussian(double mean, double variance, Estimator estimator) {
    if (!Double.isFinite(mean)) {
      throw new ParameterException("mean", "must be a finite number, got " + mean);
    }
    ParameterException.requireAbove("variance", variance, 0.0);
    this.truth = new Model(mean, Math.log(variance));
    this.sd0 = truth.sd(); // the same rounding as every model's σ: the truth measures var_ratio = 1 exactly
    this.estimator = estimator;
    this.perRun = false;
  }

  private UnivariateGaussian(UnivariateGaussian shared) {
    this.truth = shared.truth;
    this.sd0 = shared.sd0;
    this.estimator = shared.estimator;
    this.perRun = true;
  }

  /**
   * A copy for one run that keeps, in plain fields, what the shared instance would build on every
   * call: the samplers of the run's generator (Commons RNG's, built on one generator), the divisor's
   * logarithm and root, ln ε. Looked up per thread they cost a tenth of a generation.
   */
  @Override
  public UnivariateGaussian forRun() {
    return new UnivariateGaussian(this);
  }

  public Estimator estimator() {
    return estimator;
  }

  @Override
  public String name() {
    return "gaussian";
  }

  @Override
  public Model truth() {
    return truth;
  }

  @Override
  public Stats real(int n, UniformRandomProvider rng) {
    return sample(truth, n, rng);
  }

  @Override
  public Stats sample(Model model, int n, UniformRandomProvider rng) {
    Samplers samplers = samplers(rng, n);
    double mean = model.mean() + model.sd() * samplers.gaussian.sample() * samplers.invSqrtN;
    if (n == 1) {
      return new Stats(1, mean, Double.NEGATIVE_INFINITY, 0.0);
    }
    double chiSquare = samplers.chiSquare.sample();
    return new Stats(n, mean, model.logVar() + Math.log(chiSquare), model.sd() * Math.sqrt(chiSquare));
  }

  /**
   * The samplers of rng for n points: a run's copy keeps the last ones (a run draws many training sets
   * of the same size, and building the samplers each time was a fifth of a generation's cost), the
   * shared instance builds them. Neither sampler keeps state between draws (the ziggurat and
   * Marsaglia–Tsang draw from the generator alone), so a reused sampler gives exactly the draws a
   * fresh one would: keeping them cannot change a run's results.
   */
  private Samplers samplers(UniformRandomProvider rng, int n) {
    Samplers s = samplers;
    if (s == null || s.rng != rng || s.n != n) {
      s = new Samplers(rng, n);
      if (perRun) {
        samplers = s;
      }
    }
    return s;
  }

  /** The Commons RNG samplers of one generator for one sample size. */
  private static final class Samplers {
    final UniformRandomProvider rng;
    final int n;
    final double invSqrtN;
    final ZigguratSampler.NormalizedGaussian gaussian;
    final ContinuousSampler chiSquare;

    private Samplers(UniformRandomProvider rng, int n) {
      this.rng = rng;
      this.n = n;
      this.invSqrtN = 1.0 / Math.sqrt(n);
      this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
      this.chiSquare = n > 1 ? AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.5 * (n - 1), 2.0) : null;
    }
  }

  /**
   * Chan et al.'s pairwise update: the union's scatter is {@code S_a + S_b + (n_a n_b/n) δ²}, δ the
   * difference of the means, summed in log space.
   */
  @Override
  public Stats merge(Stats into, Stats other) {
    long n = into.count() + other.count();
    double delta = other.mean() - into.mean();
    double mean = into.mean() + delta * ((double) other.count() / n);
    double between = Math.log((double) into.count() * other.count() / n) + 2.0 * Math.log(Math.abs(delta));
    return new Stats(n, mean, logSumExp(into.logScatter(), other.logScatter(), between));
  }

  @Override
  public long size(Stats data) {
    return data.count();
  }

  @Override
  public Model fit(Stats data) {
    Divisor div = divisor(data.count());
    return new Model(data.mean(), data.logScatter() - div.log, data.rootScatter() * div.inverseRoot);
  }

  /** The estimator's divisor for a training set of count points, kept by a run's copy for the last count. */
  private Divisor divisor(long count) {
    Divisor d = divisor;
    if (d == null || d.count != count) {
      d = new Divisor(count, estimator.divisor(count));
      if (perRun) {
        divisor = d;
      }
    }
    return d;
  }

  /** ln and 1/√ of the estimator's divisor for count points: σ² = scatter/divisor in both forms. */
  private static final class Divisor {
    final long count;
    final double log;
    final double inverseRoot;

    Divisor(long count, double divisor) {
      this.count = count;
      this.log = Math.log(divisor);
      this.inverseRoot = 1.0 / Math.sqrt(divisor);
    }
  }

  @Override
  public List<String> metrics() {
    return METRICS;
  }

  @Override
  public void measure(Model model, double[] values) {
    double logRatio = model.logVar() - truth.logVar();
    double dm = model.mean() - truth.mean();
    double ds = model.sd() - sd0;
    double sdRatio = model.sd() / sd0; // σ is kept in the model: (σ/σ_0)² saves an exp per generation
    values[0] = sdRatio * sdRatio;
    values[1] = model.logVar();
    values[2] = dm * dm;
    values[3] = dm * dm + ds * ds;
    values[4] = logRatio;
  }

  @Override
  public boolean collapsed(Model model, double epsilon) {
    return model.logVar() - truth.logVar() <= logEpsilon(epsilon);
  }

  /** ln ε, kept by a run's copy (ε is the same every generation of a run). */
  private double logEpsilon(double eps) {
    if (eps == epsilon) {
      return logEpsilon;
    }
    double log = Math.log(eps);
    if (perRun) {
      epsilon = eps;
      logEpsilon = log;
    }
    return log;
  }

  @Override
  public void check(ParadigmSpec spec, Sizes sizes) {
    checkSpec(spec, sizes);
  }

  /** The Gaussian family's refusals in any dimension: ε in (0, 1) and training sets of at least 2 points. */
  static void checkSpec(ParadigmSpec spec, Sizes sizes) {
    double epsilon = spec.collapseEpsilon();
    if (!(epsilon > 0.0 && epsilon < 1.0)) {
      throw new ParameterException("collapse-epsilon", "is required for the gaussian family (collapse is "
          + "var_ratio <= collapse-epsilon) and must be in (0, 1), got " + epsilon);
    }
    if (sizes.smallestTrainingSet() < 2) {
      throw new ParameterException(sizes.smallestKey(), String.format(Locale.ROOT, "the gaussian family fits a "
          + "variance, which needs training sets of at least 2 points; with this %s the smallest has %d",
          sizes.smallestKey(), sizes.smallestTrainingSet()));
    }
  }

  @Override
  public long pooledSampleBytes() {
    return Double.BYTES;
  }

  @Override
  public SamplePool<Stats, Model> newPool(long capacity) {
    return new Pool(capacity);
  }

  /** ln(e^a + e^b + e^c), exact when some are −∞. */
  static double logSumExp(double a, double b, double c) {
    double max = Math.max(a, Math.max(b, c));
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log(Math.exp(a - max) + Math.exp(b - max) + Math.exp(c - max));
  }

  /** Raw points for accumulate-subsample (pool = corpora). */
  private final class Pool extends PointPool<Stats, Model> {
    Pool(long capacity) {
      super(1, capacity, truth);
    }

    @Override
    void draw(Model model, double[] x, int offset, int n, UniformRandomProvider rng) {
      ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
      for (int i = 0; i < n; i++) {
        x[offset + i] = model.mean() + model.sd() * gauss.sample();
      }
    }

    /** Two passes: the mean, then the scatter about it. */
    @Override
    Stats stats(double[] x, int offset, int n) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += x[offset + i];
      }
      double mean = sum / n;
      double scatter = 0;
      for (int i = 0; i < n; i++) {
        double d = x[offset + i] - mean;
        scatter += d * d;
      }
      return new Stats(n, mean, Math.log(scatter), Math.sqrt(scatter));
    }
  }
}
