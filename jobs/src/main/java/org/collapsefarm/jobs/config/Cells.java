package org.collapsefarm.jobs.config;

import java.util.Locale;
import org.collapsefarm.random.CellSeeds;

/**
 * The identity and seed of a cell, one (group, replicate) pair. Both depend only on the sweep seed,
 * the group's canonical parameters and the replicate number, never on partitions or tasks.
 */
public final class Cells {
  private Cells() {}

  /** {@code groupId + "-" + replicate as 6 digits}, e.g. {@code 3f9c0a1b2c3d4e5f-000042}. */
  public static String cellId(String groupId, int replicate) {
    return groupId + "-" + String.format(Locale.ROOT, "%06d", replicate);
  }

  /** The cell's seed: {@code CellSeeds.cellSeed(sweep seed, CellSeeds.key(cellId))}. */
  public static long seed(Sweep sweep, String cellId) {
    return seed(sweep.seed(), cellId);
  }

  /** As {@link #seed(Sweep, String)}, from the sweep seed alone (for executors). */
  public static long seed(long sweepSeed, String cellId) {
    return CellSeeds.cellSeed(sweepSeed, CellSeeds.key(cellId));
  }
}
