package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void lineShowsDoneTotalRateAndEta() {
    // 1,000 committed before, 2,000 done now in 4 s: 500 cells/s, 7,000 left → 14 s.
    assertThat(Progress.line(10_000, 1_000, 2_000, 4_000_000_000L))
        .isEqualTo("simulate: 3,000/10,000 cells (30.0%), 500 cells/s, ETA 14s");
    assertThat(Progress.line(10, 0, 0, 1_000_000L)).endsWith("ETA ?");
  }

  @Test
  void durationsReadable() {
    assertThat(Progress.format(Duration.ofSeconds(59))).isEqualTo("59s");
    assertThat(Progress.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
    assertThat(Progress.format(Duration.ofSeconds(3 * 3600 + 7 * 60))).isEqualTo("3h07m");
  }

  @Test
  void closePrintsTheFinalCount() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong done = new AtomicLong();
    try (Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 5, 1, done::get)) {
      done.set(4);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("simulate: 5/5 cells (100.0%)");
  }
}
