/**
 * The theory stage (issue 4 item 2): {@link org.collapsefarm.jobs.theory.TheoryJob} writes every
 * closed form that applies to each group ({@code org.collapsefarm.theory.TheoryRows}) as the
 * {@code theory} table; {@link org.collapsefarm.jobs.theory.AtomicTables} is how this and the compare
 * stage replace a derived table whole (temporary folder, then rename), so re-runs are idempotent.
 */
package org.collapsefarm.jobs.theory;
