package org.collapsefarm.jobs.compare;

import java.io.Serializable;

/**
 * What the comparison needs of one {@code runs} row (MATH.md §3): the collapse time, or censoring at
 * the cap, the absorbing token and λ_1 of p^(1) ([S] Theorem 4).
 *
 * @param replicate the cell's replicate (orders a group's runs, so sums never depend on shuffle order)
 * @param collapseTime T, or null when censored
 * @param censored whether T > M
 * @param absorbingToken the vocabulary id left at T, or null when censored
 * @param lambda1 λ_1 of the run's p^(1), NaN where the kernel does not compute it
 */
public record RunOutcome(int replicate, Integer collapseTime, boolean censored, Integer absorbingToken, double lambda1)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
