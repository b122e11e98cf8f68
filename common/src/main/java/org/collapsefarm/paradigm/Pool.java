package org.collapsefarm.paradigm;

import org.collapsefarm.ParameterException;

/** What accumulate-subsample draws its n training tokens from (MATH.md §2, variants). */
public enum Pool {
  /** Without replacement from the pooled fixed corpora D_0 ∪ S_1 ∪ … ∪ S_{m-1}. */
  CORPORA("corpora"),
  /** Fresh from the mixture (p^(0) + k Σ_{j<m} p^(j)) / (1 + (m−1)k). */
  FRESH("fresh");

  private final String configName;

  Pool(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static Pool fromConfig(String name) {
    for (Pool p : values()) {
      if (p.configName.equals(name)) {
        return p;
      }
    }
    throw new ParameterException("pool", "unknown value '" + name + "'; allowed: corpora, fresh");
  }
}
