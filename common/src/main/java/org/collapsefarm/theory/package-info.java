/**
 * The closed forms of MATH.md §4, plain Java: [S] Theorem 1 ({@link org.collapsefarm.theory.SeddikTheorem1}),
 * Proposition 1, the Wright–Fisher diffusion, the exact fully synthetic chain for small cases
 * ({@link org.collapsefarm.theory.ExactChain}), [S] Theorem 2 (recursion) and eq. 9 as printed, Theorems 3
 * and 4 in log space, and [W]'s real-data share. {@link org.collapsefarm.theory.TheoryRows} turns them
 * into the rows of the {@code theory} table for one group.
 */
package org.collapsefarm.theory;
