package org.collapsefarm.jobs.config;

import org.collapsefarm.ParameterException;

/** Turns the kernel's {@link ParameterException}s into {@link ConfigException}s with full paths. */
final class Problems {
  private Problems() {}

  /**
   * The same problem, now keyed by where the offending value was written, e.g. {@code window} →
   * {@code sweep.paradigms[1].window}.
   */
  static ConfigException at(Grid.Point point, String entryPath, ParameterException e) {
    String prefix = e.parameter() + ": ";
    String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    return new ConfigException(point.path(e.parameter(), entryPath), message);
  }
}
