package org.collapsefarm.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.L64X128Mix;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The one random stream of a cell. A cell's seed is a function of the sweep seed and the cell's
 * stable identity only — never of partition ids, task attempts, threads or hash-map order — so the
 * same cell gives the same bits in every run, on every executor.
 *
 * <p>The mixing function: {@code seed = mix64(sweepSeed ^ mix64(cellKey + GOLDEN))} where {@code
 * mix64} is Stafford's variant 13 of the MurmurHash3 finaliser (as in SplitMix64) and {@code GOLDEN =
 * 0x9E3779B97F4A7C15}. The 64-bit seed then initialises an {@link RandomSource#L64_X128_MIX}
 * generator (LXM family, Steele &amp; Vigna 2021) through Commons RNG's own SplitMix64 seed
 * expansion.
 */
public final class CellSeeds {
  /** The generator family of every cell stream. */
  public static final RandomSource SOURCE = RandomSource.L64_X128_MIX;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** FNV-1a's state before any byte (its offset basis). */
  public static final long FNV_OFFSET_BASIS = 0xCBF29CE484222325L;

  private CellSeeds() {}

  /** Stafford's mix13 (the SplitMix64 output function): a bijection on 64-bit values. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The seed of the cell with 64-bit key {@code cellKey} in a sweep with seed {@code sweepSeed}. */
  public static long cellSeed(long sweepSeed, long cellKey) {
    return mix64(sweepSeed ^ mix64(cellKey + GOLDEN));
  }

  /**
   * A stable 64-bit key of a text identity (e.g. the canonical cell description): FNV-1a over its
   * UTF-8 bytes, then {@link #mix64}. Independent of the JVM's {@code String.hashCode}.
   */
  public static long key(String identity) {
    return mix64(fnv1a(FNV_OFFSET_BASIS, identity));
  }

  /**
   * FNV-1a continued from {@code state} over the UTF-8 bytes of {@code text}: {@code key(a + b)} is
   * {@code mix64(fnv1a(fnv1a(FNV_OFFSET_BASIS, a), b))}, so keys of ids sharing a prefix can be
   * computed from the prefix's state (e.g. millions of cell ids of one group).
   */
  public static long fnv1a(long state, String text) {
    long h = state;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h = fnv1a(h, b);
    }
    return h;
  }

  /** FNV-1a's step for one byte. */
  public static long fnv1a(long state, byte b) {
    return (state ^ (b & 0xFF)) * 0x100000001B3L;
  }

  /**
   * A fresh generator for {@code seed}: {@code SOURCE.create(seed)}, built directly. The library
   * expands the long seed to the generator's four-long native seed by SplitMix64 and constructs the
   * generator by reflection; doing the same here gives the same generator (CellSeedsTest checks it
   * draw for draw) without the reflection and the seed conversion's look-ups, which cost more than a
   * generation of the Gaussian family, once per run.
   */
  public static UniformRandomProvider stream(long seed) {
    SplitMix64 expansion = new SplitMix64(seed);
    return new L64X128Mix(new long[] {expansion.nextLong(), expansion.nextLong(), expansion.nextLong(),
        expansion.nextLong()});
  }
}
