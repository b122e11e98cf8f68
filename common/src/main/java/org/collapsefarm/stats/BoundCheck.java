package org.collapsefarm.stats;

import java.util.List;
import java.util.Locale;
import org.collapsefarm.ParameterException;

/**
 * Does a bound hold (MATH.md §5)? A bound holds when the empirical interval does not lie wholly on
 * its wrong side: an upper bound B is violated when {@code ci_low > B}, a lower bound when
 * {@code ci_high < B}. A bound outside the quantity's possible range is {@code vacuous} (true and
 * uninformative): an upper bound at or above the largest possible value (2 for an L1 distance, 1 for
 * a probability), a lower bound at or below the smallest. Over several generations the caller builds
 * the intervals with the Bonferroni z of {@link Intervals#zTwoSided}{@code (α, k)}; the verdict is
 * violated if any generation is, vacuous if every generation is, else holds. Tightness is
 * empirical ÷ bound at the informative generation where it is closest to 1.
 */
public final class BoundCheck {
  /**
   * One generation's comparison (for a scalar bound, a single point with any generation).
   *
   * @param generation m
   * @param estimate the empirical estimate
   * @param low lower end of its interval
   * @param high upper end of its interval
   * @param bound the bound's value
   */
  public record Point(int generation, double estimate, double low, double high, double bound) {}

  private BoundCheck() {}

  /**
   * @param kind {@link CheckKind#UPPER_BOUND} or {@link CheckKind#LOWER_BOUND}
   * @param points the generations compared
   * @param minPossible the quantity's smallest possible value (e.g. 0)
   * @param maxPossible its largest possible value (e.g. 1 for a probability, 2 for an L1 distance)
   * @param intervalNote how the intervals were made, e.g. "Wilson, Bonferroni z = 3.48 over 200"
   * @param vacuousNote appended when vacuous, e.g. "informative from N = 1.2e9"; may be empty
   */
  public static CheckResult check(
      CheckKind kind, List<Point> points, double minPossible, double maxPossible, String intervalNote,
      String vacuousNote) {
    if (kind != CheckKind.UPPER_BOUND && kind != CheckKind.LOWER_BOUND) {
      throw new ParameterException("kind", "a bound check needs upper bound or lower bound, got " + kind.word());
    }
    if (points.isEmpty()) {
      return CheckResult.notApplicable(kind, Double.NaN, "no generation to compare");
    }
    boolean upper = kind == CheckKind.UPPER_BOUND;
    Point worstViolation = null;
    double worstGap = 0;
    int violations = 0;
    Point tightest = null;
    double tightestDistance = Double.POSITIVE_INFINITY;
    Point leastVacuous = null;
    int vacuous = 0;
    for (Point p : points) {
      boolean isVacuous = upper ? p.bound() >= maxPossible : p.bound() <= minPossible;
      if (isVacuous) {
        vacuous++;
        if (leastVacuous == null || (upper ? p.bound() < leastVacuous.bound() : p.bound() > leastVacuous.bound())) {
          leastVacuous = p;
        }
        continue;
      }
      double gap = upper ? p.low() - p.bound() : p.bound() - p.high();
      if (gap > 0) {
        violations++;
        if (gap > worstGap) {
          worstGap = gap;
          worstViolation = p;
        }
      }
      double ratio = p.estimate() / p.bound();
      if (ratio > 0 && Double.isFinite(ratio)) {
        double distance = Math.abs(Math.log(ratio));
        if (distance < tightestDistance) {
          tightestDistance = distance;
          tightest = p;
        }
      }
    }
    int k = points.size();
    if (violations > 0) {
      Point w = worstViolation;
      String detail = String.format(Locale.ROOT,
          "violated at %d of %d generations; worst m = %d: interval [%.6g, %.6g] %s bound %.6g (%s)",
          violations, k, w.generation(), w.low(), w.high(), upper ? "wholly above" : "wholly below", w.bound(),
          intervalNote);
      return result(Verdict.VIOLATED, kind, w, detail);
    }
    if (vacuous == k) {
      Point v = leastVacuous;
      String factor = upper
          ? String.format(Locale.ROOT, "vacuous by a factor of %.3g: bound %.6g >= %s, the largest possible value",
              v.bound() / maxPossible, v.bound(), fmt(maxPossible))
          : String.format(Locale.ROOT, "vacuous: lower bound %.6g <= %s, the smallest possible value",
              v.bound(), fmt(minPossible));
      String detail = factor + (k > 1 ? " (least vacuous at m = " + v.generation() + " of " + k + " generations)" : "")
          + (vacuousNote == null || vacuousNote.isEmpty() ? "" : "; " + vacuousNote);
      return result(Verdict.VACUOUS, kind, v, detail);
    }
    Point t = tightest != null ? tightest : points.get(0);
    String detail = String.format(Locale.ROOT,
        "holds at all %d generations (%d of them vacuous); tightest at m = %d: empirical/bound = %.4g (%s)",
        k, vacuous, t.generation(), t.estimate() / t.bound(), intervalNote);
    return result(Verdict.HOLDS, kind, t, detail);
  }

  private static CheckResult result(Verdict verdict, CheckKind kind, Point p, String detail) {
    double tightness = p.estimate() / p.bound();
    return new CheckResult(verdict, kind, p.estimate(), p.low(), p.high(), p.bound(),
        Double.isFinite(tightness) ? tightness : Double.NaN, detail);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
