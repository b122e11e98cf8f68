package org.collapsefarm.jobs.report;

import org.apache.spark.sql.Row;

/**
 * Short legend labels for a group from its {@code cells} row: the paradigm and only the parameters
 * that paradigm reads (MATH.md §2), then any knob away from its neutral value.
 */
final class GroupLabels {
  /** The neutral knob values (DESIGN.md "Sweep configuration"); the closed forms assume them. */
  private static final double NEUTRAL_TEMPERATURE = 1.0;
  private static final double NEUTRAL_TOP_P = 1.0;

  private GroupLabels() {}

  static String label(Row r) {
    return r.<String>getAs("paradigm") + " n=" + r.<Integer>getAs("n") + parameters(r) + knobs(r);
  }

  /** The label without n: what a figure whose series are the values of n is drawn for. */
  static String setting(Row r) {
    return r.<String>getAs("paradigm") + parameters(r) + knobs(r);
  }

  /** The parameters the group's paradigm reads besides n, each with a leading space. */
  private static String parameters(Row r) {
    StringBuilder b = new StringBuilder();
    switch (r.<String>getAs("paradigm")) {
      case "partially-synthetic" -> b.append(" N=").append(r.<Integer>getAs("real_n"));
      case "most-recent" -> b.append(" K=").append(r.<Integer>getAs("window")).append(' ')
          .append(r.<String>getAs("allocation"));
      case "randomly-sampled" -> b.append(' ').append(r.<String>getAs("source"));
      case "accumulate-subsample" -> b.append(" k=").append(number(r.getAs("rate"))).append(' ')
          .append(r.<String>getAs("pool"));
      case "accumulate" -> b.append(" k=").append(number(r.getAs("rate")));
      default -> { }
    }
    return b.toString();
  }

  /** The knobs away from their neutral values, each with a leading space ("" when all are neutral). */
  static String knobs(Row r) {
    StringBuilder b = new StringBuilder();
    if (r.<Double>getAs("temperature") != NEUTRAL_TEMPERATURE) {
      b.append(" τ=").append(number(r.getAs("temperature")));
    }
    if (r.<Double>getAs("top_p") != NEUTRAL_TOP_P) {
      b.append(" top-p=").append(number(r.getAs("top_p")));
    }
    if (r.<Double>getAs("smoothing") != 0) {
      b.append(" λ=").append(number(r.getAs("smoothing")));
    }
    if (r.<Double>getAs("collapse_epsilon") != 0) {
      b.append(" ε=").append(number(r.getAs("collapse_epsilon")));
    }
    if (r.<Integer>getAs("real_anchor") != 0) {
      b.append(" anchor=").append(r.<Integer>getAs("real_anchor"));
    }
    return b.toString();
  }

  /** True when every knob is neutral, so the paper's closed forms apply to the group as is. */
  static boolean plainKnobs(Row r) {
    return r.<Double>getAs("temperature") == NEUTRAL_TEMPERATURE && r.<Double>getAs("top_p") == NEUTRAL_TOP_P
        && r.<Double>getAs("smoothing") == 0 && r.<Double>getAs("collapse_epsilon") == 0
        && r.<Integer>getAs("real_anchor") == 0;
  }

  /** 1.0 → "1", 0.5 → "0.5". */
  static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
