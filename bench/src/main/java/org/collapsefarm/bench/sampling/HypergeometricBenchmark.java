package org.collapsefarm.bench.sampling;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.collapsefarm.sampling.HypergeometricSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Hypergeometric(N, K, n) draw with new parameters on every call (as in the multivariate
 * hypergeometric of accumulate-subsample): {@link HypergeometricSampler} against Commons Statistics'
 * exact inverse-CDF sampler built per parameter set. K cycles through {@value #K_COUNT} values spread
 * over ±50% around the nominal one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HypergeometricBenchmark {
  private static final int K_COUNT = 1024;

  /** "N:K:n", e.g. a pool of 40 generations × 400 tokens drawing 400 (small and large mean). */
  @Param({"16000:160:400", "16000:4000:400", "100000000:30000000:1000000"})
  public String shape;

  private int population;
  private int draws;
  private final int[] successes = new int[K_COUNT];
  private int next;
  private UniformRandomProvider rng;

  @Setup
  public void setUp() {
    String[] parts = shape.split(":");
    population = Integer.parseInt(parts[0]);
    int k = Integer.parseInt(parts[1]);
    draws = Integer.parseInt(parts[2]);
    rng = RandomSource.L64_X128_MIX.create(42L);
    for (int i = 0; i < K_COUNT; i++) {
      successes[i] = (int) (k * (0.5 + rng.nextDouble()));
    }
  }

  private int nextK() {
    next = (next + 1) & (K_COUNT - 1);
    return successes[next];
  }

  @Benchmark
  public long handWritten() {
    return HypergeometricSampler.sample(rng, population, nextK(), draws);
  }

  @Benchmark
  public int libraryNewSamplerPerDraw() {
    return HypergeometricDistribution.of(population, nextK(), draws).createSampler(rng).sample();
  }
}
