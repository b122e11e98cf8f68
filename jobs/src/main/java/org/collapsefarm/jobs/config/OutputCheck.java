package org.collapsefarm.jobs.config;

/** Checks the results folder before anything is written. */
public final class OutputCheck {
  private OutputCheck() {}

  /**
   * Throws when the output is a file, is not writable, or holds the results of a different sweep
   * definition ({@code <output>/<name>/_sweep/definition.sha256} differs).
   */
  public static void check(Sweep s) throws ConfigException {
    // under construction
  }
}
