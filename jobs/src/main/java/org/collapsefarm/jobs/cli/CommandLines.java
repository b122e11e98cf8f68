package org.collapsefarm.jobs.cli;

import org.collapsefarm.jobs.config.ConfigException;
import picocli.CommandLine;

/**
 * The exit-code and error-line policy shared by every subcommand: a {@link ConfigException} or a
 * bad argument prints one line {@code error: …} on stderr and exits 2; any other failure prints
 * {@code error: …} (and the stack trace with {@code --verbose}) and exits 1.
 */
public final class CommandLines {
  /** Bad configuration or arguments; nothing was written. */
  public static final int EXIT_BAD_INPUT = 2;
  /** A failure at run time. */
  public static final int EXIT_FAILURE = 1;

  private CommandLines() {}

  /** A picocli command line for {@code root} with the project's error policy. */
  public static CommandLine create(Object root) {
    CommandLine cl = new CommandLine(root);
    cl.setParameterExceptionHandler((ex, args) -> {
      String hint = "";
      if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
        hint = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
      }
      ex.getCommandLine().getErr().println("error: " + oneLine(ex.getMessage()) + hint
          + "; see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
      return EXIT_BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof ConfigException) {
        commandLine.getErr().println("error: " + ex.getMessage());
        return EXIT_BAD_INPUT;
      }
      commandLine.getErr().println("error: " + oneLine(String.valueOf(ex.getMessage())) + " (" + ex.getClass().getName() + ")");
      if (verbose(parseResult)) {
        ex.printStackTrace(commandLine.getErr());
      }
      return EXIT_FAILURE;
    });
    return cl;
  }

  /** True when {@code --verbose} was given, before or after the subcommand's name. */
  static boolean verbose(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
