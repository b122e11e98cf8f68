package org.collapsefarm.jobs.spark;

import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the farm's SparkSession. Precedence, highest first (what spark-submit users expect):
 * {@code spark-submit --master/--conf} (they arrive as {@code spark.*} system properties, which
 * {@link SparkConf} loads), then the sweep file's {@code spark { … }} block, then {@link
 * #DEFAULT_MASTER}.
 */
public final class SparkSessions {
  /** Local Spark inside this JVM on every core: the no-set-up default on a laptop. */
  public static final String DEFAULT_MASTER = "local[*]";

  private static final String MASTER = "spark.master";
  /** How deep in a failed task's causes Spark looks for a fatal error that kills the executor's JVM. */
  static final String KILL_ON_FATAL_ERROR_DEPTH = "spark.executor.killOnFatalError.depth";

  private SparkSessions() {}

  /**
   * The SparkConf for a sweep: {@code configMaster} and {@code configConf} apply only where
   * spark-submit (or a {@code -Dspark.*} system property) has not set the key already.
   *
   * @param appName the application name shown in the Spark UI
   * @param configMaster the sweep's {@code spark.master}, or null/empty when it sets none
   * @param configConf the sweep's other {@code spark.*} keys
   */
  public static SparkConf conf(String appName, String configMaster, Map<String, String> configConf) {
    SparkConf conf = new SparkConf(true);
    if (configConf != null) {
      configConf.forEach(
          (key, value) -> {
            if (!conf.contains(key)) {
              conf.set(key, value);
            }
          });
    }
    if (!conf.contains(MASTER)) {
      conf.setMaster(configMaster == null || configMaster.isBlank() ? DEFAULT_MASTER : configMaster);
    }
    if (!conf.contains("spark.app.name")) {
      conf.setAppName(appName);
    }
    if (conf.get(MASTER).startsWith("local") && !conf.contains(KILL_ON_FATAL_ERROR_DEPTH)) {
      // The executor is this JVM: a task's OutOfMemoryError must fail the job (the farm then says
      // what heap the sweep needs) rather than make Spark exit the JVM with code 52.
      conf.set(KILL_ON_FATAL_ERROR_DEPTH, "0");
    }
    if (!conf.get(MASTER).startsWith("local") && !conf.contains("spark.jars")) {
      // Launched with plain `java` against a cluster master (not through spark-submit): ship
      // this application jar to the executors so that they can load the farm's classes.
      applicationJar().ifPresent(jar -> conf.set("spark.jars", jar));
    }
    return conf;
  }

  /** The jar this class was loaded from, when it was loaded from a jar. */
  static Optional<String> applicationJar() {
    CodeSource source = SparkSessions.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    String location = source.getLocation().toString();
    return location.endsWith(".jar") ? Optional.of(location) : Optional.empty();
  }

  /**
   * A session for {@code conf}. An existing session of this JVM is reused (as Spark's getOrCreate
   * does) and then left running on {@link Lease#close()}: only a session started here is stopped.
   */
  public static Lease session(SparkConf conf) {
    boolean existed = SparkSession.getDefaultSession().isDefined();
    return new Lease(SparkSession.builder().config(conf).getOrCreate(), !existed);
  }

  /** A session and whether closing it stops it. */
  public record Lease(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }
}
