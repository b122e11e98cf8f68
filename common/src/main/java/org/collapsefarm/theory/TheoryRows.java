package org.collapsefarm.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.collapsefarm.ParameterException;
import org.collapsefarm.context.Context;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;

/**
 * Every closed form of MATH.md §4 that applies to a group (one context, one paradigm spec), as rows
 * of the {@code theory} table.
 *
 * <ul>
 *   <li>fully synthetic (and most recent with K = 1, which is the same process): {@code S_m}
 *       (eq. 6); {@code rho_lower}, {@code rho_upper}, {@code survival_lower}, {@code survival_upper}
 *       for m >= 1 (eq. 7); {@code ET_lower}, {@code ET_upper} (eq. 8); {@code ET_diffusion};
 *       {@code absorb_prob[token]} (Prop. 1); and, when the exact chain is small enough
 *       ({@link ExactChain#fits}), {@code ET_exact}, {@code S_m_exact}, {@code survival_exact} (the
 *       last two up to the generation {@link #EXACT_WORK_LIMIT} allows);
 *   <li>partially synthetic: {@code S_m} by the Theorem 2 recursion, {@code S_m_eq9} (m >= 2),
 *       {@code thm3_bound} with its {@code log10} and smallest informative N, the same with
 *       {@code s* = min(N, s~)} ({@code thm3_sstar_*}, the farm's tightening); Theorem 4 only when
 *       E[λ_1] is exact ({@code E_lambda1}, {@code thm4_*}), else left to the comparison, which
 *       estimates E[λ_1] from the runs' p^(1);
 *   <li>accumulate-subsample: {@code real_share} per generation ([W]) and, for pool = corpora,
 *       {@code real_share_pool} (the pool's actual share with corpora of round(k·n) tokens).
 * </ul>
 *
 * Mitigation knobs (temperature, top-p, smoothing, real anchor) change the process, so for a spec
 * that is not {@link ParadigmSpec#isPlain() plain} none of these formulas applies (the comparison
 * marks those checks not-applicable) — except MATH.md §6's exact recursions for a real anchor alone
 * or add-λ smoothing alone under fully synthetic training ({@link KnobForm}): {@code S_m} by
 * {@link RealAnchorRecursion} or {@link SmoothingRecursion}, with {@code S_stationary}, its limit. A collapse threshold ε > 0 changes T
 * but not σ: then only the σ formulas are emitted. Other paradigms have no closed form here.
 *
 * <p>Per-generation quantities are evaluated at {@link #generations}: every m up to
 * {@link #DENSE_GENERATIONS}, then {@link #POINTS_PER_DECADE} log-spaced points per decade, and M.
 */
public final class TheoryRows {
  /** Every generation up to this one is evaluated. */
  public static final int DENSE_GENERATIONS = 200;
  /** Log-spaced generations per factor of 10 beyond {@link #DENSE_GENERATIONS}. */
  public static final int POINTS_PER_DECADE = 20;
  public static final String SOURCE_EXACT = "exact chain (MATH.md 4)";
  /**
   * Budget of multiply-adds for the exact chain's forward iteration (lumped states² per generation,
   * about 2 s on one core): beyond it the per-generation exact rows stop at the generation it reaches
   * ({@code ET_exact}, a single linear solve, is always emitted when the chain fits).
   */
  public static final long EXACT_WORK_LIMIT = 5_000_000_000L;

  private TheoryRows() {}

  /** The rows for one group; empty when no closed form applies. */
  public static List<TheoryRow> forGroup(Context context, ParadigmSpec spec, int maxGenerations) {
    ParameterException.requireAtLeast("max-generations", maxGenerations, 1);
    List<TheoryRow> rows = new ArrayList<>();
    int[] gens = generations(maxGenerations);
    if (!spec.isPlain()) {
      KnobForm.of(spec).ifPresent(form -> knob(context, spec, form, gens, rows));
      return rows;
    }
    Paradigm paradigm = spec.paradigm();
    if (paradigm == Paradigm.FULLY_SYNTHETIC || (paradigm == Paradigm.MOST_RECENT && spec.window() == 1)) {
      fullySynthetic(context, spec, gens, rows);
    } else if (paradigm == Paradigm.PARTIALLY_SYNTHETIC) {
      partiallySynthetic(context, spec, gens, rows);
    } else if (paradigm == Paradigm.ACCUMULATE_SUBSAMPLE) {
      accumulateSubsample(spec, gens, rows);
    }
    return rows;
  }

