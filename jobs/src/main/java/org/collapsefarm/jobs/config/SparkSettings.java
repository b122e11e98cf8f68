package org.collapsefarm.jobs.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code spark} block: {@code spark.master} and any other {@code spark.*} key, passed as text to
 * the SparkSession builder. They decide where and how fast a sweep runs, never its results, so they
 * are not part of the sweep definition.
 */
public final class SparkSettings {
  /** The master URLs Spark accepts (spark-submit's --master wins over this key). */
  private static final Pattern MASTER = Pattern.compile(
      "local|local\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\]|local-cluster\\[\\d+,\\d+,\\d+\\]"
          + "|spark://\\S+|yarn|k8s://\\S+");
  static final String MASTERS = "local, local[N], local[*], local[N,F], spark://host:port, yarn, k8s://https://host:port";

  /**
   * @param master {@code spark.master}, or null when not set
   * @param conf every other key, with its {@code spark.} prefix
   */
  record Settings(String master, Map<String, String> conf) {}

  /**
   * The fault-injection testing aid read by the simulate stage's tasks: the fraction of tasks whose
   * first attempt throws part-way (README, "Running on a cluster").
   */
  public static final String INJECT_TASK_FAILURES = "spark.collapsefarm.inject.task-failures";
  /**
   * The testing aid that makes speculation happen: the fraction of simulate tasks whose first attempt
   * pauses before its cells (README, "Running on a cluster").
   */
  public static final String INJECT_SLOW_TASKS = "spark.collapsefarm.inject.slow-tasks";

  private SparkSettings() {}

  private static boolean fraction(ConfigValue v) {
    return v.valueType() == ConfigValueType.NUMBER && ((Number) v.unwrapped()).doubleValue() >= 0
        && ((Number) v.unwrapped()).doubleValue() <= 1;
  }

  static Settings read(ConfigValue spark) throws ConfigException {
    if (spark == null) {
      return new Settings(null, Map.of());
    }
    ConfigObject block = Values.object("spark", spark, "{ master = \"local[*]\" }");
    String master = null;
    Map<String, String> conf = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : block.toConfig().entrySet()) {
      String key = "spark." + e.getKey();
      ConfigValue v = e.getValue();
      if (key.equals("spark.master")) {
        master = Values.text(key, v);
        if (!MASTER.matcher(master).matches()) {
          throw new ConfigException(key, "unknown master '" + master + "'", MASTERS);
        }
      } else if ((key.equals(INJECT_TASK_FAILURES) || key.equals(INJECT_SLOW_TASKS)) && !fraction(v)) {
        throw new ConfigException(key, "must be a number between 0 and 1 (a testing aid: the fraction of simulate "
            + "tasks whose first attempt " + (key.equals(INJECT_TASK_FAILURES) ? "fails" : "pauses") + "), got "
            + Values.describe(v));
      } else if (v.valueType() == ConfigValueType.LIST || v.valueType() == ConfigValueType.OBJECT) {
        throw new ConfigException(key, "takes one value (Spark settings are not grid axes), got " + Values.describe(v));
      } else {
        conf.put(key, String.valueOf(v.unwrapped()));
      }
    }
    return new Settings(master, conf);
  }
}
