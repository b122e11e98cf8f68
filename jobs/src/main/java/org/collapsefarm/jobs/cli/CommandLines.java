package org.collapsefarm.jobs.cli;

import org.collapsefarm.jobs.config.ConfigException;
import org.collapsefarm.jobs.io.MissingInputException;
import org.collapsefarm.jobs.simulate.HeapEstimate;
import org.collapsefarm.jobs.simulate.OutOfHeapException;
import picocli.CommandLine;

/**
 * The exit-code and error-line policy shared by every subcommand (DESIGN.md, "Commands"):
 * <ul>
 *   <li>a {@link ConfigException} or a bad argument: one line {@code error: …}, exit 2;
 *   <li>a {@link MissingInputException} (a stage run before the one it needs): one line, exit 1;
 *   <li>the driver out of memory: one line naming {@code FARM_JAVA_OPTS} and a larger heap (with
 *       what the sweep needs when simulate ran out, {@link OutOfHeapException}), exit 1;
 *   <li>anything else is a bug or an infrastructure failure: one line with the exception's class
 *       (what a bug report needs), the stack trace with {@code --verbose}, exit 1.
 * </ul>
 * Only the last carries a Java class name.
 */
public final class CommandLines {
  /** Bad configuration or arguments; nothing was written. */
  public static final int EXIT_BAD_INPUT = 2;
  /** A failure at run time. */
  public static final int EXIT_FAILURE = 1;
  /** The environment variable {@code submit/farm} passes to the JVM (README, "Two commands"). */
  static final String JAVA_OPTS_VARIABLE = "FARM_JAVA_OPTS";

  private static final long MIB = 1L << 20;

  private CommandLines() {}

  /** A picocli command line for {@code root} with the project's error policy and version. */
  public static CommandLine create(Object root) {
    CommandLine cl = new CommandLine(root);
    setVersion(cl);
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
      if (OutOfHeapException.isOutOfMemory(ex) || ex instanceof OutOfHeapException) {
        commandLine.getErr().println(ex instanceof OutOfHeapException o
            ? outOfMemory(Runtime.getRuntime().maxMemory(), o.estimate())
            : outOfMemory(Runtime.getRuntime().maxMemory()));
        return EXIT_FAILURE;
      }
      if (ex instanceof MissingInputException) {
        commandLine.getErr().println("error: " + oneLine(ex.getMessage()));
        return EXIT_FAILURE;
      }
      commandLine.getErr().println("error: " + oneLine(String.valueOf(ex.getMessage())) + " (" + ex.getClass().getName()
          + (verbose(parseResult) ? ")" : "; --verbose prints the stack trace)"));
      if (verbose(parseResult)) {
        ex.printStackTrace(commandLine.getErr());
      }
      return EXIT_FAILURE;
    });
    CommandLine.IExecutionStrategy strategy = new CommandLine.RunLast();
    cl.setExecutionStrategy(parseResult -> {
      try {
        return strategy.execute(parseResult);
      } catch (OutOfMemoryError e) {
        cl.getErr().println(outOfMemory(Runtime.getRuntime().maxMemory()));
        if (verbose(parseResult)) {
          e.printStackTrace(cl.getErr());
        }
        return EXIT_FAILURE;
      }
    });
    return cl;
  }

  /**
   * The line for an {@link OutOfMemoryError} in the driver (this JVM; an executor's is a Spark task
   * failure): the heap it had and twice that, rounded up to whole GiB, as the setting to try.
   */
  static String outOfMemory(long maxHeapBytes) {
    long suggestGib = Math.max(1, (2 * maxHeapBytes + 1023 * MIB) / (1024 * MIB));
    return "error: the driver ran out of memory (its heap is at most " + String.format("%,d", maxHeapBytes / MIB)
        + " MiB); give it more with " + JAVA_OPTS_VARIABLE + ", e.g. " + JAVA_OPTS_VARIABLE + "=-Xmx" + suggestGib
        + "g submit/farm …, or make the sweep smaller";
  }

  /**
   * The line for local Spark out of heap in simulate: the heap it had, what the sweep needs and a
   * setting with room to spare (at least twice the heap it had).
   */
  static String outOfMemory(long maxHeapBytes, HeapEstimate needs) {
    long suggestGib = Math.max(needs.suggestedGib(), (2 * maxHeapBytes + 1023 * MIB) / (1024 * MIB));
    return "error: the driver ran out of memory (its heap is at most " + String.format("%,d", maxHeapBytes / MIB)
        + " MiB; this sweep needs " + needs.describe() + "); give it more with " + JAVA_OPTS_VARIABLE + ", e.g. "
        + JAVA_OPTS_VARIABLE + "=-Xmx" + suggestGib + "g submit/farm …, or make the sweep smaller (fewer groups, a "
        + "smaller max-generations)";
  }

  /** {@code --version} on the root and on every subcommand prints the build's version. */
  private static void setVersion(CommandLine cl) {
    cl.getCommandSpec().versionProvider(new FarmVersion());
    cl.getSubcommands().values().forEach(CommandLines::setVersion);
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
