package org.collapsefarm.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.collapsefarm.jobs.Farm;
import picocli.CommandLine;

/** Runs {@code farm} in-process, as {@code main} would, with stdout and stderr captured. */
public final class FarmRunner {
  /** What one invocation produced. */
  public record Result(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private FarmRunner() {}

  public static Result run(String... args) {
    return run(CommandLines.create(new Farm()), args);
  }

  /** Runs {@code cl}, a command line made by {@link CommandLines#create}, with output captured. */
  static Result run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Every path under {@code root}, relative and sorted: a snapshot to prove nothing was written. */
  static List<String> tree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
