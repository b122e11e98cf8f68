package org.collapsefarm.bench.sampling;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.collapsefarm.sampling.BinomialSampler;
import org.collapsefarm.sampling.BinomialTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Binomial(n, c/n) draw with a new integer c on every call, as the first conditional binomial of
 * a fully synthetic generation: {@link BinomialTable} against the generic {@link BinomialSampler}
 * (BINV below mean 10, BTRS above), and one {@code nextDouble()} — the floor of any draw. The counts
 * cycle through {@value #COUNT_VALUES} values spread over ±50% around {@code mean}; the tables of all
 * of them are built in the setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BinomialTableBenchmark {
  private static final int COUNT_VALUES = 1024;

  /** "trials:mean". */
  @Param({"400:4", "400:37", "400:200"})
  public String shape;

  private int trials;
  private BinomialTable table;
  private final int[] counts = new int[COUNT_VALUES];
  private int next;
  private UniformRandomProvider rng;

  @Setup
  public void setUp() {
    String[] parts = shape.split(":");
    trials = Integer.parseInt(parts[0]);
    double mean = Double.parseDouble(parts[1]);
    rng = RandomSource.L64_X128_MIX.create(42L);
    table = BinomialTable.of(trials);
    for (int i = 0; i < COUNT_VALUES; i++) {
      counts[i] = Math.max(1, (int) Math.round(mean * (0.5 + rng.nextDouble())));
      table.draw(rng, counts[i]);
    }
  }

  private int nextCount() {
    next = (next + 1) & (COUNT_VALUES - 1);
    return counts[next];
  }

  @Benchmark
  public int table() {
    return table.draw(rng, nextCount());
  }

  @Benchmark
  public int generic() {
    return BinomialSampler.sample(rng, trials, (double) nextCount() / trials);
  }

  @Benchmark
  public double uniform() {
    return rng.nextDouble() + nextCount();
  }
}
