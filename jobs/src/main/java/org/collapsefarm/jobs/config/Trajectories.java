package org.collapsefarm.jobs.config;

import java.io.Serializable;
import org.collapsefarm.ParameterException;

/**
 * Which cells write their per-generation measurements to the {@code trajectories} table
 * ({@code sweep.record.trajectories}). Off by default: {@code generation_stats} already holds the
 * per-generation sums of every group.
 *
 * @param mode none, all, or sample
 * @param sampleSize with {@link Mode#SAMPLE}: the number of replicates of each group that are
 *     recorded, replicates {@code 0 .. sampleSize-1} (so every group gets the same, deterministic
 *     sample); 0 otherwise
 */
public record Trajectories(Mode mode, int sampleSize) implements Serializable {
  /** Nothing recorded. */
  public static final Trajectories NONE = new Trajectories(Mode.NONE, 0);

  /** The values of {@code sweep.record.trajectories}. */
  public enum Mode {
    NONE("none"),
    ALL("all"),
    SAMPLE("sample");

    private final String configName;

    Mode(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    /** Parses a configuration name; the error lists the allowed names. */
    public static Mode fromConfig(String name) {
      for (Mode m : values()) {
        if (m.configName.equals(name)) {
          return m;
        }
      }
      throw new ParameterException("trajectories", "unknown value '" + name + "'; allowed: none, all, sample");
    }
  }

  /** True when replicate {@code replicate} of any group writes its trajectory. */
  public boolean records(int replicate) {
    return switch (mode) {
      case NONE -> false;
      case ALL -> true;
      case SAMPLE -> replicate < sampleSize;
    };
  }

  /** The canonical text, part of the sweep definition. */
  public String canonical() {
    return mode == Mode.SAMPLE ? "sample;sample-size=" + sampleSize : mode.configName();
  }
}
