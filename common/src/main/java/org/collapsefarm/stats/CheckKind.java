package org.collapsefarm.stats;

/** What a theory value claims about its quantity (the {@code kind} column of {@code comparison}). */
public enum CheckKind {
  EXACT("exact"),
  LOWER_BOUND("lower bound"),
  UPPER_BOUND("upper bound"),
  APPROXIMATION("approximation");

  private final String word;

  CheckKind(String word) {
    this.word = word;
  }

  /** The word written in the {@code kind} column. */
  public String word() {
    return word;
  }
}
