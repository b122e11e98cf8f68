package org.collapsefarm.jobs.simulate;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Cells finished by tasks that are still running. A Spark accumulator reaches the driver's value
 * only when its task ends; a sweep of few long tasks would show no progress for minutes. Executors
 * also report running tasks' accumulator updates with every heartbeat; this listener keeps the latest
 * per task, until the task ends and its count moves into the accumulator itself.
 */
final class InFlightCells extends SparkListener {
  private final long accumulatorId;
  private final ConcurrentHashMap<Long, Long> byTask = new ConcurrentHashMap<>();

  InFlightCells(long accumulatorId) {
    this.accumulatorId = accumulatorId;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (Tuple4<Object, Object, Object, Seq<AccumulableInfo>> task : CollectionConverters.asJava(update.accumUpdates())) {
      for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
        if (info.id() == accumulatorId && info.update().isDefined() && info.update().get() instanceof Number n) {
          byTask.put((Long) task._1(), n.longValue());
        }
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    byTask.remove(end.taskInfo().taskId());
  }

  /** Σ over running tasks of their cells done so far. */
  long count() {
    long sum = 0;
    for (long v : byTask.values()) {
      sum += v;
    }
    return sum;
  }
}
