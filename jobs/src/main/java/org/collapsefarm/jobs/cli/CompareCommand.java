package org.collapsefarm.jobs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.compare.CompareJob;
import org.collapsefarm.jobs.compare.CompareTables;
import org.collapsefarm.jobs.compare.VerdictList;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code farm compare <conf>}: judges every group's runs against its theory rows and writes the
 * {@code comparison} and {@code collapse_times} tables; prints the verdict list.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare the runs with the theory table (MATH.md 5): write comparison and collapse_times and"
        + " print the verdicts. Needs simulate and theory; re-running replaces the tables.")
public final class CompareCommand implements Callable<Integer> {
  @ParentCommand Farm farm;
  @Spec CommandSpec spec;
  @Mixin SparkOptions options;

  @Override
  public Integer call() throws ConfigException {
    return SimulateStage.runStage(options, farm.verbose(), spec.commandLine().getOut(), CompareCommand::compare);
  }

  /** Runs the compare stage, says what it wrote and prints the verdict list. */
  static CompareJob.Outcome compare(SparkSession spark, Sweep sweep, PrintWriter out) {
    CompareJob.Outcome outcome = CompareJob.run(spark, sweep);
    out.printf("compare: %,d comparison rows and %,d collapse_times rows for %,d groups in %s%n",
        outcome.comparisonRows(), outcome.collapseTimeRows(), outcome.groups(), outcome.folder().root());
    VerdictList.lines(sweep, new TableStore(outcome.folder()).read(spark, CompareTables.COMPARISON)).forEach(out::println);
    return outcome;
  }
}
