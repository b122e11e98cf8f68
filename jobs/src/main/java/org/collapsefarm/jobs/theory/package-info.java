/**
 * The theory stage (issue 4 item 2): {@link org.collapsefarm.jobs.theory.TheoryJob} writes every
 * closed form that applies to each group ({@code org.collapsefarm.theory.TheoryRows}) as the
 * {@code theory} table, replaced whole through its manifest ({@link org.collapsefarm.jobs.io.TableStore}),
 * so re-runs are idempotent.
 */
package org.collapsefarm.jobs.theory;
