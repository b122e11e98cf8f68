package org.collapsefarm.family;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.collapsefarm.ParameterException;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * The Gaussian family in d ≥ 2 dimensions (MATH.md §7): the truth N(μ_0, Σ_0), a model fitted by its
 * sample mean and the scatter matrix divided by n ({@link Estimator#MLE}) or n − 1 ({@link
 * Estimator#UNBIASED}).
 *
 * <p>Exact and O(d³) per draw whatever n: a training set is its sufficient statistics (count, mean,
 * scatter S = Σ(x − x̄)(x − x̄)ᵀ), and n points of N(μ, Σ) are drawn as those directly — the mean ~
 * N(μ, Σ/n) and, independently, S ~ Wishart_d(n − 1, Σ) by the Bartlett decomposition (Bartlett
 * 1933, "On the theory of statistical regression", Proc. R. Soc. Edinburgh 53; the algorithm of
 * Odell &amp; Feiveson 1966, "A numerical procedure to generate a sample covariance matrix", JASA
 * 61): with Σ = F Fᵀ, S = (F A)(F A)ᵀ where A is lower triangular, A_jj² ~ χ²_{k−j+1} (j = 1..d,
 * k = n − 1 degrees of freedom) and A_ij ~ N(0, 1) below the diagonal, all independent. When
 * k &lt; d the Wishart law is singular (rank k): A then keeps only its first k columns, the R factor
 * of the QR decomposition of a k×d standard normal matrix (Uhlig 1994, Ann. Statist. 22), and det S = 0.
 * Raw points are drawn only for the accumulate-subsample pool (d doubles per point).
 *
 * <p>Scale in log space, as the one-dimensional family: a scatter or a covariance is held as e^s·G Gᵀ
 * with ‖G‖_F = 1, so that tr = e^s and ln det = d·s + ln det(G Gᵀ); under fully synthetic MLE training
 * the trace shrinks geometrically and would leave the double range after a few thousand generations.
 *
 * <p>Measurements: {@code var_ratio} tr Σ_m / tr Σ_0; {@code log_var} ln tr Σ_m; {@code mean_sq_error}
 * ‖μ_m − μ_0‖²; {@code w2_sq} the squared 2-Wasserstein distance to the truth, ‖μ_m − μ_0‖² + tr(Σ_m
 * + Σ_0 − 2(Σ_0^{1/2} Σ_m Σ_0^{1/2})^{1/2}) (Dowson &amp; Landau 1982; the last trace is the nuclear
 * norm of Σ_0^{1/2} F_m); {@code log_det_ratio} ln(det Σ_m / det Σ_0) (−∞ while Σ_m is singular, n ≤ d)
 * and {@code det_ratio} det Σ_m / det Σ_0 (0 then).
 * Collapsed: {@code var_ratio ≤ ε} (collapse-epsilon, required in (0, 1)).
 */
public final class MultivariateGaussian implements ModelFamily<MultivariateGaussian.Stats, MultivariateGaussian.Model> {
  /** The measurements, in {@link #measure} order: the one-dimensional family's and det_ratio. */
  public static final List<String> METRICS =
      List.of("var_ratio", "log_var", "mean_sq_error", "w2_sq", "log_det_ratio", "det_ratio");

  /**
   * A training set's sufficient statistics: count points with mean {@code mean} and scatter e^{logScale}·G Gᵀ.
   *
   * @param factor G, d×d row-major with ‖G‖_F = 1 (all zero when the scatter is 0, logScale = −∞)
   * @param logDet ln det(G Gᵀ), −∞ when the scatter is singular
   */
  public record Stats(long count, double[] mean, double logScale, double[] factor, double logDet) {}

  /**
   * A fitted model N(mean, e^{logScale}·F Fᵀ), ‖F‖_F = 1: tr Σ = e^{logScale}.
   *
   * @param logDet ln det(F Fᵀ), −∞ when Σ is singular
   */
  public record Model(double[] mean, double logScale, double[] factor, double logDet) {}

  private final int d;
  private final Model truth;
  private final double logTrace0;
  private final double logDet0;
  /** Σ_0^{1/2}, for W2. */
  private final double[] root0;
  private final double trace0;
  private final Estimator estimator;
  /** Whether this is a run's copy ({@link #forRun}), the only kind that writes {@link #samplers}. */
  private final boolean perRun;
  /** A run's copy: the samplers of its generator for the last sample size. */
  private Samplers samplers;
  /** A run's copy: its W2 decomposition (null in the shared instance, which builds one per measurement). */
  private final SymmetricMatrices.NuclearNorm nuclearNorm;

  /**
   * @param mean μ_0, d finite numbers
   * @param covariance Σ_0, d×d row-major, symmetric positive definite
   * @param estimator the covariance estimator
   */
  public MultivariateGaussian(double[] mean, double[] covariance, Estimator estimator) {
    this.d = mean.length;
    for (double m : mean) {
      if (!Double.isFinite(m)) {
        throw new ParameterException("mean", "must be finite numbers, got " + m);
      }
    }
    checkCovariance(covariance, d);
    SymmetricMatrices.Factor f = SymmetricMatrices.factor(covariance, d);
    if (!Double.isFinite(f.logDet())) {
      throw new ParameterException("covariance", "must be positive definite (its determinant is 0)");
    }
    double trace = 0;
    for (int i = 0; i < d; i++) {
      trace += covariance[i * d + i];
    }
    this.trace0 = trace;
    this.logTrace0 = Math.log(trace);
    this.logDet0 = f.logDet();
    this.truth = normalised(mean.clone(), 0.0, f.factor(), f.logDet());
    this.root0 = SymmetricMatrices.sqrt(covariance, d);
    this.estimator = estimator;
    this.perRun = false;
    this.nuclearNorm = null;
  }

  private MultivariateGaussian(MultivariateGaussian shared) {
    this.d = shared.d;
    this.truth = shared.truth;
    this.logTrace0 = shared.logTrace0;
    this.logDet0 = shared.logDet0;
    this.root0 = shared.root0;
    this.trace0 = shared.trace0;
    this.estimator = shared.estimator;
    this.perRun = true;
    this.nuclearNorm = new SymmetricMatrices.NuclearNorm(d);
  }

  /**
   * A copy for one run that keeps the samplers of the run's generator and the decomposition of W2
   * instead of building them for every draw and every measurement.
   */
  @Override
  public MultivariateGaussian forRun() {
    return new MultivariateGaussian(this);
  }

  /**
   * Refuses a covariance that is not a symmetric positive definite d×d matrix, naming the key
   * {@code covariance}.
   */
  static void checkCovariance(double[] c, int d) {
    if (c.length != d * d) {
      throw new ParameterException("covariance", "must be a " + d + "x" + d + " matrix for dimension = " + d
          + ", got " + c.length + " numbers");
    }
    double scale = 0;
    for (double x : c) {
      if (!Double.isFinite(x)) {
        throw new ParameterException("covariance", "must hold finite numbers, got " + x);
      }
      scale = Math.max(scale, Math.abs(x));
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        // A written matrix is symmetric to the digit; allow only the rounding of its decimal form.
        if (Math.abs(c[i * d + j] - c[j * d + i]) > 1e-12 * scale) {
          throw new ParameterException("covariance", String.format(java.util.Locale.ROOT,
              "must be symmetric: entry [%d][%d] = %s but [%d][%d] = %s", i, j, c[i * d + j], j, i, c[j * d + i]));
        }
      }
    }
    if (!SymmetricMatrices.positiveDefinite(c, d)) {
      throw new ParameterException("covariance", "must be positive definite (all its eigenvalues > 0); the smallest "
          + "eigenvalue is " + SymmetricMatrices.smallestEigenvalue(c, d));
    }
  }

  /** d. */
  public int dimension() {
    return d;
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
    double[] f = model.factor();
    double sd = Math.exp(0.5 * model.logScale());
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      z[i] = samplers.gaussian.sample();
    }
    double[] mean = model.mean().clone();
    double scale = sd * samplers.invSqrtN;
    for (int i = 0; i < d; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += f[i * d + j] * z[j];
      }
      mean[i] += scale * s;
    }
    int k = n - 1; // the Wishart's degrees of freedom
    if (k == 0 || model.logScale() == Double.NEGATIVE_INFINITY) {
      return new Stats(n, mean, Double.NEGATIVE_INFINITY, new double[d * d], Double.NEGATIVE_INFINITY);
    }
    // Bartlett: A lower triangular, columns j < min(d, k) filled, the rest 0 (singular when k < d).
    double[] a = new double[d * d];
    double logDetA = 0;
    int columns = Math.min(d, k);
    for (int j = 0; j < columns; j++) {
      double chiSquare = samplers.chiSquare[j].sample();
      a[j * d + j] = Math.sqrt(chiSquare);
      logDetA += Math.log(chiSquare);
      for (int i = j + 1; i < d; i++) {
        a[i * d + j] = samplers.gaussian.sample();
      }
    }
    if (columns < d) {
      logDetA = Double.NEGATIVE_INFINITY;
    }
    double[] g = SymmetricMatrices.multiply(f, a, d);
    return stats(n, mean, model.logScale(), g, model.logDet() + logDetA);
  }

  /** Stats with scatter e^{logScale}·G Gᵀ for an unnormalised G with ln det(G Gᵀ) = logDet. */
  private Stats stats(long n, double[] mean, double logScale, double[] g, double logDet) {
    Model m = normalised(mean, logScale, g, logDet);
    // The scatter of n points has rank at most n − 1: exactly singular when n ≤ d, whatever rounding says.
    double det = n <= d ? Double.NEGATIVE_INFINITY : m.logDet();
    return new Stats(n, m.mean(), m.logScale(), m.factor(), det);
  }

  /** e^{logScale}·G Gᵀ rewritten with ‖G‖_F = 1 (G is changed in place). */
  private Model normalised(double[] mean, double logScale, double[] g, double logDet) {
    double t = 0;
    for (double x : g) {
      t += x * x;
    }
    if (t == 0.0) {
      return new Model(mean, Double.NEGATIVE_INFINITY, g, Double.NEGATIVE_INFINITY);
    }
    double inv = 1.0 / Math.sqrt(t);
    for (int i = 0; i < g.length; i++) {
      g[i] *= inv;
    }
    double logT = Math.log(t);
    return new Model(mean, logScale + logT, g, logDet - d * logT);
  }

  /**
   * The samplers of rng for n points: a run's copy keeps the last ones, the shared instance builds
   * them. None keeps state between draws, so reusing them gives exactly the draws fresh ones would.
   */
  private Samplers samplers(UniformRandomProvider rng, int n) {
    Samplers s = samplers;
    if (s == null || s.rng != rng || s.n != n) {
      s = new Samplers(rng, n, d);
      if (perRun) {
        samplers = s;
      }
    }
    return s;
  }

  /** The Commons RNG samplers of one generator for one (n, d): a standard normal and the d χ²_{n−j} of the Bartlett diagonal. */
  private static final class Samplers {
    final UniformRandomProvider rng;
    final int n;
    final double invSqrtN;
    final ZigguratSampler.NormalizedGaussian gaussian;
    final ContinuousSampler[] chiSquare;

    private Samplers(UniformRandomProvider rng, int n, int d) {
      this.rng = rng;
      this.n = n;
      this.invSqrtN = 1.0 / Math.sqrt(n);
      this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
      int k = n - 1;
      this.chiSquare = new ContinuousSampler[Math.min(d, k)];
      for (int j = 0; j < chiSquare.length; j++) {
        chiSquare[j] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.5 * (k - j), 2.0);
      }
    }
  }

  /**
   * The union's scatter is S_a + S_b + (n_a n_b/n) δδᵀ (δ the difference of the means), formed in the
   * scale of its largest term and factored again.
   */
  @Override
  public Stats merge(Stats into, Stats other) {
    long n = into.count() + other.count();
    double[] delta = new double[d];
    double[] mean = new double[d];
    double norm2 = 0;
    double w = (double) other.count() / n;
    for (int i = 0; i < d; i++) {
      delta[i] = other.mean()[i] - into.mean()[i];
      mean[i] = into.mean()[i] + delta[i] * w;
      norm2 += delta[i] * delta[i];
    }
    double logBetween = Math.log((double) into.count() * other.count() / n) + Math.log(norm2);
    double scale = Math.max(logBetween, Math.max(into.logScale(), other.logScale()));
    if (scale == Double.NEGATIVE_INFINITY) {
      return new Stats(n, mean, Double.NEGATIVE_INFINITY, new double[d * d], Double.NEGATIVE_INFINITY);
    }
    double[] x = new double[d * d];
    addScaled(x, into, scale);
    addScaled(x, other, scale);
    double between = Math.exp(logBetween - scale) / norm2;
    if (norm2 > 0) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          x[i * d + j] += between * delta[i] * delta[j];
        }
      }
    }
    SymmetricMatrices.Factor f = SymmetricMatrices.factor(x, d);
    return stats(n, mean, scale, f.factor(), f.logDet());
  }

  private void addScaled(double[] x, Stats s, double scale) {
    if (s.logScale() == Double.NEGATIVE_INFINITY) {
      return;
    }
    double c = Math.exp(s.logScale() - scale);
    double[] gg = SymmetricMatrices.outer(s.factor(), d);
    for (int i = 0; i < x.length; i++) {
      x[i] += c * gg[i];
    }
  }

  @Override
  public long size(Stats data) {
    return data.count();
  }

  @Override
  public Model fit(Stats data) {
    return new Model(data.mean(), data.logScale() - Math.log(estimator.divisor(data.count())), data.factor(),
        data.logDet());
  }

  @Override
  public List<String> metrics() {
    return METRICS;
  }

  @Override
  public void measure(Model model, double[] values) {
    double msq = 0;
    for (int i = 0; i < d; i++) {
      double dm = model.mean()[i] - truth.mean()[i];
      msq += dm * dm;
    }
    double trace = Math.exp(model.logScale());
    // tr (Σ_0^{1/2} Σ Σ_0^{1/2})^{1/2} = e^{s/2} ‖Σ_0^{1/2} F‖_* (the eigenvalues of K Kᵀ are the squared singular values of K).
    double cross = model.logScale() == Double.NEGATIVE_INFINITY ? 0.0
        : Math.exp(0.5 * model.logScale()) * (perRun ? nuclearNorm : new SymmetricMatrices.NuclearNorm(d))
            .of(SymmetricMatrices.multiply(root0, model.factor(), d));
    values[0] = Math.exp(model.logScale() - logTrace0);
    values[1] = model.logScale();
    values[2] = msq;
    // ≥ 0 in exact arithmetic; rounding of the trace terms can leave a tiny negative remainder.
    values[3] = msq + Math.max(trace + trace0 - 2.0 * cross, 0.0);
    values[4] = d * model.logScale() + model.logDet() - logDet0;
    values[5] = Math.exp(values[4]);
  }

  @Override
  public boolean collapsed(Model model, double epsilon) {
    return model.logScale() - logTrace0 <= Math.log(epsilon);
  }

  @Override
  public void check(ParadigmSpec spec, Sizes sizes) {
    UnivariateGaussian.checkSpec(spec, sizes);
  }

  @Override
  public long pooledSampleBytes() {
    return (long) d * Double.BYTES;
  }

  @Override
  public SamplePool<Stats, Model> newPool(long capacity) {
    return new Pool(capacity);
  }

  /** The statistics of n raw points x[offset..offset + n·d): two passes, the mean, then the scatter about it, factored. */
  Stats statsOf(double[] x, int offset, int n) {
    double[] mean = new double[d];
    for (int p = 0; p < n; p++) {
      for (int i = 0; i < d; i++) {
        mean[i] += x[offset + p * d + i];
      }
    }
    for (int i = 0; i < d; i++) {
      mean[i] /= n;
    }
    double[] scatter = new double[d * d];
    double[] dev = new double[d];
    for (int p = 0; p < n; p++) {
      for (int i = 0; i < d; i++) {
        dev[i] = x[offset + p * d + i] - mean[i];
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          scatter[i * d + j] += dev[i] * dev[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        scatter[j * d + i] = scatter[i * d + j];
      }
    }
    SymmetricMatrices.Factor f = SymmetricMatrices.factor(scatter, d);
    return stats(n, mean, 0.0, f.factor(), f.logDet());
  }

  /** Raw points for accumulate-subsample (pool = corpora), d doubles each. */
  private final class Pool extends PointPool<Stats, Model> {
    Pool(long capacity) {
      super(d, capacity, truth);
    }

    /** x = μ + e^{s/2} F z, z ~ N(0, I_d). */
    @Override
    void draw(Model model, double[] x, int offset, int n, UniformRandomProvider rng) {
      ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
      double sd = Math.exp(0.5 * model.logScale());
      double[] f = model.factor();
      double[] z = new double[d];
      for (int p = 0; p < n; p++) {
        for (int j = 0; j < d; j++) {
          z[j] = gauss.sample();
        }
        int at = offset + p * d;
        for (int i = 0; i < d; i++) {
          double s = 0;
          for (int j = 0; j < d; j++) {
            s += f[i * d + j] * z[j];
          }
          x[at + i] = model.mean()[i] + sd * s;
        }
      }
    }

    @Override
    Stats stats(double[] x, int offset, int n) {
      return statsOf(x, offset, n);
    }
  }
}
