package org.collapsefarm.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.Test;

class LoggingTest {
  private static Configuration load(String resource) throws Exception {
    LoggerContext context = new LoggerContext("probe-" + resource);
    context.setConfigLocation(LoggingTest.class.getResource(resource).toURI());
    Configuration configuration = context.getConfiguration();
    context.stop();
    return configuration;
  }

  @Test
  void defaultConfigurationIsQuiet() throws Exception {
    Configuration quiet = load("/log4j2.properties");
    assertThat(quiet.getRootLogger().getLevel()).isEqualTo(Level.WARN);
    assertThat(quiet.getLoggerConfig("org.apache.hadoop.util.NativeCodeLoader").getLevel()).isEqualTo(Level.OFF);
    assertThat(quiet.getLoggerConfig("org.apache.parquet.hadoop").getLevel()).isEqualTo(Level.ERROR);
    assertThat(quiet.getLoggerConfig("org.apache.spark.scheduler.DAGScheduler").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void verboseBringsSparkInfoBack() throws Exception {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    URI before = context.getConfigLocation();
    try {
      Logging.verbose();
      assertThat(context.getConfiguration().getLoggerConfig("org.apache.spark.scheduler.DAGScheduler").getLevel())
          .isEqualTo(Level.INFO);
    } finally {
      context.setConfigLocation(before);
    }
    assertThat(context.getConfiguration().getRootLogger().getLevel()).isEqualTo(Level.WARN);
  }
}
