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
 *       ({@link ExactChain#MAX_STATES}, {@link ExactChain#MAX_N}), {@code ET_exact}, {@code S_m_exact},
 *       {@code survival_exact};
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
 * that is not {@link ParadigmSpec#isPlain() plain} none of these formulas applies and nothing is
 * emitted (the comparison marks those checks not-applicable). A collapse threshold ε > 0 changes T
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

  private TheoryRows() {}

  /** The rows for one group; empty when no closed form applies. */
  public static List<TheoryRow> forGroup(Context context, ParadigmSpec spec, int maxGenerations) {
    ParameterException.requireAtLeast("max-generations", maxGenerations, 1);
    List<TheoryRow> rows = new ArrayList<>();
    if (!spec.isPlain()) {
      return rows;
    }
    int[] gens = generations(maxGenerations);
    Paradigm paradigm = spec.paradigm();
    if (paradigm == Paradigm.FULLY_SYNTHETIC || (paradigm == Paradigm.MOST_RECENT && spec.window() == 1)) {
      fullySynthetic(context, spec, gens, rows);
    } else if (paradigm == Paradigm.PARTIALLY_SYNTHETIC) {
      partiallySynthetic(context, spec, gens, rows);
    } else if (paradigm == Paradigm.ACCUMULATE_SUBSAMPLE) {
      for (int m : gens) {
        if (m >= 1) {
          rows.add(new TheoryRow(m, "real_share", WangAccumulate.realShare(m, spec.rate()), WangAccumulate.SOURCE));
          if (spec.pool() == Pool.CORPORA) {
            rows.add(new TheoryRow(m, "real_share_pool", WangAccumulate.poolShare(m, spec.n(), spec.rate()),
                "pool count n/(n+(m-1)round(kn))"));
          }
        }
      }
    }
    return rows;
  }

  private static void fullySynthetic(Context context, ParadigmSpec spec, int[] gens, List<TheoryRow> rows) {
    int n = spec.n();
    boolean collapseIsDirac = spec.collapseEpsilon() == 0.0;
    SeddikTheorem1 thm = new SeddikTheorem1(context.s0(), context.support(), n);
    for (int m : gens) {
      rows.add(new TheoryRow(m, "S_m", thm.expectedSigma(m), SeddikTheorem1.SOURCE_EQ6));
    }
    if (collapseIsDirac) {
      for (int m : gens) {
        if (m >= 1) {
          rows.add(new TheoryRow(m, "rho_lower", thm.rhoLower(m), SeddikTheorem1.SOURCE_EQ7));
          rows.add(new TheoryRow(m, "rho_upper", thm.rhoUpper(m), SeddikTheorem1.SOURCE_EQ7));
          rows.add(new TheoryRow(m, "survival_lower", thm.survivalLower(m), SeddikTheorem1.SOURCE_EQ7));
          rows.add(new TheoryRow(m, "survival_upper", thm.survivalUpper(m), SeddikTheorem1.SOURCE_EQ7));
        }
      }
      rows.add(new TheoryRow(null, "ET_lower", thm.expectedTimeLower(), SeddikTheorem1.SOURCE_EQ8));
      rows.add(new TheoryRow(null, "ET_upper", thm.expectedTimeUpper(), SeddikTheorem1.SOURCE_EQ8));
      rows.add(new TheoryRow(null, "ET_diffusion", WrightFisher.expectedCollapseTime(context.probs(), n),
          WrightFisher.SOURCE));
      double[] absorb = Proposition1.absorptionProbabilities(context);
      for (int i = 0; i < absorb.length; i++) {
        rows.add(new TheoryRow(null, "absorb_prob[" + context.token(i) + "]", absorb[i], Proposition1.SOURCE));
      }
    }
    if (ExactChain.stateCount(n, context.support()) <= ExactChain.MAX_STATES && n <= ExactChain.MAX_N) {
      ExactChain chain = new ExactChain(context.probs(), n);
      ExactChain.Trajectory law = chain.iterate(gens[gens.length - 1]);
      for (int m : gens) {
        rows.add(new TheoryRow(m, "S_m_exact", law.sigma()[m], SOURCE_EXACT));
      }
      if (collapseIsDirac) {
        for (int m : gens) {
          rows.add(new TheoryRow(m, "survival_exact", law.survival()[m], SOURCE_EXACT));
        }
        rows.add(new TheoryRow(null, "ET_exact", chain.expectedCollapseTime(), SOURCE_EXACT));
      }
    }
  }

  private static void partiallySynthetic(Context context, ParadigmSpec spec, int[] gens, List<TheoryRow> rows) {
    int n = spec.n();
    int bigN = spec.realN();
    double s0 = context.s0();
    double[] s = new SeddikTheorem2(s0, bigN, n).expectedSigma(gens[gens.length - 1]);
    SeddikEq9 eq9 = new SeddikEq9(s0, bigN, n);
    for (int m : gens) {
      if (m >= 1) {
        rows.add(new TheoryRow(m, "S_m", s[m], SeddikTheorem2.SOURCE));
      }
      if (m >= 2) {
        rows.add(new TheoryRow(m, "S_m_eq9", eq9.expectedSigmaAtGeneration(m), SeddikEq9.SOURCE));
      }
    }
    int vocabulary = context.vocabulary();
    int support = context.support();
    addBound(rows, "thm3", SeddikTheorem3.logBound(bigN, n, vocabulary), SeddikTheorem3.SOURCE);
    rows.add(new TheoryRow(null, "thm3_informative_N", SeddikTheorem3.smallestInformativeN(n, vocabulary),
        SeddikTheorem3.SOURCE));
    addBound(rows, "thm3_sstar", SeddikTheorem3.logBoundTightened(bigN, n, support), SeddikTheorem3.SOURCE_TIGHTENED);
    rows.add(new TheoryRow(null, "thm3_sstar_informative_N",
        SeddikTheorem3.smallestInformativeNTightened(n, support), SeddikTheorem3.SOURCE_TIGHTENED));
    SeddikTheorem4.Lambda1 lambda = SeddikTheorem4.expectedLambda1(context.probs(), bigN);
    if (lambda.exact()) {
      rows.add(new TheoryRow(null, "E_lambda1", lambda.value(), SeddikTheorem4.SOURCE + " (exact over R)"));
      addBound(rows, "thm4", SeddikTheorem4.logBound(bigN, n, vocabulary, lambda.value()), SeddikTheorem4.SOURCE);
      addBound(rows, "thm4_sstar", SeddikTheorem4.logBoundTightened(bigN, n, support, lambda.value()),
          SeddikTheorem4.SOURCE_TIGHTENED);
    }
  }

  /** A bound on E‖p^(m) − p^(1)‖_1 (m >= 2, the same for every m) and its log10, which never overflows. */
  private static void addBound(List<TheoryRow> rows, String name, double logBound, String source) {
    rows.add(new TheoryRow(null, name + "_bound", Math.exp(logBound), source));
    rows.add(new TheoryRow(null, name + "_log10_bound", logBound / Math.log(10), source));
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