  /** S_m and its stationary value by the exact recursion of MATH.md §6 for the spec's one knob. */
  private static void knob(Context context, ParadigmSpec spec, KnobForm form, int[] gens, List<TheoryRow> rows) {
    double s0 = s0(context);
    int maxM = gens[gens.length - 1];
    double[] s;
    double stationary;
    String source;
    if (form == KnobForm.REAL_ANCHOR) {
      RealAnchorRecursion anchor = new RealAnchorRecursion(s0, spec.n(), spec.realAnchor());
      s = anchor.expectedSigma(maxM);
      stationary = anchor.stationary();
      source = RealAnchorRecursion.SOURCE;
    } else {
      SmoothingRecursion smoothing = new SmoothingRecursion(s0, spec.n(), spec.smoothing(), context.vocabulary());
      s = smoothing.expectedSigma(maxM);
      stationary = smoothing.stationary();
      source = SmoothingRecursion.SOURCE;
    }
    for (int m : gens) {
      add(rows, m, TheoryQuantity.S_M, s[m], source);
    }
    add(rows, null, TheoryQuantity.S_STATIONARY, stationary, source);
  }

  private static void accumulateSubsample(ParadigmSpec spec, int[] gens, List<TheoryRow> rows) {
    for (int m : gens) {
      if (m >= 1) {
        add(rows, m, TheoryQuantity.REAL_SHARE, WangAccumulate.realShare(m, spec.rate()),
            WangAccumulate.SOURCE);
        if (spec.pool() == Pool.CORPORA) {
          add(rows, m, TheoryQuantity.REAL_SHARE_POOL,
              WangAccumulate.poolShare(m, spec.n(), spec.rate()), "pool count n/(n+(m-1)round(kn))");
        }
      }
    }
  }

  private static void fullySynthetic(Context context, ParadigmSpec spec, int[] gens, List<TheoryRow> rows) {
    int n = spec.n();
    boolean collapseIsDirac = spec.collapseEpsilon() == 0.0;
    SeddikTheorem1 thm = new SeddikTheorem1(s0(context), context.support(), n);
    for (int m : gens) {
      add(rows, m, TheoryQuantity.S_M, thm.expectedSigma(m), SeddikTheorem1.SOURCE_EQ6);
    }
    if (collapseIsDirac) {
      for (int m : gens) {
        if (m >= 1) {
          add(rows, m, TheoryQuantity.RHO_LOWER, thm.rhoLower(m), SeddikTheorem1.SOURCE_EQ7);
          add(rows, m, TheoryQuantity.RHO_UPPER, thm.rhoUpper(m), SeddikTheorem1.SOURCE_EQ7);
          add(rows, m, TheoryQuantity.SURVIVAL_LOWER, thm.survivalLower(m), SeddikTheorem1.SOURCE_EQ7);
          add(rows, m, TheoryQuantity.SURVIVAL_UPPER, thm.survivalUpper(m), SeddikTheorem1.SOURCE_EQ7);
        }
      }
      add(rows, null, TheoryQuantity.ET_LOWER, thm.expectedTimeLower(), SeddikTheorem1.SOURCE_EQ8);
      add(rows, null, TheoryQuantity.ET_UPPER, thm.expectedTimeUpper(), SeddikTheorem1.SOURCE_EQ8);
      add(rows, null, TheoryQuantity.ET_DIFFUSION, WrightFisher.expectedCollapseTime(context.probs(), n),
          WrightFisher.SOURCE);
      double[] absorb = Proposition1.absorptionProbabilities(context);
      for (int i = 0; i < absorb.length; i++) {
        rows.add(new TheoryRow(null, TheoryQuantity.absorbProb(context.token(i)), absorb[i], Proposition1.SOURCE));
      }
    }
    if (ExactChain.fits(n, context.support())) {
      ExactChain chain = ExactChain.of(context, n);
      long states = chain.lumpedTransientStates();
      int horizon = (int) Math.min(gens[gens.length - 1], EXACT_WORK_LIMIT / Math.max(1, states * states));
      ExactChain.Trajectory law = chain.iterate(horizon);
      for (int m : gens) {
        if (m <= horizon) {
          add(rows, m, TheoryQuantity.S_M_EXACT, law.sigma()[m], SOURCE_EXACT);
        }
      }
      if (collapseIsDirac) {
        for (int m : gens) {
          if (m <= horizon) {
            add(rows, m, TheoryQuantity.SURVIVAL_EXACT, law.survival()[m], SOURCE_EXACT);
          }
        }
        add(rows, null, TheoryQuantity.ET_EXACT, chain.expectedCollapseTime(), SOURCE_EXACT);
      }
    }
  }

