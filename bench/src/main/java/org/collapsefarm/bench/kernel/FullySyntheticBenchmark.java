package org.collapsefarm.bench.kernel;

import java.util.concurrent.TimeUnit;
import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.kernel.Recursion;
import org.collapsefarm.kernel.RunResult;
import org.collapsefarm.measure.GenerationAccumulator;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One fully synthetic run to collapse on the peer's workload (power-law s = 600, s~ = 52, S_0 = 0.1),
 * a new cell seed per invocation. The auxiliary counters give generations/s and live
 * token-generations/s besides runs/s; {@code sink} compares the farm's accumulator with no sink.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FullySyntheticBenchmark {
  private static final int CAP = 50_000;

  @Param({"10", "400"})
  public int n;

  @Param({"accumulator", "none"})
  public String sink;

  private Context context;
  private ParadigmSpec spec;
  private GenerationSink target;
  private long run;

  /** Work done, reported per second next to the runs/s score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Work {
    public long generations;
    public long tokenGenerations;

    @Setup(Level.Iteration)
    public void reset() {
      generations = 0;
      tokenGenerations = 0;
    }
  }

  @Setup
  public void setUp() {
    context = Contexts.powerLaw(600, 52, 0.1, 0);
    spec = ParadigmSpec.fullySynthetic(n);
    target = sink.equals("none") ? GenerationSink.NONE : new GenerationAccumulator(CAP);
  }

  @Benchmark
  public RunResult runToCollapse(Work work) {
    RunResult r = Recursion.run(context, spec, CAP, CellSeeds.cellSeed(1, run++), target);
    work.generations += r.generationsRun();
    work.tokenGenerations += r.tokenGenerations();
    return r;
  }
}
