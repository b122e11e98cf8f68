package org.collapsefarm.jobs;

import org.collapsefarm.jobs.cli.CommandLines;
import org.collapsefarm.jobs.cli.RunCommand;
import org.collapsefarm.jobs.cli.CompareCommand;
import org.collapsefarm.jobs.cli.ReportCommand;
import org.collapsefarm.jobs.cli.SimulateCommand;
import org.collapsefarm.jobs.cli.SqlCommand;
import org.collapsefarm.jobs.cli.TheoryCommand;
import org.collapsefarm.jobs.cli.ValidateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code farm} command line (DESIGN.md, "Commands"). Exit codes: 0 done; 2 bad configuration
 * or arguments (one line {@code error: …} on stderr, nothing written); 1 a failure at run time.
 * Each subcommand lives in its own class in {@code org.collapsefarm.jobs.cli}.
 */
@Command(
    name = "farm",
    mixinStandardHelpOptions = true,
    description = "Monte Carlo farm for model collapse: sweeps of recursions on Spark.",
    subcommands = {ValidateCommand.class, RunCommand.class, SimulateCommand.class, TheoryCommand.class,
        CompareCommand.class, ReportCommand.class, SqlCommand.class})
public final class Farm {
  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Show stack traces and Spark's INFO logs (before or after the subcommand).")
  boolean verbose;

  /** True when {@code --verbose} was given. */
  public boolean verbose() {
    return verbose;
  }

  public static void main(String[] args) {
    System.exit(CommandLines.create(new Farm()).execute(args));
  }
}
