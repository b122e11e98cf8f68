package org.collapsefarm.kernel;

/**
 * The outcome of one run (one cell) of the recursion.
 *
 * @param collapseTime T = min{m ≥ 1 : ‖p^(m)‖_∞ ≥ 1 − ε} ([S] Definition 1), or -1 when censored
 * @param censored true when the run reached the cap M without collapsing (T > M)
 * @param absorbingToken the vocabulary id of the token that remains at T, or -1 when censored
 * @param generationsRun generations actually simulated (≤ M; fewer when stopped early as absorbed)
 * @param finalValues the metrics at generation M (filled exactly when stopped early), indexed by
 *     {@link org.collapsefarm.measure.Metric#ordinal()}
 * @param lambda1 λ_1 = max_A p^(1)(A)·p^(1)(A^c) of [S] Theorem 4, or NaN where not computed
 * @param tokenGenerations Σ over simulated generations m of the live support the kernel works on when
 *     it draws generation m (the tokens any source of generation m can produce: for fully synthetic
 *     the support of p^(m-1), s~ at m = 1); the work measure of the benchmark
 */
public record RunResult(
    int collapseTime,
    boolean censored,
    int absorbingToken,
    int generationsRun,
    double[] finalValues,
    double lambda1,
    long tokenGenerations) {}
