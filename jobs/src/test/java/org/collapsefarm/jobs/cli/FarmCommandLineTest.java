package org.collapsefarm.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collapsefarm.jobs.io.MissingInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line's own argument errors, its version, and the error policy of every command. */
class FarmCommandLineTest {
  @Test
  void missingArgumentAndUnknownSubcommandAreOneLineExit2() {
    FarmRunner.Result missing = FarmRunner.run("validate");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.errLines()).singleElement().asString().startsWith("error: ").contains("<conf>");
    FarmRunner.Result unknown = FarmRunner.run("valdate", "x.conf");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.errLines()).singleElement().asString().startsWith("error: ").contains("validate");
  }

  @Test
  void helpListsTheSubcommandsAndExits0() {
    FarmRunner.Result r = FarmRunner.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("validate").contains("--verbose").contains("--version");
  }

  @Test
  void versionIsTheBuildsOnTheRootAndEverySubcommand() throws Exception {
    // the project version as the root pom (the build's source of truth) declares it
    Matcher m = Pattern.compile("<artifactId>collapse-farm</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("..", "pom.xml")));
    assertThat(m.find()).isTrue();
    for (String[] args : new String[][] {{"--version"}, {"sql", "--version"}, {"run", "--version"}}) {
      FarmRunner.Result r = FarmRunner.run(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(r.out().strip()).as(String.join(" ", args))
          .isEqualTo("collapse-farm " + m.group(1) + " (Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
              + ", Java " + Runtime.version() + ")");
    }
  }

  /** A command that fails as asked, to drive the error policy that every farm command shares. */
  @Command(name = "failing")
  static final class Failing implements Runnable {
    @Option(names = "--verbose") boolean verbose;
    @Parameters(index = "0") String what;

    @Override
    public void run() {
      switch (what) {
        case "bug" -> throw new NullPointerException("oops");
        case "missing" -> throw new MissingInputException("no tables in /r: run simulate first");
        case "oom" -> throw new OutOfMemoryError("Java heap space");
        default -> throw new IllegalArgumentException(what);
      }
    }
  }

  private static FarmRunner.Result failing(String... args) {
    return FarmRunner.run(CommandLines.create(new Failing()), args);
  }

  @Test
  void aMissingStageIsOneLineWithoutAClassName() {
    FarmRunner.Result r = failing("missing");
    assertThat(r.exitCode()).isEqualTo(CommandLines.EXIT_FAILURE);
    assertThat(r.errLines()).containsExactly("error: no tables in /r: run simulate first");
  }

  @Test
  void aBugIsExit1WithItsClassAndTheStackTraceOnlyUnderVerbose() {
    FarmRunner.Result quiet = failing("bug");
    assertThat(quiet.exitCode()).isEqualTo(CommandLines.EXIT_FAILURE);
    assertThat(quiet.errLines()).singleElement().asString()
        .startsWith("error: oops (java.lang.NullPointerException").contains("--verbose");
    FarmRunner.Result verbose = failing("bug", "--verbose");
    assertThat(verbose.exitCode()).isEqualTo(CommandLines.EXIT_FAILURE);
    assertThat(verbose.errLines().size()).isGreaterThan(2);
    assertThat(verbose.err()).contains("at org.collapsefarm.jobs.cli.FarmCommandLineTest$Failing.run");
  }

  @Test
  void driverOutOfMemoryIsOneLineNamingFarmJavaOpts() {
    FarmRunner.Result r = failing("oom");
    assertThat(r.exitCode()).isEqualTo(CommandLines.EXIT_FAILURE);
    assertThat(r.errLines()).singleElement().asString().startsWith("error: the driver ran out of memory")
        .contains("FARM_JAVA_OPTS=-Xmx").doesNotContain("java.lang");
    // twice the heap it had, rounded up to whole GiB
    assertThat(CommandLines.outOfMemory(1L << 30)).contains("at most 1,024 MiB").contains("-Xmx2g");
    assertThat(CommandLines.outOfMemory(3L << 29)).contains("-Xmx3g");
  }
}
