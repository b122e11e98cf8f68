package org.collapsefarm.bench.sampling;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.collapsefarm.sampling.BinomialSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Binomial(trials, p) draw with a new p on every call (as in conditional binomials): the
 * hand-written {@link BinomialSampler} against Commons Statistics' exact inverse-CDF sampler, which
 * must be built per parameter set ({@code libraryNewSamplerPerDraw}); {@code libraryReusedSampler}
 * keeps one sampler for a fixed p, the library's best case, for reference. The p values cycle
 * through {@value #P_COUNT} values spread over ±50% around {@code mean / trials}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BinomialBenchmark {
  private static final int P_COUNT = 1024;

  /** "trials:mean". */
  @Param({"400:4", "400:120", "1000000:300000"})
  public String shape;

  private int trials;
  private final double[] ps = new double[P_COUNT];
  private int next;
  private UniformRandomProvider rng;
  private org.apache.commons.statistics.distribution.DiscreteDistribution.Sampler reused;

  @Setup
  public void setUp() {
    String[] parts = shape.split(":");
    trials = Integer.parseInt(parts[0]);
    double p = Double.parseDouble(parts[1]) / trials;
    rng = RandomSource.L64_X128_MIX.create(42L);
    for (int i = 0; i < P_COUNT; i++) {
      ps[i] = p * (0.5 + rng.nextDouble());
    }
    reused = BinomialDistribution.of(trials, p).createSampler(rng);
  }

  private double nextP() {
    next = (next + 1) & (P_COUNT - 1);
    return ps[next];
  }

  @Benchmark
  public int handWritten() {
    return BinomialSampler.sample(rng, trials, nextP());
  }

  @Benchmark
  public int libraryNewSamplerPerDraw() {
    return BinomialDistribution.of(trials, nextP()).createSampler(rng).sample();
  }

  @Benchmark
  public int libraryReusedSampler() {
    return reused.sample();
  }
}
