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

  /**
   * The FNV-1a state of {@code groupId + "-"}: with {@link #key(long, int)} it gives the key of every
   * cell of the group without building their ids (the executors scan millions of them per chunk).
   */
  public static long keyPrefix(String groupId) {
    return CellSeeds.fnv1a(CellSeeds.FNV_OFFSET_BASIS, groupId + "-");
  }

  /**
   * {@code CellSeeds.key(cellId(groupId, replicate))}, from {@code prefix = keyPrefix(groupId)}: the
   * replicate's decimal digits, zero-padded to 6, continue the prefix's FNV-1a state.
   */
  public static long key(long prefix, int replicate) {
    if (replicate < 0) {
      throw new IllegalArgumentException("replicate must be >= 0, got " + replicate);
    }
    long h = prefix;
    for (int d = Math.max(6, digits(replicate)) - 1; d >= 0; d--) {
      h = CellSeeds.fnv1a(h, (byte) ('0' + (replicate / POWERS_OF_TEN[d]) % 10));
    }
    return CellSeeds.mix64(h);
  }

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private static int digits(int x) {
    int d = 1;
    while (d < POWERS_OF_TEN.length && x >= POWERS_OF_TEN[d]) {
      d++;
    }
    return d;
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
