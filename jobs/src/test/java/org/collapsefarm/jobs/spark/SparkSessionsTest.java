package org.collapsefarm.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Precedence of spark.master and spark.* keys: spark-submit (system properties) > config > default. */
class SparkSessionsTest {
  @AfterEach
  void clear() {
    System.clearProperty("spark.master");
    System.clearProperty("spark.executor.memory");
  }

  @Test
  void defaultIsLocalOnEveryCore() {
    assertThat(SparkSessions.conf("t", null, Map.of()).get("spark.master")).isEqualTo("local[*]");
    assertThat(SparkSessions.conf("t", "", Map.of()).get("spark.master")).isEqualTo("local[*]");
  }

  @Test
  void configMasterAppliesWhenSparkSubmitSetNone() {
    assertThat(SparkSessions.conf("t", "local[3]", Map.of()).get("spark.master")).isEqualTo("local[3]");
  }

  @Test
  void sparkSubmitMasterAndConfWin() {
    // spark-submit passes --master and --conf to the driver as spark.* system properties.
    System.setProperty("spark.master", "local[1]");
    System.setProperty("spark.executor.memory", "3g");
    SparkConf conf =
        SparkSessions.conf("t", "spark://elsewhere:7077", Map.of("spark.executor.memory", "1g", "spark.foo", "bar"));
    assertThat(conf.get("spark.master")).isEqualTo("local[1]");
    assertThat(conf.get("spark.executor.memory")).isEqualTo("3g");
    assertThat(conf.get("spark.foo")).isEqualTo("bar");
    assertThat(conf.get("spark.app.name")).isEqualTo("t");
  }
}
