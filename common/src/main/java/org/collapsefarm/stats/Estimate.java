package org.collapsefarm.stats;

/**
 * An estimate from R runs with its standard error and an interval.
 *
 * @param value the point estimate
 * @param se its standard error
 * @param low lower end of the interval
 * @param high upper end of the interval
 * @param count the number of runs R
 */
public record Estimate(double value, double se, double low, double high, long count) {}
