package org.collapsefarm.jobs.simulate;

import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * The plan's estimate of {@code submit/farm simulate}'s wall time (issue 14, item 4): the farm's fixed
 * cost ({@link #STARTUP_SECONDS}) plus the sweep's work — every cell's {@link CellPlan#estimatedCost}
 * at the CPU cost per unit measured for its paradigm family — divided by the cores. The cost unit
 * already follows the live support (token-generations, MATH.md §3); what is left per family is how
 * much a token-generation costs there (a smoothed model lives on the whole vocabulary, an anchor adds
 * a real draw every generation, a pool is sampled without replacement…) and how far the family's
 * generations fall short of the cap the unit assumes (most recent K stops at the first all-Dirac
 * window). How close it comes on the built-in studies: BENCHMARKS.md, "Plan's time estimate".
 */
public final class TimeEstimate {
  /**
   * Paradigm families with their CPU nanoseconds per cost unit, measured by {@link FamilyCost} on the
   * built-in studies at reduced replicates (BENCHMARKS.md, "Plan's time estimate", 2026-12-06).
   */
  public enum Family {
    /** 36.2 on cot-replace-grid (12.3 CPU s), 26.8 on seddik-fig2; 38 in BENCHMARKS.md, "Farm". */
    FULLY_SYNTHETIC(36),
    /** 47.7 on seddik-fig4. */
    PARTIALLY_SYNTHETIC(48),
    /** 32.2 on seddik-fig6 (the unit assumes the cap; a run stops at the first all-Dirac window). */
    MOST_RECENT(32),
    /** 59.2 on seddik-fig6. */
    RANDOMLY_SAMPLED(59),
    /** 59.3 on wang-accumulate. */
    ACCUMULATE_SUBSAMPLE(59),
    /** Accumulate with every generation's data: no built-in study measures it; accumulate-subsample's. */
    ACCUMULATE(59),
    /** Add-λ smoothing, 4,841 on mitigations: every model lives on the whole vocabulary. */
    SMOOTHED(4800),
    /** A real anchor, 341 on mitigations: fresh real samples every generation. */
    ANCHORED(340);

    private final double nanosPerCostUnit;

    Family(double nanosPerCostUnit) {
      this.nanosPerCostUnit = nanosPerCostUnit;
    }

    /** CPU nanoseconds per unit of {@link CellPlan#estimatedCost}. */
    public double nanosPerCostUnit() {
      return nanosPerCostUnit;
    }

    /** The family of a parameter set: a smoothing or anchor knob first, then the paradigm. */
    public static Family of(ParadigmSpec spec) {
      if (spec.smoothing() > 0) {
        return SMOOTHED;
      }
      if (spec.realAnchor() > 0) {
        return ANCHORED;
      }
      if (spec.paradigm() == Paradigm.MOST_RECENT && spec.window() == 1) {
        return FULLY_SYNTHETIC; // the same recursion (MATH.md §2 notes)
      }
      return switch (spec.paradigm()) {
        case FULLY_SYNTHETIC -> FULLY_SYNTHETIC;
        case PARTIALLY_SYNTHETIC -> PARTIALLY_SYNTHETIC;
        case MOST_RECENT -> MOST_RECENT;
        case RANDOMLY_SAMPLED -> RANDOMLY_SAMPLED;
        case ACCUMULATE_SUBSAMPLE -> ACCUMULATE_SUBSAMPLE;
        case ACCUMULATE -> ACCUMULATE;
      };
    }
  }

  /**
   * The farm's fixed cost of {@code submit/farm simulate} on 2 cores, whatever the sweep: JVM start,
   * Spark start and the plan, the contexts and cells tables, the partial sums, compaction of runs and
   * generation_stats, the headline query. BENCHMARKS.md, "Farm", 2026-12-01 (quiet machine): a
   * 1,000-cell sweep took 19.2 s against 1.3 s of kernel work, and the 1e5-cell one 39.7 s against
   * 17.7 s (JVM start 4 s, Spark start and plan 6 s, tables 3.4 s, partial sums 1.9 s, compaction
   * 3–4 s, headline 1–2 s).
   */
  public static final double STARTUP_SECONDS = 18;

  private TimeEstimate() {}

  /** CPU seconds of kernel work of the whole sweep (one core). */
  public static double workCoreSeconds(Sweep sweep) {
    CellPlan plan = CellPlan.of(sweep, 1);
    double nanos = 0;
    for (CellRange range : plan.groupsWithoutText()) {
      Group g = range.group();
      // a model family's unit is already ModelCost's nanoseconds; a context's depends on its paradigm
      nanos += range.cost() * (plan.models().containsKey(g.contextId())
          ? SimulateJob.NANOS_PER_COST_UNIT : Family.of(g.spec()).nanosPerCostUnit());
    }
    return nanos / 1e9;
  }

  /** The estimated wall time of simulate on {@code cores} cores: start-up plus work / cores. */
  public static double wallSeconds(Sweep sweep, int cores) {
    return STARTUP_SECONDS + workCoreSeconds(sweep) / Math.max(1, cores);
  }
}
