package org.collapsefarm.jobs.cli;

import java.util.concurrent.Callable;
import org.collapsefarm.jobs.spark.SparkSessions;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.Plan;
import org.collapsefarm.jobs.config.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

/**
 * {@code farm run <conf>}: the whole pipeline — validate, simulate, theory, compare, report. Prints
 * where the tables are, the headline numbers of each group, the verdict list and the report's path.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Validate the sweep, then run every stage; prints where the tables are and headline numbers.")
public final class RunCommand implements Callable<Integer> {
  @ParentCommand Farm farm;
  @Spec CommandSpec spec;
  @Mixin SparkOptions options;

  @Override
  public Integer call() throws ConfigException {
    Sweep sweep = SimulateStage.load(options);
    spec.commandLine().getOut().println(Plan.describe(sweep));
    try (SparkSessions.Lease lease = SimulateStage.session(sweep, options, farm.verbose())) {
      SimulateStage.simulate(lease.spark(), sweep, options, spec.commandLine().getOut());
      TheoryCommand.theory(lease.spark(), sweep, spec.commandLine().getOut());
      CompareCommand.compare(lease.spark(), sweep, spec.commandLine().getOut());
      ReportCommand.report(lease.spark(), sweep, spec.commandLine().getOut());
    }
    return 0;
  }
}
