package org.collapsefarm.stats;

/** The verdict of one check, with the words of the {@code comparison} table (DESIGN.md, MATH.md §5). */
public enum Verdict {
  /** An exact formula or approximation the data cannot tell apart from the empirical estimate. */
  CONSISTENT("consistent"),
  /** A bound whose interval does not lie wholly on its wrong side. */
  HOLDS("holds"),
  /** A formula the data reject, or a bound whose interval lies wholly on its wrong side. */
  VIOLATED("violated"),
  /** A bound beyond the quantity's possible range: true, but it says nothing. */
  VACUOUS("vacuous"),
  /** The check does not apply to this group (e.g. a mitigation knob changes the process). */
  NOT_APPLICABLE("not-applicable");

  private final String word;

  Verdict(String word) {
    this.word = word;
  }

  /** The word written in the {@code verdict} column. */
  public String word() {
    return word;
  }
}
