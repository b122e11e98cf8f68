package org.collapsefarm.theory;

import java.util.Optional;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * The mitigation knobs that have an exact form (MATH.md §6): under fully synthetic training (or most
 * recent with K = 1, the same process), a real anchor alone or add-λ smoothing alone makes
 * {@code E σ_m} an exact linear recursion. Temperature and top-p have none, and neither has a
 * combination of knobs.
 */
public enum KnobForm {
  /** k > 0 fresh real samples per generation: {@link RealAnchorRecursion}. */
  REAL_ANCHOR,
  /** add-λ smoothing, λ > 0: {@link SmoothingRecursion}. */
  SMOOTHING;

  /** The knob whose exact form applies to spec, or empty (plain spec, other paradigm, other knobs). */
  public static Optional<KnobForm> of(ParadigmSpec spec) {
    boolean fullySynthetic = spec.paradigm() == Paradigm.FULLY_SYNTHETIC
        || (spec.paradigm() == Paradigm.MOST_RECENT && spec.window() == 1);
    if (!fullySynthetic || spec.temperature() != 1.0 || spec.topP() != 1.0) {
      return Optional.empty();
    }
    boolean anchor = spec.realAnchor() > 0;
    boolean smoothing = spec.smoothing() > 0.0;
    if (anchor == smoothing) {
      return Optional.empty(); // neither (plain) or both (no closed form)
    }
    return Optional.of(anchor ? REAL_ANCHOR : SMOOTHING);
  }
}
