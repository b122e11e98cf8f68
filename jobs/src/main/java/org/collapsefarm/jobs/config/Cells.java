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

  /** {@code CellSeeds.key(cellId(groupId, replicate))}, without building the id. */
  public static long key(String groupId, int replicate) {
    return new KeySequence(groupId, replicate).key();
  }

  /**
   * The keys of replicates {@code from}, {@code from + 1}, … of one group, in order: FNV-1a continues
   * the state of {@code groupId + "-"} over the replicate's digits (zero-padded to 6), kept as an
   * odometer, so that a step costs a few multiplications and no string or division — the executors
   * scan every replicate of their ranges once per chunk.
   */
  public static final class KeySequence {
    private final long prefix;
    private byte[] digits;
    private int replicate;

    public KeySequence(String groupId, int from) {
      if (from < 0) {
        throw new IllegalArgumentException("replicate must be >= 0, got " + from);
      }
      this.prefix = CellSeeds.fnv1a(CellSeeds.FNV_OFFSET_BASIS, groupId + "-");
      this.replicate = from;
      this.digits = String.format(Locale.ROOT, "%06d", from).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The current replicate. */
    public int replicate() {
      return replicate;
    }

    /** The current replicate's key. */
    public long key() {
      long h = prefix;
      for (byte d : digits) {
        h = CellSeeds.fnv1a(h, d);
      }
      return CellSeeds.mix64(h);
    }

    /** Moves to the next replicate. */
    public void next() {
      replicate++;
      int i = digits.length - 1;
      while (i >= 0 && digits[i] == '9') {
        digits[i--] = '0';
      }
      if (i >= 0) {
        digits[i]++;
      } else {
        byte[] longer = new byte[digits.length + 1];
        longer[0] = '1';
        System.arraycopy(digits, 0, longer, 1, digits.length);
        digits = longer;
      }
    }
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
