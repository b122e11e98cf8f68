package org.collapsefarm.jobs.config;

/** Fixed-width hexadecimal text of 64-bit keys, the form of every id in the tables. */
final class Ids {
  private static final int HEX_DIGITS = 16;

  private Ids() {}

  /** 16 lowercase hex digits, zero padded (so ids sort and compare as text). */
  static String hex(long key) {
    String h = Long.toHexString(key);
    return "0".repeat(HEX_DIGITS - h.length()) + h;
  }
}
