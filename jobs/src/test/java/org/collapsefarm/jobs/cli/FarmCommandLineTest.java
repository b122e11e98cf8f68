package org.collapsefarm.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line's own argument errors: one line, exit 2, like a bad configuration. */
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
    assertThat(r.out()).contains("validate").contains("--verbose");
  }
}
