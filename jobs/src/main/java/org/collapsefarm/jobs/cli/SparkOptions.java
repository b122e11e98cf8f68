package org.collapsefarm.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapsefarm.jobs.simulate.SimulateJob;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments shared by the stages that run Spark ({@code run}, {@code simulate}). */
public final class SparkOptions {
  @Parameters(index = "0", paramLabel = "<conf>", description = "The sweep file (HOCON).")
  Path conf;

  @Option(names = "--set", paramLabel = "key=value",
      description = "Override a configuration key (HOCON value syntax); repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--master", paramLabel = "<url>",
      description = "Spark master (local[*], spark://host:port, …); wins over the config's spark.master.")
  String master;

  @Option(names = "--partitions", paramLabel = "<p>", defaultValue = "0",
      description = "Partitions per chunk (0 = 4 × cores). Results do not depend on it.")
  int partitions;

  @Option(names = "--chunk-cells", paramLabel = "<cells>",
      description = "Cells per commit chunk, fixed when a sweep first starts (default: chunks of about a"
          + " minute of estimated work each on the session's cores).")
  Integer chunkCells;
}
