package org.collapsefarm.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.collapsefarm.random.CellSeeds;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

class SymmetricMatricesTest {
  /** The sum of K's singular values by EJML's SVD, the reference. */
  private static double svdNuclearNorm(double[] k, int d) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, false, false, true);
    assertThat(svd.decompose(DMatrixRMaj.wrap(d, d, k.clone()))).isTrue();
    double sum = 0;
    for (double s : svd.getSingularValues()) {
      sum += s;
    }
    return sum;
  }

  private static double frobenius(double[] k) {
    double t = 0;
    for (double x : k) {
      t += x * x;
    }
    return Math.sqrt(t);
  }

  @Test
  void theNuclearNormIsTheSumOfTheSingularValues() {
    UniformRandomProvider rng = CellSeeds.stream(17);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int d : new int[] {1, 2, 3, 5, 10, 12}) {
      SymmetricMatrices.NuclearNorm norm = new SymmetricMatrices.NuclearNorm(d);
      for (int trial = 0; trial < 200; trial++) {
        int shape = trial % 4;
        double[] k = new double[d * d];
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            // 0: dense; 1: lower triangular (a Bartlett product); 2: near the identity (clustered singular
            // values, as at n = 1000); 3: the last columns zero (singular, as at n ≤ d)
            boolean zero = (shape == 1 && j > i) || (shape == 3 && j >= Math.max(1, d - 1 - trial % 3));
            k[i * d + j] = zero ? 0.0 : shape == 2 ? (i == j ? 1.0 : 0.0) + 0.03 * z.sample() : z.sample();
          }
        }
        double[] before = k.clone();
        double expected = svdNuclearNorm(k, d);
        // √ of KᵀK's eigenvalues: each within about ε·‖K‖²/σ, at worst √ε·‖K‖ (σ near 0: the singular
        // shape, and the ill-conditioned random triangular one); the dense and clustered shapes are
        // well conditioned.
        double perValue = shape == 1 || shape == 3 ? 1.5e-8 : 1e-12;
        double tolerance = perValue * d * frobenius(k);
        assertThat(norm.of(k)).as("d = %d, shape %d", d, shape).isCloseTo(expected, within(tolerance));
        assertThat(k).containsExactly(before);
      }
    }
  }
}
