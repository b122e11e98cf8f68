package org.collapsefarm.jobs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.theory.TheoryJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code farm theory <conf>}: writes the closed forms of every group as the {@code theory} table. */
@Command(name = "theory", mixinStandardHelpOptions = true,
    description = "Evaluate every closed form that applies to each group (MATH.md 4) and write the theory table."
        + " Needs only the sweep; re-running replaces the table.")
public final class TheoryCommand implements Callable<Integer> {
  @ParentCommand Farm farm;
  @Spec CommandSpec spec;
  @Mixin SparkOptions options;

  @Override
  public Integer call() throws ConfigException {
    return SimulateStage.runStage(options, farm.verbose(), spec.commandLine().getOut(), TheoryCommand::theory);
  }

  /** Runs the theory stage and says what it wrote. */
  static TheoryJob.Outcome theory(SparkSession spark, Sweep sweep, PrintWriter out) {
    TheoryJob.Outcome outcome = TheoryJob.run(spark, sweep);
    out.printf("theory: %,d rows for %,d groups in %s%n", outcome.rows(), outcome.groups(),
        outcome.folder().table(org.collapsefarm.jobs.theory.TheoryTable.NAME));
    return outcome;
  }
}
