/**
 * Model families beside the categorical kernel, and the one paradigm layer they share (MATH.md §2,
 * §7, §8; DESIGN.md "Model families beyond the categorical context").
 *
 * <h2>The seam</h2>
 *
 * A family implements {@link org.collapsefarm.family.ModelFamily ModelFamily&lt;D, M&gt;}: D is a
 * training set, M a fitted model. It supplies
 * <ul>
 *   <li>{@code real(n, rng)} — a real corpus of n samples (the fixed real set of partially
 *       synthetic training, accumulate's D_0, the real anchor);
 *   <li>{@code sample(model, n, rng)} — a training set of n samples drawn from a fitted model, or
 *       from the truth ({@code sample(truth(), n)}: generation 1 of fully synthetic training, source
 *       0 of the window and mixture paradigms);
 *   <li>{@code merge(into, other)} — the union of two training sets (sufficient statistics add);
 *   <li>{@code fit(data)}, {@code metrics()}, {@code measure(model, values)},
 *       {@code collapsed(model, ε)} and, optionally, {@code absorbing(model)};
 *   <li>{@code newPool(capacity)} — only for accumulate-subsample with {@code pool = corpora}: raw
 *       samples with draws without replacement ({@link org.collapsefarm.family.SamplePool}), and
 *       {@code pooledSampleBytes()} so that a pool too big for memory is refused up front;
 *   <li>{@code knobs()} (which of temperature, top-p, smoothing it takes) and {@code check(spec,
 *       sizes)} (its own refusals, e.g. ε required).
 * </ul>
 * {@link org.collapsefarm.family.FamilyRecursion} owns everything else, written once: the paradigms
 * fully synthetic, partially synthetic (a fixed real set), accumulate, accumulate-subsample
 * (corpora | fresh), most recent K (split | literal), randomly sampled (per-sample |
 * per-generation) — each a small {@code Sources} class — plus the real anchor, collapse times,
 * absorption and the refusals common to every family. The cell's random stream is passed in;
 * a family keeps no state between calls (one instance serves every run of a group), except in the
 * copy {@code forRun()} gives a single run, which may keep what it builds on the run's generator
 * (samplers, a decomposition's workspace) and must give exactly the shared instance's results.
 *
 * <h2>The text (n-gram) family of MATH.md §8</h2>
 *
 * {@link org.collapsefarm.text.TextFamily} follows this plan.
 *
 * D = the n-gram counts of a corpus (its documents are not needed: accumulate adds counts, MATH.md
 * §8 "no text kept"); M = the fitted n-gram model (e.g. the graph of histories of §8's closure
 * note). {@code real(n)} draws whole training documents until exactly n tokens (the last one cut),
 * {@code sample(model, n)} generates documents until n tokens (temperature and top-p are the text
 * family's knobs: return them from {@code knobs()} and read them from the spec when the family is
 * built), {@code merge} adds counts, {@code size} counts tokens. The real anchor is
 * {@code real(k)}: k real tokens of whole training documents; partially synthetic draws one fixed
 * {@code real(N)}. Only accumulate-subsample keeps documents: its {@code SamplePool} holds whole
 * documents and {@code subsample(n)} draws documents without replacement until n tokens, with
 * {@code pooledSampleBytes()} the bytes per pooled token.
 *
 * <h2>Exactness and cost</h2>
 *
 * Where the law of the sufficient statistics is known, a family samples them directly, so a
 * generation costs O(1) whatever n: {@link org.collapsefarm.family.UnivariateGaussian} (mean ~
 * N(μ, σ²/n), scatter ~ σ²χ²_{n−1}) and {@link org.collapsefarm.family.PoissonFamily} (sum ~
 * Poisson(nλ)). A generation's samples from several sources (most recent K, randomly sampled,
 * the anchor) are several training sets merged, which is exact. The categorical family keeps its
 * own optimised kernel ({@link org.collapsefarm.kernel.Recursion}); the test suite runs the
 * categorical model through this layer too and checks that both give the same laws.
 *
 * <p>Measurements reach a {@link org.collapsefarm.measure.GenerationSink} in the family's
 * {@link org.collapsefarm.family.ModelFamily#metrics()} order; the run's outcome is a
 * {@link org.collapsefarm.kernel.RunResult} like the kernel's.
 */
package org.collapsefarm.family;
