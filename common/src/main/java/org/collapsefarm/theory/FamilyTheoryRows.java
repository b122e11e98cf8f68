package org.collapsefarm.theory;

import java.util.ArrayList;
import java.util.List;
import org.collapsefarm.ParameterException;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * Every formula of MATH.md §7 that applies to a model family's group, as {@code theory} rows. Each
 * per-generation quantity is named after the measurement whose mean it predicts.
 *
 * <ul>
 *   <li>Gaussian (d = 1), fully synthetic (or most recent with K = 1) without anchor ({@link
 *       GaussianReplace}, exact): {@code var_ratio} = E σ²_m/σ_0², {@code log_var} = E ln σ²_m, {@code
 *       log_var_variance} (informational), {@code mean_sq_error}, {@code w2_sq}; Wald's lower bound
 *       {@code ET_wald} on E T_ε and the inverse-Gaussian approximation {@code ET_inverse_gaussian}
 *       (with {@code sd_T_inverse_gaussian}), labelled as one;
 *   <li>Gaussian in d &gt; 1 dimensions, fully synthetic without anchor (MATH.md §7 "d dimensions", exact):
 *       {@code var_ratio} = E tr Σ_m/tr Σ_0, {@code mean_sq_error} = E‖μ_m − μ_0‖², {@code det_ratio} = E det
 *       Σ_m/det Σ_0 and, for n &gt; d, {@code log_det_ratio} = E ln(det Σ_m/det Σ_0) with {@code
 *       log_det_ratio_variance} (informational); ln tr Σ_m is no random walk, so no log_var, Wald or
 *       inverse-Gaussian rows, and E W2² has no closed form in d &gt; 1;
 *   <li>Gaussian, fully synthetic with a real anchor, accumulate, partially synthetic ({@link
 *       GaussianMoments}, exact one-step expectations iterated): {@code var_ratio}, {@code
 *       mean_sq_error}; in d &gt; 1 the same recursions in tr Σ and ‖μ − μ_0‖² (each step is linear in Σ
 *       and (μ − μ_0)(μ − μ_0)ᵀ with scalar coefficients, so its trace is the scalar step);
 *   <li>Poisson, fully synthetic without anchor ({@link PoissonReplace}, exact): {@code rate} = λ_0,
 *       {@code mean_sq_error} = Var λ_m, {@code rate_alive} = P(λ_m ≠ 0);
 *   <li>nothing else (accumulate-subsample has no closed form: MATH.md gives reference values only).
 * </ul>
 *
 * Generations as {@link TheoryRows#generations}; m = 0 is the truth itself and is left out.
 */
public final class FamilyTheoryRows {
  private FamilyTheoryRows() {}

  /** The rows of one group; empty when no formula applies. */
  public static List<TheoryRow> forGroup(FamilySpec model, ParadigmSpec spec, int maxGenerations) {
    ParameterException.requireAtLeast("max-generations", maxGenerations, 1);
    List<TheoryRow> rows = new ArrayList<>();
    int[] gens = TheoryRows.generations(maxGenerations);
    boolean replace = spec.paradigm() == Paradigm.FULLY_SYNTHETIC
        || (spec.paradigm() == Paradigm.MOST_RECENT && spec.window() == 1);
    int anchor = spec.realAnchor();
    int n = spec.n();
    if (FamilySpec.POISSON.equals(model.family())) {
      if (replace && anchor == 0) {
        PoissonReplace p = new PoissonReplace(model.rate(), n);
        double[] alive = p.survival(maxGenerations);
        for (int m : gens) {
          if (m >= 1) {
            add(rows, m, TheoryQuantity.RATE, model.rate(), PoissonReplace.SOURCE);
            add(rows, m, TheoryQuantity.MEAN_SQ_ERROR, p.rateVariance(m), PoissonReplace.SOURCE);
            add(rows, m, TheoryQuantity.RATE_ALIVE, alive[m], PoissonReplace.SOURCE);
          }
        }
      }
      return rows;
    }
    double v0 = model.variance(); // tr Σ_0: the d-dimensional formulas are the scalar ones in the trace
    int d = model.dimension();
    if (replace && anchor == 0) {
      GaussianReplace g = new GaussianReplace(v0, n, model.estimator());
      for (int m : gens) {
        if (m >= 1) {
          add(rows, m, TheoryQuantity.VAR_RATIO, g.expectedVariance(m) / v0, GaussianReplace.SOURCE);
          if (d == 1) {
            add(rows, m, TheoryQuantity.LOG_VAR, g.expectedLogVariance(m), GaussianReplace.SOURCE);
            add(rows, m, TheoryQuantity.LOG_VAR_VARIANCE, g.logVarianceVariance(m), GaussianReplace.SOURCE);
          }
          add(rows, m, TheoryQuantity.MEAN_SQ_ERROR, g.expectedMeanSqError(m), GaussianReplace.SOURCE);
          if (d == 1) {
            add(rows, m, TheoryQuantity.W2_SQ, g.expectedW2(m), GaussianReplace.SOURCE);
          } else {
            add(rows, m, TheoryQuantity.DET_RATIO, g.expectedDetRatio(m, d), GaussianReplace.SOURCE_D);
            if (n > d) {
              add(rows, m, TheoryQuantity.LOG_DET_RATIO, m * g.logDetStepMean(d), GaussianReplace.SOURCE_D);
              add(rows, m, TheoryQuantity.LOG_DET_RATIO_VARIANCE, m * g.logDetStepVariance(d), GaussianReplace.SOURCE_D);
            }
          }
        }
      }
      if (d > 1) {
        return rows; // ln tr Σ_m is no random walk in d > 1: no Wald bound or inverse-Gaussian law for T_ε
      }
      double epsilon = spec.collapseEpsilon();
      add(rows, null, TheoryQuantity.ET_WALD, g.waldBound(epsilon), GaussianReplace.SOURCE_WALD);
      add(rows, null, TheoryQuantity.ET_INVERSE_GAUSSIAN, g.waldBound(epsilon), GaussianReplace.SOURCE_INVERSE_GAUSSIAN);
      add(rows, null, TheoryQuantity.SD_T_INVERSE_GAUSSIAN, Math.sqrt(g.inverseGaussianVariance(epsilon)),
          GaussianReplace.SOURCE_INVERSE_GAUSSIAN);
      return rows;
    }
    GaussianMoments.Curves curves = null;
    String source = null;
    if (replace) {
      curves = GaussianMoments.realAnchor(v0, n, anchor, model.estimator(), maxGenerations);
      source = GaussianMoments.SOURCE_ANCHOR;
    } else if (anchor == 0 && spec.paradigm() == Paradigm.ACCUMULATE) {
      curves = GaussianMoments.accumulate(v0, n, (int) Math.round(spec.rate() * n), model.estimator(), maxGenerations);
      source = GaussianMoments.SOURCE_ACCUMULATE;
    } else if (anchor == 0 && spec.paradigm() == Paradigm.PARTIALLY_SYNTHETIC) {
      curves = GaussianMoments.fixedReal(v0, spec.realN(), n, model.estimator(), maxGenerations);
      source = GaussianMoments.SOURCE_FIXED_REAL;
    }
    if (curves != null) {
      for (int m : gens) {
        if (m >= 1) {
          add(rows, m, TheoryQuantity.VAR_RATIO, curves.variance()[m] / v0, source);
          add(rows, m, TheoryQuantity.MEAN_SQ_ERROR, curves.meanSqError()[m], source);
        }
      }
    }
    return rows;
  }

  private static void add(List<TheoryRow> rows, Integer m, TheoryQuantity q, double value, String source) {
    rows.add(new TheoryRow(m, q.quantity(), value, source));
  }
}
