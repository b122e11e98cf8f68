package org.collapsefarm.jobs.cli;

import java.util.concurrent.Callable;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code farm simulate <conf>}: runs the sweep's cells and writes the simulation tables. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Run the sweep's cells on Spark and write contexts, cells, runs, generation_stats"
        + " (and trajectories if asked). Re-running computes only missing cells.")
public final class SimulateCommand implements Callable<Integer> {
  @ParentCommand Farm farm;
  @Spec CommandSpec spec;
  @Mixin SparkOptions options;

  @Override
  public Integer call() throws ConfigException {
    return SimulateStage.runStage(options, farm.verbose(), spec.commandLine().getOut(), (spark, sweep, out) -> SimulateStage.simulate(spark, sweep, options, out));
  }
}
