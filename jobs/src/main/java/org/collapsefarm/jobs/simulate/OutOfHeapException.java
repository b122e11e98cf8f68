package org.collapsefarm.jobs.simulate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Local Spark ran out of heap during {@code simulate}: the farm's JVM, driver and executors at once
 * (issue 14, item 3). Carries what the sweep needs, so the command line can say what to set.
 */
public final class OutOfHeapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient HeapEstimate estimate;

  OutOfHeapException(HeapEstimate estimate, Throwable cause) {
    super("out of heap", cause);
    this.estimate = estimate;
  }

  /** What the sweep needs. */
  public HeapEstimate estimate() {
    return estimate;
  }

  /**
   * Whether a failure of a local run is the heap running out: {@code ex} is, or was caused by, an
   * {@link OutOfMemoryError} (thrown here, or in a local task and handed over as the cause of Spark's
   * job failure), or the heap was full at some point of the run — an OutOfMemoryError in one of
   * Spark's own threads surfaces as an unrelated internal error.
   */
  public static boolean isOutOfHeap(Throwable ex) {
    return isOutOfMemory(ex) || heapWasFull();
  }

  /** Whether a heap pool with a limit (G1's old generation: the whole heap) peaked at 95 % of it. */
  static boolean heapWasFull() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      long max = pool.getUsage().getMax();
      if (pool.getType() == MemoryType.HEAP && max > 0 && pool.getPeakUsage().getUsed() >= 0.95 * max) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code ex} is, or was caused by, an {@link OutOfMemoryError}. */
  public static boolean isOutOfMemory(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }
}
