package org.collapsefarm.theory;

/**
 * One row of the {@code theory} table (DESIGN.md): a closed-form value for a group.
 *
 * @param generation the generation m, or null for a scalar (e.g. {@code ET_lower})
 * @param quantity the quantity's name, e.g. {@code S_m}, {@code rho_upper}, {@code absorb_prob[17]}
 * @param value its value (may be {@code +∞} for a bound beyond the double range; see the log10 row)
 * @param source the theorem and equation, e.g. {@code Seddik Thm 1 eq. 6}
 */
public record TheoryRow(Integer generation, String quantity, double value, String source) {}
