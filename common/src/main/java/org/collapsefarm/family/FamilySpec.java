package org.collapsefarm.family;

import java.io.Serializable;
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
 * @param mean μ_0 (Gaussian)
 * @param variance σ_0² (Gaussian)
 * @param estimator the Gaussian variance estimator (null for Poisson)
 * @param rate λ_0 (Poisson; 0 for Gaussian)
 */
public record FamilySpec(String family, int dimension, double mean, double variance, Estimator estimator, double rate)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String GAUSSIAN = "gaussian";
  public static final String POISSON = "poisson";
  /** Every family measurement column, in table order (a family writes the ones it has, the rest are null). */
  public static final List<String> COLUMNS =
      List.of("var_ratio", "log_var", "mean_sq_error", "w2_sq", "log_det_ratio", "rate", "rate_zero");

  public FamilySpec {
    if (GAUSSIAN.equals(family)) {
      if (dimension != 1) {
        throw new ParameterException("dimension", "only dimension = 1 is implemented so far, got " + dimension);
      }
      if (estimator == null) {
        throw new ParameterException("estimator", "is required; allowed: mle, unbiased");
      }
    } else if (!POISSON.equals(family)) {
      throw new ParameterException("family", "unknown model family '" + family + "'; allowed: gaussian, poisson");
    }
  }

  /** A one-dimensional Gaussian N(mean, variance). */
  public static FamilySpec gaussian(double mean, double variance, Estimator estimator) {
    return new FamilySpec(GAUSSIAN, 1, mean, variance, estimator, 0.0);
  }

  /** A Poisson(rate). */
  public static FamilySpec poisson(double rate) {
    return new FamilySpec(POISSON, 0, 0.0, 0.0, null, rate);
  }

  /** The family, built (validates the parameters). */
  public ModelFamily<?, ?> build() {
    return GAUSSIAN.equals(family) ? new UnivariateGaussian(mean, variance, estimator) : new PoissonFamily(rate);
  }

  /** The canonical text, e.g. {@code gaussian(dimension=1,mean=0.0,variance=1.0,estimator=mle)}. */
  public String source() {
    return GAUSSIAN.equals(family)
        ? String.format(Locale.ROOT, "gaussian(dimension=%d,mean=%s,variance=%s,estimator=%s)", dimension,
            num(mean), num(variance), estimator.configName())
        : "poisson(rate=" + num(rate) + ")";
  }

  private static String num(double v) {
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }
}
