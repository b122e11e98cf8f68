package org.collapsefarm.jobs.config;

import java.nio.file.Path;
import java.util.List;

/** Reads, validates and expands a sweep configuration (DESIGN.md, "Sweep configuration"). */
public final class SweepLoader {
  private SweepLoader() {}

  /**
   * Loads {@code conf} (HOCON) on top of {@code reference.conf}, applies {@code --set} overrides
   * ({@code key=value}, HOCON value syntax), validates everything, builds contexts and groups.
   *
   * @throws ConfigException on any bad input, naming the key
   */
  public static Sweep load(Path conf, List<String> overrides) throws ConfigException {
    throw new ConfigException("sweep", "loader under construction on branch farmconfig");
  }
}
