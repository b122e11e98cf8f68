package org.collapsefarm.family;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The matrix work of the d-dimensional Gaussian, by EJML: factors of symmetric positive
 * semi-definite matrices (Cholesky, or the eigen-decomposition where Cholesky fails on a singular
 * one), the symmetric square root and the nuclear norm (for the W2 distance). Matrices are d×d,
 * row-major {@code double[]}; inputs are never changed.
 */
final class SymmetricMatrices {
  private SymmetricMatrices() {}

  /**
   * A factor F of a symmetric PSD matrix X (F Fᵀ = X) and ln det X.
   *
   * @param factor row-major d×d: the lower Cholesky factor, or V·diag(√max(λ, 0)) when X is not
   *     numerically positive definite
   * @param logDet ln det X, −∞ when X is singular
   */
  record Factor(double[] factor, double logDet) {}

  /** The factor of X (Cholesky where X is positive definite, else by its eigen-decomposition). */
  static Factor factor(double[] x, int d) {
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
    DMatrixRMaj m = DMatrixRMaj.wrap(d, d, x.clone());
    if (chol.decompose(m)) {
      DMatrixRMaj l = chol.getT(null);
      double logDet = 0;
      boolean positive = true;
      for (int i = 0; i < d; i++) {
        double li = l.get(i, i);
        positive &= li > 0;
        logDet += 2.0 * Math.log(li);
      }
      if (positive && Double.isFinite(logDet)) {
        return new Factor(l.data, logDet);
      }
    }
    // Singular (or numerically so): X = V Λ Vᵀ, F = V Λ^{1/2}.
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(DMatrixRMaj.wrap(d, d, x.clone()))) {
      throw new ArithmeticException("symmetric eigen-decomposition did not converge");
    }
    double[] f = new double[d * d];
    double logDet = 0;
    for (int j = 0; j < d; j++) {
      double lambda = Math.max(eig.getEigenvalue(j).real, 0.0);
      logDet += Math.log(lambda);
      DMatrixRMaj v = eig.getEigenVector(j);
      double root = Math.sqrt(lambda);
      for (int i = 0; i < d; i++) {
        f[i * d + j] = v.get(i) * root;
      }
    }
    return new Factor(f, logDet);
  }

  /** The smallest eigenvalue of a symmetric matrix. */
  static double smallestEigenvalue(double[] x, int d) {
    EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(d, false, true);
    if (!e.decompose(DMatrixRMaj.wrap(d, d, x.clone()))) {
      throw new ArithmeticException("symmetric eigen-decomposition did not converge");
    }
    double min = Double.POSITIVE_INFINITY;
    for (int j = 0; j < d; j++) {
      min = Math.min(min, e.getEigenvalue(j).real);
    }
    return min;
  }

  /** Whether a symmetric matrix is positive definite: its Cholesky decomposition exists and its smallest eigenvalue is > 0. */
  static boolean positiveDefinite(double[] x, int d) {
    return DecompositionFactory_DDRM.chol(d, true).decompose(DMatrixRMaj.wrap(d, d, x.clone()))
        && smallestEigenvalue(x, d) > 0;
  }

  /** The symmetric square root X^{1/2} = V Λ^{1/2} Vᵀ of a symmetric PSD matrix. */
  static double[] sqrt(double[] x, int d) {
    EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(d, true, true);
    if (!e.decompose(DMatrixRMaj.wrap(d, d, x.clone()))) {
      throw new ArithmeticException("symmetric eigen-decomposition did not converge");
    }
    double[] out = new double[d * d];
    for (int k = 0; k < d; k++) {
      double root = Math.sqrt(Math.max(e.getEigenvalue(k).real, 0.0));
      DMatrixRMaj v = e.getEigenVector(k);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          out[i * d + j] += root * v.get(i) * v.get(j);
        }
      }
    }
    return out;
  }

  /**
   * The nuclear norm ‖K‖_* = tr (KᵀK)^{1/2}, the sum of K's singular values, of d×d matrices one
   * after another: the square roots of the eigenvalues of the symmetric KᵀK, by EJML's symmetric QR
   * algorithm (values only), not by an SVD of K. EJML's SVD first takes up to seven zero-shift QR
   * steps per singular value, which pays off on the singular K of n ≤ d but made the SVD 2–3× slower
   * on the well-conditioned K of n = 1000 (clustered singular values), so that a generation's cost grew
   * with n; the symmetric solver's cost grows much less. Rounding: an eigenvalue λ = σ² of KᵀK carries
   * an error of about ε‖K‖², so σ is accurate to about ε‖K‖²/σ, at worst √ε‖K‖ (σ near 0: a singular
   * or ill-conditioned K) — an absolute error of at most about 1e-8·d·‖K‖ in the sum, far below any
   * Monte Carlo error of W2 (SymmetricMatricesTest checks it against EJML's SVD).
   *
   * <p>One instance per run (not thread safe): the decomposition keeps a random generator for its
   * exceptional shifts between calls, so sharing it between runs would let a run's rounding depend on
   * the runs before it on the same thread.
   */
  static final class NuclearNorm {
    private final int d;
    private final double[] gram;
    private final EigenDecomposition_F64<DMatrixRMaj> eigen;

    NuclearNorm(int d) {
      this.d = d;
      this.gram = new double[d * d];
      this.eigen = DecompositionFactory_DDRM.eig(d, false, true);
    }

    /** ‖K‖_* for a d×d row-major K (not changed). */
    double of(double[] k) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          double s = 0;
          for (int r = 0; r < d; r++) {
            s += k[r * d + i] * k[r * d + j];
          }
          gram[i * d + j] = s;
          gram[j * d + i] = s;
        }
      }
      if (!eigen.decompose(DMatrixRMaj.wrap(d, d, gram))) {
        throw new ArithmeticException("symmetric eigen-decomposition did not converge");
      }
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += Math.sqrt(Math.max(eigen.getEigenvalue(j).real, 0.0));
      }
      return sum;
    }
  }

  /** C = A·B for d×d row-major matrices. */
  static double[] multiply(double[] a, double[] b, int d) {
    double[] c = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        double aik = a[i * d + k];
        if (aik != 0.0) {
          for (int j = 0; j < d; j++) {
            c[i * d + j] += aik * b[k * d + j];
          }
        }
      }
    }
    return c;
  }

  /** X = F Fᵀ. */
  static double[] outer(double[] f, int d) {
    double[] x = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += f[i * d + k] * f[j * d + k];
        }
        x[i * d + j] = s;
        x[j * d + i] = s;
      }
    }
    return x;
  }
}
