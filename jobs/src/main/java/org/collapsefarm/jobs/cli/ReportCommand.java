package org.collapsefarm.jobs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.report.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code farm report <conf>}: figures (PNG and SVG) and {@code report.md} from the sweep's tables;
 * also the last stage of {@code run}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Draw the figures (PNG, SVG) into <output>/<name>/figures/ and write report.md with the verdicts."
        + " Needs simulate; uses theory and compare when present.")
public final class ReportCommand implements Callable<Integer> {
  @ParentCommand Farm farm;
  @Spec CommandSpec spec;
  @Mixin SparkOptions options;

  @Override
  public Integer call() throws ConfigException {
    return SimulateStage.runStage(options, farm.verbose(), spec.commandLine().getOut(), ReportCommand::report);
  }

  /** Runs the report stage and says what it wrote. */
  static ReportJob.Outcome report(SparkSession spark, Sweep sweep, PrintWriter out) {
    ReportJob.Outcome outcome = ReportJob.run(spark, sweep);
    out.printf("report: %d figures (PNG and SVG) and %s%n", outcome.figures().size(), outcome.report());
    outcome.skipped().forEach((kind, reason) -> out.println("  not drawn: " + kind.heading() + " — " + reason));
    return outcome;
  }
}
