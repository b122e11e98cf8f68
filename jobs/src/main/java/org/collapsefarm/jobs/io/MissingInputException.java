package org.collapsefarm.jobs.io;

/**
 * A stage's input tables are not there yet (e.g. {@code report} before {@code simulate}). Not a bug:
 * the message says which stage to run first, and the command line prints it as one line, without a
 * Java class name or stack trace, and exits 1.
 */
public final class MissingInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingInputException(String message) {
    super(message);
  }
}
