package org.collapsefarm.stats;

/**
 * One row of the {@code collapse_times} table (DESIGN.md) for a group.
 *
 * @param statistic {@code histogram}, {@code km_survival}, {@code quantile}, {@code restricted_mean},
 *     {@code mean} (only when nothing is censored), {@code censored} or {@code runs}
 * @param generation histogram: first generation of the bin; km_survival: k; restricted_mean: the cap
 *     M; otherwise null
 * @param generationHigh histogram: last generation of the bin (inclusive); otherwise null
 * @param probability quantile: q (e.g. 0.5); otherwise null
 * @param value the count, probability, quantile (NaN when it lies beyond the cap) or mean
 * @param se its standard error where one exists (Greenwood / delta method / SE of the mean), else NaN
 */
public record CollapseTimeRow(
    String statistic, Integer generation, Integer generationHigh, Double probability, double value, double se) {}
