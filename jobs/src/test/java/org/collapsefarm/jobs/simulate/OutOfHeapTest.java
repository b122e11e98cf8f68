package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.collapsefarm.jobs.JvmProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 3: a sweep too large for local Spark's heap ends in one line that says what it
 * needs and what to set, exit 1, nothing finalized — not Spark exiting the JVM with code 52 and a
 * stack trace. The farm runs in its own JVM with a heap just above local Spark's minimum (450 MiB).
 * That the suggested heap suffices is a benchmark's to show (bench/driver-heap.sh, BENCHMARKS.md
 * "Driver heap"): this sweep's 10^7 rows of partial sums take minutes to write.
 *
 * <p>The sweep: 4,000 groups (fully synthetic, n = 2…4,001, on a fair coin, so every run collapses
 * within a few generations and costs nothing) of one replicate at M = 20,000. Each of the 8
 * partitions then keeps the per-generation sums of about 500 groups on a grid of 10,008 generations,
 * about 3.5 MB each ({@link org.collapsefarm.measure.GenerationAccumulator#bytesAtMost}): one
 * running task alone needs more than three times the 480 MiB heap, so each fails early. (With 1,000
 * groups, 0.9 of the heap per task, the task that outlived the first failure went on collecting
 * garbage in a full heap and the run, under load, past the time-out; cancelled tasks now also stop
 * at their next cell.)
 */
class OutOfHeapTest {
  private static final long TIMEOUT_S = 300;

  @TempDir Path dir;

  @Test
  void aSweepTooLargeForTheHeapSaysWhatItNeedsInOneLine() throws Exception {
    Path conf = dir.resolve("wide.conf");
    String ns = IntStream.rangeClosed(2, 4001).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    Files.writeString(conf, """
        sweep {
          name = wide
          output = "%s"
          seed = 1
          replicates = 1
          max-generations = 20000
          contexts = [ { family = explicit, probs = [0.5, 0.5] } ]
          paradigms = [ { paradigm = fully-synthetic, n = [%s] } ]
        }
        """.formatted(dir.resolve("out").toString().replace("\\", "/"), ns));

    Run small = farm(conf, "-Xmx480m", "small.log");
    assertThat(small.exitCode()).as("exit code; log:%n%s", small.log()).isEqualTo(1);
    List<String> lines = small.log().lines().toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("warning: this sweep needs about"));
    String error = lines.stream().filter(l -> l.startsWith("error:")).reduce((a, b) -> b).orElseThrow();
    assertThat(error).startsWith("error: the driver ran out of memory (its heap is at most")
        .containsPattern("this sweep needs about [0-9,]+ MiB").contains("FARM_JAVA_OPTS=-Xmx").doesNotContain("java.lang");
    assertThat(lines.get(lines.size() - 1)).isEqualTo(error);
    assertThat(dir.resolve("out/wide/_sweep/finalized")).doesNotExist();
  }

  private record Run(int exitCode, String log) {}

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private Run farm(Path conf, String heap, String logName) throws Exception {
    File log = dir.resolve(logName).toFile();
    Process farm = JvmProcesses.start(List.of(heap, "-cp", JvmProcesses.testClasspath()), "org.collapsefarm.jobs.Farm",
        List.of("simulate", conf.toString(), "--master", "local[2]"), Map.of(), log);
    try {
      boolean finished = farm.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
      assertThat(finished).as("farm finished within %d s; its log ends:%n%s", TIMEOUT_S, finished ? "" : tail(log.toPath()))
          .isTrue();
      return new Run(farm.exitValue(), Files.readString(log.toPath()));
    } finally {
      JvmProcesses.kill(farm);
    }
  }
}
