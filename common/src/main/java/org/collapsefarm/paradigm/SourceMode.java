package org.collapsefarm.paradigm;

import org.collapsefarm.ParameterException;

/** How randomly-sampled picks the source model of its samples (MATH.md §2, variants). */
public enum SourceMode {
  /** Each sample picks its own source g uniform on {0..m-1} ([S]'s text). */
  PER_SAMPLE("per-sample"),
  /** One source g for the whole generation. */
  PER_GENERATION("per-generation");

  private final String configName;

  SourceMode(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static SourceMode fromConfig(String name) {
    for (SourceMode s : values()) {
      if (s.configName.equals(name)) {
        return s;
      }
    }
    throw new ParameterException("source", "unknown value '" + name + "'; allowed: per-sample, per-generation");
  }
}
