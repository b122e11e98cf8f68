/**
 * The compare stage (issue 4 items 3–5): every group's runs against its closed forms.
 *
 * <p>{@link org.collapsefarm.jobs.compare.CompareJob} gathers, per group, the {@code runs}, the
 * {@code generation_stats} rows at the theory grid's generations and the {@code theory} rows (one
 * cogroup by group id), builds a plain-Java {@link org.collapsefarm.jobs.compare.GroupInput} and asks
 * {@link org.collapsefarm.jobs.compare.GroupComparison} for its {@code comparison} rows; the same
 * pass writes {@code collapse_times} (Kaplan–Meier, quantiles, restricted mean, histogram, censored
 * count). {@link org.collapsefarm.jobs.compare.VerdictList} is what {@code farm run} prints at the end.
 *
 * <p>Statistics (MATH.md §5), each check holding its own family-wise α = 0.05 (Bonferroni over the
 * generations it compares): exact curves of σ by {@code stats.ExactFormulaCheck} while at least 50
 * runs are live; probabilities by Clopper–Pearson intervals; E[T] by the plain mean only without
 * censoring (the restricted mean can only show an upper bound violated); Proposition 1 by Pearson's
 * chi-square; Theorems 3–4 and eq. 7–8 by {@code stats.BoundCheck} (vacuous beyond the quantity's
 * range). {@code CompareCalibration} (test sources) measures the false-alarm rates on true formulas.
 */
package org.collapsefarm.jobs.compare;
