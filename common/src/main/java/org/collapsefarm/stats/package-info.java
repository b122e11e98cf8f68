/**
 * The statistics of a comparison (MATH.md §5), plain Java: estimates with standard errors and 95%
 * intervals (Wilson for probabilities, Bonferroni z for several generations at once), the verdict
 * rules for exact formulas, bounds and approximations, Pearson's chi-square for [S] Proposition 1, and
 * the censored collapse-time distribution (Kaplan–Meier, quantiles, restricted mean, histogram).
 * Every check returns a {@link org.collapsefarm.stats.CheckResult} shaped like a {@code comparison} row.
 */
package org.collapsefarm.stats;
