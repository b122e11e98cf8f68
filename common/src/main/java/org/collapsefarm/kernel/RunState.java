package org.collapsefarm.kernel;

import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.context.Context;
import org.collapsefarm.measure.Measurements;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * The working state of one run, indexed by <em>position</em>. The universe is the support of p^(0)
 * (MATH.md §2: other tokens can never be drawn) or, with add-λ smoothing, the whole vocabulary (a
 * smoothed model gives every token mass). Positions {@code 0..live-1} hold the tokens that some
 * present or future source of the paradigm can still produce; the others are dead (zero in the
 * current model and in every later one). A dead token is swapped behind the live ones, so sampling
 * and measuring cost follows the live support (issue 2, item 9).
 *
 * <p>Holds the current model's counts, p^(1) (for ‖p^(m) − p^(1)‖_1) and the running sums over dead
 * tokens that {@link Measurements} needs; paradigm-specific arrays live in the {@link TrainingStep},
 * which {@link #kill} swaps through {@link TrainingStep#swap}.
 */
final class RunState {
  final UniformRandomProvider rng;
  final ParadigmSpec spec;
  final int universe;
  final boolean smoothed;
  /**
   * Whether tokens can die at all: not with smoothing (every token keeps mass) nor with a real
   * anchor (p^(0) is then a source of every generation).
   */
  final boolean canCompact;
  final SyntheticSource synthetic;
  final RealSource.Sampler realSource;

  /** Vocabulary id at each position. */
  final int[] tokenAt;
  /** p^(0) at each position. */
  final double[] p0;
  /** Training counts of the current model p^(m) at each position. */
  int[] counts;
  /** Σ counts (the training-set size). */
  long total;

  /** Counts of p^(1) by position (set after generation 1). */
  int[] counts1;
  long total1;
  /** The smoothed p^(1) by position (smoothed runs only). */
  double[] p1Smoothed;

  int live;
  /** Σ p^(0) over dead positions. */
  double deadP0;
  /** Σ counts1 over dead positions. */
  long deadCounts1;

  /** Scratch for one multinomial draw. */
  final int[] draw;

  TrainingStep step;

  RunState(Context context, ParadigmSpec spec, UniformRandomProvider rng) {
    this.rng = rng;
    this.spec = spec;
    int vocabulary = context.vocabulary();
    this.smoothed = spec.smoothing() > 0;
    this.canCompact = !smoothed && spec.realAnchor() == 0;
    int support = context.support();
    this.universe = smoothed ? vocabulary : support;
    tokenAt = new int[universe];
    p0 = new double[universe];
    for (int i = 0; i < support; i++) {
      tokenAt[i] = context.token(i);
      p0[i] = context.prob(i);
    }
    if (smoothed) {
      // Tokens outside the support of p^(0) follow it, in increasing id order.
      int next = support;
      int s = 0;
      for (int id = 0; id < vocabulary; id++) {
        if (s < support && context.token(s) == id) {
          s++;
        } else {
          tokenAt[next++] = id;
        }
      }
    }
    counts = new int[universe];
    draw = new int[universe];
    live = universe;
    synthetic = new SyntheticSource(spec, universe, tokenAt);
    realSource = RealSource.of(context, rng);
  }

  /** Mult(k, p^(0)) (real data) into out[0..live). Valid while p^(0) is a source: then all its tokens are live. */
  void real(int k, int[] out) {
    realSource.draw(k, live, out);
  }

  /** Adds the real anchor's fresh Mult(anchor, p^(0)) sample to the current training set. */
  void addAnchor() {
    int k = spec.realAnchor();
    if (k > 0) {
      real(k, draw);
      int[] c = counts;
      for (int i = 0; i < live; i++) {
        c[i] += draw[i];
      }
      total += k;
    }
  }

  /** Keeps the current model as p^(1). */
  void recordFirstModel() {
    counts1 = counts.clone();
    total1 = total;
    if (smoothed) {
      p1Smoothed = new double[universe];
      Measurements.smoothedModel(counts, total, universe, spec.smoothing(), p1Smoothed);
    }
  }

  /** The measurements of the current model into values (MATH.md §3). */
  void measure(int m, double[] values) {
    if (smoothed) {
      Measurements.smoothed(counts, total, universe, spec.smoothing(), p0, m == 1 ? null : p1Smoothed, values);
    } else {
      Measurements.unsmoothed(
          counts, total, live, p0, deadP0, m == 1 ? null : counts1, total1, (double) deadCounts1 / total1, values);
    }
  }

  /**
   * The current model p^(m) by position into {@code out} (length ≥ universe): c_i / tot over the
   * live positions, or the add-λ smoothed model over the whole vocabulary. Returns the number of
   * positions written; the others carry no mass.
   */
  int model(double[] out) {
    if (smoothed) {
      Measurements.smoothedModel(counts, total, universe, spec.smoothing(), out);
      return universe;
    }
    double inv = 1.0 / total;
    for (int i = 0; i < live; i++) {
      out[i] = counts[i] * inv;
    }
    return live;
  }

  /** The vocabulary id of the current model's most likely token (ties: smallest id). */
  int argmaxToken() {
    int best = -1;
    int bestCount = -1;
    for (int i = 0; i < live; i++) {
      int c = counts[i];
      if (c > bestCount || (c == bestCount && tokenAt[i] < tokenAt[best])) {
        best = i;
        bestCount = c;
      }
    }
    return tokenAt[best];
  }

  /** Declares position i dead: swaps it behind the live ones and adds it to the dead sums. */
  void kill(int i) {
    int j = --live;
    if (i != j) {
      swapInt(tokenAt, i, j);
      swapDouble(p0, i, j);
      swapInt(counts, i, j);
      if (counts1 != null) {
        swapInt(counts1, i, j);
      }
      step.swap(i, j);
    }
    deadP0 += p0[j];
    if (counts1 != null) {
      deadCounts1 += counts1[j];
    }
  }

  static void swapInt(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  static void swapDouble(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
