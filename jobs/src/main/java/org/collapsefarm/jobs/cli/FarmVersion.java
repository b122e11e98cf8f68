package org.collapsefarm.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code farm --version} prints: the build's version and Spark's, both written into
 * {@code farm-version.properties} by Maven resource filtering (jobs/pom.xml), so they are the
 * versions the jar was built with, not typed ones.
 */
public final class FarmVersion implements IVersionProvider {
  static final String RESOURCE = "/farm-version.properties";

  @Override
  public String[] getVersion() {
    Properties p = properties();
    return new String[] {"collapse-farm " + p.getProperty("version") + " (Spark " + p.getProperty("spark.version")
        + ", Java " + Runtime.version() + ")"};
  }

  private static Properties properties() {
    Properties p = new Properties();
    try (InputStream in = FarmVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the classpath (built without Maven?)");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
