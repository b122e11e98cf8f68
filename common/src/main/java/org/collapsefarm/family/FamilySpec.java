package org.collapsefarm.family;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapsefarm.ParameterException;

/**
 * One entry point of a model family as configured (DESIGN.md {@code sweep.models}): the family and
 * its true parameters. Immutable and serializable, so that it travels to executors, where {@link
 * #build} makes the {@link ModelFamily}; {@link #source} is its canonical text (the identity of the
 * model, like a categorical context's source).
 *
 * @param family {@code gaussian} or {@code poisson}
 * @param dimension d (Gaussian; 0 for Poisson)
 * @param mean μ_0 (Gaussian: the same in every coordinate)
 * @param covariance Σ_0 (Gaussian), d×d row-major — {σ_0²} at d = 1; null for Poisson. Not changed
 *     after construction (it is cloned in and never handed out).
 * @param estimator the Gaussian variance estimator (null for Poisson)
 * @param rate λ_0 (Poisson; 0 for Gaussian)
 */
public record FamilySpec(String family, int dimension, double mean, double[] covariance, Estimator estimator,
    double rate) implements Serializable {
  private static final long serialVersionUID = 2L;
  public static final String GAUSSIAN = "gaussian";
  public static final String POISSON = "poisson";
  /** Every family measurement column, in table order (a family writes the ones it has, the rest are null). */
  public static final List<String> COLUMNS =
      List.of("var_ratio", "log_var", "mean_sq_error", "w2_sq", "log_det_ratio", "rate", "rate_zero", "det_ratio");

  public FamilySpec {
    if (GAUSSIAN.equals(family)) {
      if (dimension < 1) {
        throw new ParameterException("dimension", "must be an integer >= 1, got " + dimension);
      }
      if (estimator == null) {
        throw new ParameterException("estimator", "is required; allowed: mle, unbiased");
      }
      if (covariance == null || covariance.length != (long) dimension * dimension) {
        throw new ParameterException(dimension == 1 ? "variance" : "covariance", "must be a " + dimension + "x"
            + dimension + " matrix for dimension = " + dimension + ", got "
            + (covariance == null ? "none" : covariance.length + " numbers"));
      }
      covariance = covariance.clone();
    } else if (!POISSON.equals(family)) {
      throw new ParameterException("family", "unknown model family '" + family + "'; allowed: gaussian, poisson");
    }
  }

  /** A one-dimensional Gaussian N(mean, variance). */
  public static FamilySpec gaussian(double mean, double variance, Estimator estimator) {
    return new FamilySpec(GAUSSIAN, 1, mean, new double[] {variance}, estimator, 0.0);
  }

  /** A d-dimensional Gaussian N(mean·1, covariance), covariance d×d row-major. */
  public static FamilySpec gaussian(int dimension, double mean, double[] covariance, Estimator estimator) {
    return new FamilySpec(GAUSSIAN, dimension, mean, covariance, estimator, 0.0);
  }

  /** A Poisson(rate). */
  public static FamilySpec poisson(double rate) {
    return new FamilySpec(POISSON, 0, 0.0, null, null, rate);
  }

  /** Σ_0 (a copy), d×d row-major; null for Poisson. */
  @Override
  public double[] covariance() {
    return covariance == null ? null : covariance.clone();
  }

  /** The total variance tr Σ_0 (σ_0² at d = 1), the scale of var_ratio and mean_sq_error; 0 for Poisson. */
  public double variance() {
    if (covariance == null) {
      return 0.0;
    }
    double trace = 0;
    for (int i = 0; i < dimension; i++) {
      trace += covariance[i * dimension + i];
    }
    return trace;
  }

  /** The family, built (validates the parameters). */
  public ModelFamily<?, ?> build() {
    if (!GAUSSIAN.equals(family)) {
      return new PoissonFamily(rate);
    }
    if (dimension == 1) {
      return new UnivariateGaussian(mean, covariance[0], estimator);
    }
    double[] mu = new double[dimension];
    Arrays.fill(mu, mean);
    return new MultivariateGaussian(mu, covariance, estimator);
  }

  /**
   * The canonical text, e.g. {@code gaussian(dimension=1,mean=0.0,variance=1.0,estimator=mle)} or, for
   * d &gt; 1, {@code gaussian(dimension=2,mean=0.0,covariance=[[1.0,0.0],[0.0,2.0]],estimator=mle)}.
   */
  public String source() {
    if (!GAUSSIAN.equals(family)) {
      return "poisson(rate=" + num(rate) + ")";
    }
    if (dimension == 1) {
      return String.format(Locale.ROOT, "gaussian(dimension=1,mean=%s,variance=%s,estimator=%s)", num(mean),
          num(covariance[0]), estimator.configName());
    }
    StringBuilder rows = new StringBuilder("[");
    for (int i = 0; i < dimension; i++) {
      rows.append(i == 0 ? "[" : ",[");
      for (int j = 0; j < dimension; j++) {
        rows.append(j == 0 ? "" : ",").append(num(covariance[i * dimension + j]));
      }
      rows.append(']');
    }
    rows.append(']');
    return String.format(Locale.ROOT, "gaussian(dimension=%d,mean=%s,covariance=%s,estimator=%s)", dimension,
        num(mean), rows, estimator.configName());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FamilySpec f && f.source().equals(source());
  }

  @Override
  public int hashCode() {
    return source().hashCode();
  }

  @Override
  public String toString() {
    return source();
  }

  private static String num(double v) {
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }
}
