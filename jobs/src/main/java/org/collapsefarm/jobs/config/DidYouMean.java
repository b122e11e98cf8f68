package org.collapsefarm.jobs.config;

import java.util.Collection;

/** Suggests the allowed name closest to a misspelt one (Levenshtein edit distance). */
final class DidYouMean {
  /** A suggestion is made only when at most this share of the name's characters differ. */
  private static final double MAX_EDIT_SHARE = 0.4;

  private DidYouMean() {}

  /** {@code " (did you mean 'x'?)"} for the closest allowed name, or {@code ""} when none is close. */
  static String hint(String name, Collection<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      int d = distance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    boolean close = best != null && bestDistance <= Math.max(1, Math.round(MAX_EDIT_SHARE * name.length()));
    return close ? " (did you mean '" + best + "'?)" : "";
  }

  /** Levenshtein distance: insertions, deletions and substitutions, each of cost 1. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
