package org.collapsefarm.jobs;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a surefire fork (local[2], UI off): the first costs seconds, later uses
 * nothing. Never stopped explicitly; Spark's shutdown hook stops it when the fork exits.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("collapse-farm tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
    }
    return session;
  }
}
