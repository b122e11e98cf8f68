package org.collapsefarm.paradigm;

import org.collapsefarm.ParameterException;

/** How most-recent-K splits its n samples over its sources (MATH.md §2, variants). */
public enum Allocation {
  /** n split as equally as possible over the min(m, K) sources, remainder to the most recent. */
  SPLIT("split"),
  /** floor(n/K) samples from each source in the window, as [S] writes it. */
  LITERAL("literal");

  private final String configName;

  Allocation(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static Allocation fromConfig(String name) {
    for (Allocation a : values()) {
      if (a.configName.equals(name)) {
        return a;
      }
    }
    throw new ParameterException("allocation", "unknown value '" + name + "'; allowed: split, literal");
  }
}
