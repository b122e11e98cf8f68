package org.collapsefarm.jobs.simulate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Console progress of a long sweep: cells done / total, rate and ETA, printed by a daemon thread that
 * polls a counter (a Spark accumulator, updated as tasks finish). On a terminal the line is redrawn
 * in place; otherwise (logs, CI) a line is printed every {@link #LOG_INTERVAL_MS}.
 */
final class Progress implements AutoCloseable {
  private static final long TTY_INTERVAL_MS = 1_000;
  private static final long LOG_INTERVAL_MS = 10_000;

  private final PrintStream out;
  private final long total;
  private final long alreadyDone;
  private final LongSupplier doneNow;
  private final boolean tty;
  private final long startNs = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param total the sweep's cells
   * @param alreadyDone cells committed by earlier attempts (not counted in the rate)
   * @param doneNow cells finished in this attempt so far
   */
  Progress(PrintStream out, long total, long alreadyDone, LongSupplier doneNow) {
    this.out = out;
    this.total = total;
    this.alreadyDone = alreadyDone;
    this.doneNow = doneNow;
    this.tty = System.console() != null;
    this.thread = new Thread(this::loop, "farm-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    long interval = tty ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
    while (running) {
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        print(false);
      }
    }
  }

  private synchronized void print(boolean last) {
    String line = line(total, alreadyDone, doneNow.getAsLong(), System.nanoTime() - startNs);
    if (tty) {
      out.print("\r" + line + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** "simulate: 1,200/10,000 cells (12.0%), 350 cells/s, ETA 25s". */
  static String line(long total, long alreadyDone, long doneNow, long elapsedNs) {
    long done = alreadyDone + doneNow;
    double seconds = elapsedNs / 1e9;
    double rate = seconds > 0 ? doneNow / seconds : 0;
    String eta = rate > 0 ? format(Duration.ofSeconds(Math.round((total - done) / rate))) : "?";
    return String.format(
        Locale.ROOT,
        "simulate: %,d/%,d cells (%.1f%%), %,.0f cells/s, ETA %s",
        done,
        total,
        total == 0 ? 100.0 : 100.0 * done / total,
        rate,
        eta);
  }

  static String format(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format(Locale.ROOT, "%02ds", s % 60);
    }
    return (s / 3600) + "h" + String.format(Locale.ROOT, "%02dm", (s % 3600) / 60);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    print(true);
  }
}
