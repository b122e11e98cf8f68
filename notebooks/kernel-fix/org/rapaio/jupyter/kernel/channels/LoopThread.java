package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Logger;

/**
 * A stand-in for rapaio-jupyter-kernel 3.0.1's own {@code LoopThread} (the same name, constructor
 * and methods), put before its jar on the kernel's class path by {@code notebooks/install-kernel.sh}.
 * It mends two start-up races of 3.0.1 that each end a message loop (shell, control or heartbeat):
 *
 * <ul>
 *   <li>{@code start()} started the thread and only then set the running flag, so a thread that
 *       reached its first check first saw {@code false} and ended at once (a Flight Recorder trace:
 *       both loops ending a millisecond after they started, without an exception);
 *   <li>a message that arrives before the kernel has registered its handlers throws a
 *       NullPointerException in {@code Channels.getHandler}, which ended the loop (the same trace,
 *       once the first race was mended). Jupyter sends {@code kernel_info_request} again every
 *       second until answered, so a loop that goes on answers the next one.
 * </ul>
 *
 * <p>When the shell or the control loop ended, the kernel bound its ports and never answered
 * Jupyter: a lost start, 6 of 17 starts at load 4–7 on 2 cores. Here the flag is set before the
 * thread starts and a pass that throws is logged and the loop goes on. Remove this class once the
 * kernel is upgraded past 3.0.1 (the newest on Maven Central on 2026-12-06) with both mended.
 */
public final class LoopThread extends Thread {
  private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

  private volatile boolean running;
  private final long sleepMillis;
  private final Runnable body;

  /** A thread named {@code name} that runs {@code body}, then sleeps {@code sleepMillis}, until shut down. */
  public LoopThread(String name, long sleepMillis, Runnable body) {
    super(name);
    this.sleepMillis = sleepMillis;
    this.body = body;
  }

  @Override
  public void run() {
    while (running) {
      try {
        body.run();
      } catch (RuntimeException e) {
        LOGGER.warning(getName() + ": a message loop pass failed, the loop goes on: " + e);
      }
      try {
        Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        running = false;
      }
    }
  }

  @Override
  public synchronized void start() {
    running = true; // before the thread can look at it
    super.start();
  }

  /** Ends the loop after its current pass. */
  public void shutdown() {
    running = false;
  }
}
