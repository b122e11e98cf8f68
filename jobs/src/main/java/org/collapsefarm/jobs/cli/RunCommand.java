package org.collapsefarm.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.Farm;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.Plan;
import org.collapsefarm.jobs.config.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code farm run <conf>}: the whole pipeline — validate, then simulate (theory, compare and report
 * join here as they are built, issues 4 and 5). Ends by printing where the tables are and the
 * headline numbers of each group.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Validate the sweep, then run every stage; prints where the tables are and headline numbers.")
public final class RunCommand implements Callable<Integer> {
  @ParentCommand Farm farm;
  @Mixin SparkOptions options;

  @Override
  public Integer call() throws ConfigException {
    Sweep sweep = SimulateStage.load(options);
    System.out.println(Plan.describe(sweep));
    SparkSession spark = SimulateStage.session(sweep, options, farm.verbose());
    try {
      SimulateStage.simulate(spark, sweep, options, System.out);
    } finally {
      spark.stop();
    }
    return 0;
  }
}
