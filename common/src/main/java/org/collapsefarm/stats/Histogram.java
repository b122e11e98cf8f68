package org.collapsefarm.stats;

import java.util.ArrayList;
import java.util.List;
import org.collapsefarm.ParameterException;

/**
 * Equal-width histogram of the observed collapse times on {@code [1, M]} (MATH.md §3). Censored runs
 * are not binned — their T is unknown beyond {@code T > M} — and are reported as their own count by
 * the caller (see {@link KaplanMeier#censoredCount()}), never dropped silently.
 */
public final class Histogram {
  /**
   * One bin.
   *
   * @param low first generation of the bin (inclusive)
   * @param high last generation of the bin (inclusive)
   * @param count collapsed runs with {@code low <= T <= high}
   */
  public record Bin(int low, int high, long count) {}

  private Histogram() {}

  /**
   * @param times collapse times (entries of censored runs are ignored)
   * @param isCensored censoring flags
   * @param maxGeneration the cap M
   * @param bins the number of bins wanted; the width is {@code ceil(M/bins)}, so there may be fewer
   */
  public static List<Bin> of(int[] times, boolean[] isCensored, int maxGeneration, int bins) {
    ParameterException.requireAtLeast("max-generations", maxGeneration, 1);
    ParameterException.requireAtLeast("bins", bins, 1);
    int width = (maxGeneration + bins - 1) / bins;
    int count = (maxGeneration + width - 1) / width;
    long[] counts = new long[count];
    for (int i = 0; i < times.length; i++) {
      if (!isCensored[i]) {
        if (times[i] < 1 || times[i] > maxGeneration) {
          throw new ParameterException("collapse-time", "must be in [1, " + maxGeneration + "], got " + times[i]);
        }
        counts[(times[i] - 1) / width]++;
      }
    }
    List<Bin> out = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      out.add(new Bin(1 + b * width, Math.min(maxGeneration, (b + 1) * width), counts[b]));
    }
    return out;
  }
}
