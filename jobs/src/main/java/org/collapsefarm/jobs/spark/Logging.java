package org.collapsefarm.jobs.spark;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Switches between the quiet default log configuration ({@code log4j2.properties}: warnings only,
 * Spark/Hadoop/Parquet/Jetty noise off) and Spark's usual INFO output ({@code
 * log4j2-verbose.properties}, the {@code --verbose} flag).
 */
public final class Logging {
  private static final String VERBOSE = "/log4j2-verbose.properties";

  private Logging() {}

  /** Reconfigures log4j2 from {@code log4j2-verbose.properties}. Call before the session starts. */
  public static void verbose() {
    URL url = Logging.class.getResource(VERBOSE);
    if (url == null) {
      throw new IllegalStateException(VERBOSE + " missing from the classpath");
    }
    try {
      ((LoggerContext) LogManager.getContext(false)).setConfigLocation(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
