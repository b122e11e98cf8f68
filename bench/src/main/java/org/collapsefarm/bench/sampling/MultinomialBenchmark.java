package org.collapsefarm.bench.sampling;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.collapsefarm.sampling.MultinomialSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Mult(k, q) draw over len categories, to place the threshold between the two exact methods of
 * {@link MultinomialSampler}: each method forced (probabilities and integer counts), the automatic
 * choice, and the library baseline (conditional binomials with a Commons Statistics inverse-CDF
 * sampler built per category). q is Zipf-like, q_i ∝ 1/(i + 1), from integer counts so that both
 * entry points sample the same distribution.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MultinomialBenchmark {
  /** "k:len". */
  @Param({"10:52", "400:52", "10:100000", "100000:3", "5:52", "100:1000"})
  public String shape;

  private int k;
  private int len;
  private int[] counts;
  private long total;
  private double[] q;
  private int[] out;
  private UniformRandomProvider rng;

  @Setup
  public void setUp() {
    String[] parts = shape.split(":");
    k = Integer.parseInt(parts[0]);
    len = Integer.parseInt(parts[1]);
    counts = new int[len];
    total = 0;
    for (int i = 0; i < len; i++) {
      counts[i] = Math.max(1, (int) Math.round(1000.0 / (i + 1)));
      total += counts[i];
    }
    q = new double[len];
    for (int i = 0; i < len; i++) {
      q[i] = (double) counts[i] / total;
    }
    out = new int[len];
    rng = RandomSource.L64_X128_MIX.create(42L);
  }

  @Benchmark
  public int[] automatic() {
    MultinomialSampler.sample(rng, k, q, len, out);
    return out;
  }

  @Benchmark
  public int[] conditionalBinomials() {
    MultinomialSampler.sampleConditionalBinomials(rng, k, q, len, out);
    return out;
  }

  @Benchmark
  public int[] orderedUniforms() {
    MultinomialSampler.sampleOrderedUniforms(rng, k, q, len, out);
    return out;
  }

  @Benchmark
  public int[] countsAutomatic() {
    MultinomialSampler.sampleFromCounts(rng, k, counts, total, len, out);
    return out;
  }

  @Benchmark
  public int[] countsConditionalBinomials() {
    MultinomialSampler.sampleFromCountsConditionalBinomials(rng, k, counts, total, len, out);
    return out;
  }

  @Benchmark
  public int[] countsOrderedUniforms() {
    MultinomialSampler.sampleFromCountsOrderedUniforms(rng, k, counts, total, len, out);
    return out;
  }

  /** Conditional binomials with a library sampler per category (exact, but one object each). */
  @Benchmark
  public int[] libraryConditionalBinomials() {
    long remaining = total;
    int left = k;
    for (int i = 0; i < len; i++) {
      if (left == 0) {
        out[i] = 0;
        continue;
      }
      double p = Math.min(1, (double) counts[i] / remaining);
      int x = BinomialDistribution.of(left, p).createSampler(rng).sample();
      out[i] = x;
      left -= x;
      remaining -= counts[i];
    }
    return out;
  }
}
