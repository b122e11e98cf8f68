package org.collapsefarm.paradigm;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.collapsefarm.ParameterException;

/** The recursion paradigms of MATH.md §2, with their configuration names. */
public enum Paradigm {
  /** [S] fully synthetic = [W] replace: {@code p^(m) ~ Mult(n, p^(m-1))/n}. */
  FULLY_SYNTHETIC("fully-synthetic"),
  /** [S] partially synthetic: a fixed real corpus R of N tokens plus n fresh synthetic samples. */
  PARTIALLY_SYNTHETIC("partially-synthetic"),
  /** [S] §4.2 most recent K models (window K), allocation split or literal. */
  MOST_RECENT("most-recent"),
  /** [S] §4.2 randomly sampled earlier models, source per-sample or per-generation. */
  RANDOMLY_SAMPLED("randomly-sampled"),
  /** [W] accumulate-subsample at rate k, pool corpora or fresh. */
  ACCUMULATE_SUBSAMPLE("accumulate-subsample"),
  /** Accumulate (Kazdan et al.; Gerstgrasser et al.): train on the whole growing pool. */
  ACCUMULATE("accumulate");

  private final String configName;

  Paradigm(String configName) {
    this.configName = configName;
  }

  /** The name used in sweep files and in the {@code paradigm} column. */
  public String configName() {
    return configName;
  }

  /** Parses a configuration name; the error lists the allowed names. */
  public static Paradigm fromConfig(String name) {
    for (Paradigm p : values()) {
      if (p.configName.equals(name)) {
        return p;
      }
    }
    throw new ParameterException("paradigm", "unknown value '" + name + "'; allowed: " + allowed());
  }

  /** The allowed configuration names, comma separated. */
  public static String allowed() {
    return Arrays.stream(values()).map(Paradigm::configName).collect(Collectors.joining(", "));
  }
}
