package org.collapsefarm.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.config.OutputCheck;
import org.collapsefarm.jobs.config.Plan;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.SweepLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm validate <conf> [--set key=value]…}: checks a sweep and prints its plan; runs no Spark. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a sweep configuration and print the plan (no Spark job, nothing written).")
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<conf>", description = "The sweep file (HOCON).")
  Path conf;

  @Option(names = "--set", paramLabel = "key=value",
      description = "Override a configuration key (HOCON value syntax); repeatable.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws ConfigException {
    Sweep sweep = SweepLoader.load(conf, overrides);
    OutputCheck.Status status = OutputCheck.check(sweep);
    spec.commandLine().getOut().print(Plan.describe(sweep));
    spec.commandLine().getOut().println(status == OutputCheck.Status.RESUME
        ? "output: results of this same sweep exist; a run resumes them, computing only the missing cells"
        : "output: no results yet; a run starts from scratch");
    return 0;
  }
}