  private static void partiallySynthetic(Context context, ParadigmSpec spec, int[] gens, List<TheoryRow> rows) {
    int n = spec.n();
    int bigN = spec.realN();
    double s0 = s0(context);
    double[] s = new SeddikTheorem2(s0, bigN, n).expectedSigma(gens[gens.length - 1]);
    SeddikEq9 eq9 = new SeddikEq9(s0, bigN, n);
    for (int m : gens) {
      if (m >= 1) {
        add(rows, m, TheoryQuantity.S_M, s[m], SeddikTheorem2.SOURCE);
      }
      if (m >= 2) {
        add(rows, m, TheoryQuantity.S_M_EQ9, eq9.expectedSigmaAtGeneration(m), SeddikEq9.SOURCE);
      }
    }
    int vocabulary = context.vocabulary();
    int support = context.support();
    addBound(rows, TheoryQuantity.THM3_BOUND, TheoryQuantity.THM3_LOG10_BOUND,
        SeddikTheorem3.logBound(bigN, n, vocabulary), SeddikTheorem3.SOURCE);
    add(rows, null, TheoryQuantity.THM3_INFORMATIVE_N, SeddikTheorem3.smallestInformativeN(n, vocabulary),
        SeddikTheorem3.SOURCE);
    addBound(rows, TheoryQuantity.THM3_SSTAR_BOUND, TheoryQuantity.THM3_SSTAR_LOG10_BOUND,
        SeddikTheorem3.logBoundTightened(bigN, n, support), SeddikTheorem3.SOURCE_TIGHTENED);
    add(rows, null, TheoryQuantity.THM3_SSTAR_INFORMATIVE_N,
        SeddikTheorem3.smallestInformativeNTightened(n, support), SeddikTheorem3.SOURCE_TIGHTENED);
    SeddikTheorem4.Lambda1 lambda = SeddikTheorem4.expectedLambda1(context.probs(), bigN);
    if (lambda.exact()) {
      add(rows, null, TheoryQuantity.E_LAMBDA1, lambda.value(), SeddikTheorem4.SOURCE + " (exact over R)");
      addBound(rows, TheoryQuantity.THM4_BOUND, TheoryQuantity.THM4_LOG10_BOUND,
          SeddikTheorem4.logBound(bigN, n, vocabulary, lambda.value()), SeddikTheorem4.SOURCE);
      addBound(rows, TheoryQuantity.THM4_SSTAR_BOUND, TheoryQuantity.THM4_SSTAR_LOG10_BOUND,
          SeddikTheorem4.logBoundTightened(bigN, n, support, lambda.value()),
          SeddikTheorem4.SOURCE_TIGHTENED);
    }
  }

  private static void add(List<TheoryRow> rows, Integer m, TheoryQuantity q, double value, String source) {
    rows.add(new TheoryRow(m, q.quantity(), value, source));
  }

  /** S_0, clipped to 1: p sums to 1 only within {@link Context#SUM_TOLERANCE}, so a Dirac may give 1 + 1e-10. */
  private static double s0(Context context) {
    return Math.min(1.0, context.s0());
  }

  /** A bound on E‖p^(m) − p^(1)‖_1 (m >= 2, the same for every m) and its log10, which never overflows. */
  private static void addBound(
      List<TheoryRow> rows, TheoryQuantity bound, TheoryQuantity log10, double logBound, String source) {
    add(rows, null, bound, Math.exp(logBound), source);
    add(rows, null, log10, logBound / Math.log(10), source);
  }

  /**
   * The generations at which per-generation quantities are evaluated: 0..min(M, 200), then
   * {@code round(200·10^(j/20))} for j = 1, 2, … while below M, then M itself; strictly increasing.
   */
  public static int[] generations(int maxGenerations) {
    TreeSet<Integer> set = new TreeSet<>();
    for (int m = 0; m <= Math.min(maxGenerations, DENSE_GENERATIONS); m++) {
      set.add(m);
    }
    for (int j = 1; ; j++) {
      long m = Math.round(DENSE_GENERATIONS * Math.pow(10.0, j / (double) POINTS_PER_DECADE));
      if (m >= maxGenerations) {
        break;
      }
      set.add((int) m);
    }
    set.add(Math.max(maxGenerations, 0));
    return set.stream().mapToInt(Integer::intValue).toArray();
  }
}
