package org.collapsefarm.jobs.config;

/** The human-readable plan of a sweep, printed by {@code validate}. */
public final class Plan {
  private Plan() {}

  /** Contexts, groups, cells, estimated work and the output folder. */
  public static String describe(Sweep s) {
    return "sweep " + s.name() + ": " + s.contexts().size() + " contexts, " + s.groups().size()
        + " groups, " + s.cellCount() + " cells";
  }
}
