package org.collapsefarm.jobs.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the layers of a sweep configuration: {@code reference.conf} (defaults), the sweep file on
 * top, {@code --set key=value} overrides on top of that (later ones win). Every failure becomes one
 * line naming the file and line, or the override.
 */
final class ConfigFiles {
  /** The classpath resource with the defaults. */
  static final String REFERENCE = "reference.conf";

  /**
   * The layers read.
   *
   * @param user the sweep file with the overrides on top, unresolved: what the user wrote
   * @param merged user on top of the defaults, substitutions resolved
   */
  record Layers(Config user, Config merged) {}

  private ConfigFiles() {}

  static Layers read(Path conf, List<String> overrides) throws ConfigException {
    Config file = parseFile(conf);
    Config user = file;
    for (String override : overrides) {
      user = parseOverride(override).withFallback(user);
    }
    Config reference = ConfigFactory.parseResources(ConfigFiles.class.getClassLoader(), REFERENCE,
        ConfigParseOptions.defaults().setAllowMissing(false));
    try {
      return new Layers(user, user.withFallback(reference).resolve());
    } catch (com.typesafe.config.ConfigException e) {
      throw located(e, conf.toString());
    }
  }

  private static Config parseFile(Path conf) throws ConfigException {
    String where = conf.toString();
    if (!Files.exists(conf)) {
      throw new ConfigException(where, "config file not found", "a readable HOCON file, e.g. conf/quickstart.conf");
    }
    if (Files.isDirectory(conf)) {
      throw new ConfigException(where, "is a folder, not a config file", "a readable HOCON file, e.g. conf/quickstart.conf");
    }
    if (!Files.isReadable(conf)) {
      throw new ConfigException(where, "config file is not readable", "a readable HOCON file");
    }
    try {
      return ConfigFactory.parseFile(conf.toFile(),
          ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
    } catch (com.typesafe.config.ConfigException e) {
      throw located(e, where);
    }
  }

  /**
   * {@code key=value} parsed as the HOCON {@code key = value}, so lists and quoting work as in a
   * file. A value that is not valid HOCON is taken as text, so that {@code --set
   * spark.master=local[2]} works without shell-level quoting of HOCON quotes.
   */
  private static Config parseOverride(String override) throws ConfigException {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set " + override, "expected key=value", "e.g. --set sweep.replicates=10");
    }
    String key = override.substring(0, eq).trim();
    String value = override.substring(eq + 1).trim();
    ConfigParseOptions options =
        ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setOriginDescription("--set " + override);
    try {
      return ConfigFactory.parseString(key + "=" + value, options);
    } catch (com.typesafe.config.ConfigException asHocon) {
      try {
        return ConfigFactory.parseString(key + "=" + ConfigUtil.quoteString(value), options);
      } catch (com.typesafe.config.ConfigException asText) {
        throw new ConfigException("--set " + override, "not valid HOCON: " + problem(asHocon),
            "key=value with a key such as sweep.replicates");
      }
    }
  }

  /** A Typesafe Config error as one line keyed by {@code file:line}. */
  private static ConfigException located(com.typesafe.config.ConfigException e, String fallback) {
    ConfigOrigin origin = e.origin();
    String where = fallback;
    if (origin != null) {
      String file = origin.filename() != null ? origin.filename() : origin.description();
      where = origin.lineNumber() > 0 && origin.filename() != null ? file + ":" + origin.lineNumber() : file;
    }
    return new ConfigException(where, problem(e));
  }

  /** The message without Typesafe's own origin prefix (which {@link #located} puts in the key). */
  private static String problem(com.typesafe.config.ConfigException e) {
    String message = e.getMessage();
    ConfigOrigin origin = e.origin();
    if (origin != null && message.startsWith(origin.description() + ": ")) {
      message = message.substring(origin.description().length() + 2);
    }
    return message;
  }
}
