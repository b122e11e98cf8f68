package org.collapsefarm.family;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.collapsefarm.random.CellSeeds;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The parts of one generation of {@link MultivariateGaussian} (fully synthetic, MLE, N(0, I_d)), to
 * say where its time goes and what a generation cannot go below (BENCHMARKS.md, "Model families"):
 * the random draws alone (d normals for the mean, d(d − 1)/2 normals and min(d, n − 1) χ² for the
 * Bartlett factor), the whole draw of a training set ({@code sample}: the draws, F·A and the
 * normalisation), the W2 nuclear norm ‖Σ_0^{1/2}F‖_* by the farm's symmetric eigenvalues of KᵀK and
 * by EJML's SVD (the decomposition the farm used before), the whole measurement, and a whole
 * generation (sample, fit, measure). The models measured are those of real runs at this (d, n):
 * {@value #MODELS} models of generations 1–100, cycled through.
 *
 * <p>Usage: {@code java -jar bench/target/benchmarks.jar GaussianParts -f 1 -wi 3 -w 1s -i 5 -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GaussianParts {
  private static final int MODELS = 500;

  @Param({"10"})
  public int d;

  @Param({"10", "1000"})
  public int n;

  private MultivariateGaussian run;
  private UniformRandomProvider rng;
  private MultivariateGaussian.Model[] models;
  private double[][] crossFactors;
  private int next;
  private double[] values;
  private MultivariateGaussian.Model chain;
  private ZigguratSampler.NormalizedGaussian normal;
  private ContinuousSampler[] chiSquare;
  private SymmetricMatrices.NuclearNorm nuclearNorm;
  private SingularValueDecomposition_F64<DMatrixRMaj> svd;
  private double[] work;

  @Setup
  public void setUp() {
    double[] identity = new double[d * d];
    for (int i = 0; i < d; i++) {
      identity[i * d + i] = 1.0;
    }
    MultivariateGaussian family = new MultivariateGaussian(new double[d], identity, Estimator.MLE);
    run = family.forRun();
    rng = CellSeeds.stream(42);
    models = new MultivariateGaussian.Model[MODELS];
    crossFactors = new double[MODELS][];
    MultivariateGaussian.Model m = run.truth();
    for (int i = 0; i < MODELS; i++) {
      m = i % 100 == 0 ? run.truth() : m;
      m = run.fit(run.sample(m, n, rng));
      models[i] = m;
      crossFactors[i] = m.factor().clone(); // Σ_0^{1/2} = I: K = F
    }
    values = new double[MultivariateGaussian.METRICS.size()];
    chain = run.truth();
    normal = ZigguratSampler.NormalizedGaussian.of(rng);
    chiSquare = new ContinuousSampler[Math.min(d, n - 1)];
    for (int j = 0; j < chiSquare.length; j++) {
      chiSquare[j] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.5 * (n - 1 - j), 2.0);
    }
    nuclearNorm = new SymmetricMatrices.NuclearNorm(d);
    svd = DecompositionFactory_DDRM.svd(d, d, false, false, true);
    work = new double[d * d];
  }

  private int nextModel() {
    next = next + 1 == MODELS ? 0 : next + 1;
    return next;
  }

  /** The random numbers of one generation and nothing else: the floor of any exact sampler of the statistics. */
  @Benchmark
  public double drawsOnly() {
    double s = 0;
    for (int i = 0; i < d + d * (d - 1) / 2; i++) {
      s += normal.sample();
    }
    for (ContinuousSampler c : chiSquare) {
      s += Math.log(c.sample());
    }
    return s;
  }

  /** A training set's statistics: the draws, F·A and the normalisation. */
  @Benchmark
  public Object sample() {
    return run.sample(models[nextModel()], n, rng);
  }

  /** ‖K‖_* by √ of KᵀK's eigenvalues (EJML's symmetric QR, values only): the farm's W2. */
  @Benchmark
  public double w2SymmetricEigen() {
    return nuclearNorm.of(crossFactors[nextModel()]);
  }

  /** ‖K‖_* by EJML's SVD, values only (the farm before). */
  @Benchmark
  public double w2Svd() {
    System.arraycopy(crossFactors[nextModel()], 0, work, 0, d * d);
    svd.decompose(DMatrixRMaj.wrap(d, d, work));
    double sum = 0;
    for (double v : svd.getSingularValues()) {
      sum += v;
    }
    return sum;
  }

  /** Every measurement of a model (W2 included). */
  @Benchmark
  public double[] measure() {
    run.measure(models[nextModel()], values);
    return values;
  }

  /** A whole generation of a fully synthetic chain: sample, fit, measure (restarted from the truth every 100). */
  @Benchmark
  public double[] generation() {
    if (nextModel() % 100 == 0) {
      chain = run.truth();
    }
    chain = run.fit(run.sample(chain, n, rng));
    run.measure(chain, values);
    return values;
  }
}
