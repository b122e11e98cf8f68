package org.collapsefarm.jobs.report;

/**
 * One rendered figure: {@code figures/<stem>.png} and {@code .svg}, its title, and a caption saying
 * what is data and what is theory.
 */
public record Figure(FigureKind kind, String stem, String title, String caption) {}
