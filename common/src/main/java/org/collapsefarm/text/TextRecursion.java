package org.collapsefarm.text;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.ParameterException;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.random.CellSeeds;

/**
 * One cell of the n-gram recursion on a corpus (MATH.md §8): p^(0) is the maximum-likelihood model of
 * the whole training part; generation m ≥ 1 is trained on
 * <ul>
 *   <li>fully synthetic: n tokens generated from p^(m−1) (so generation 1 is the text counterpart of
 *       Mult(n, p^(0)), and at order 1 exactly that);
 *   <li>partially synthetic: a fixed real corpus R of N tokens (whole training documents, drawn once)
 *       plus, from generation 2 on, n tokens generated from p^(m−1);
 *   <li>accumulate: D_0 (n real tokens) plus round(rate·n) tokens generated from each earlier model:
 *       the counts add up, no text is kept;
 *   <li>accumulate-subsample ({@code pool = corpora}): n tokens of whole documents drawn without
 *       replacement from the pool D_0 ∪ S_1 ∪ … ∪ S_{m−1}, S_t = round(rate·n) tokens from p^(t);
 * </ul>
 * plus, with a real anchor of a tokens, a fresh a tokens of whole training documents every
 * generation. Temperature and top-p act when text is generated. Every draw comes from the cell's one
 * stream ({@link CellSeeds#stream}), in a fixed order, so a cell gives the same bits everywhere.
 *
 * <p>Collapse (DESIGN.md): the model is collapsed when every history reachable from BOS has a single
 * continuation — it can only write one fixed document; at order 1 that is a Dirac mass, [S]
 * Definition 1. Under fully synthetic without anchor a collapsed model at m makes every model from
 * m + 1 on the same (it writes the same text), so the run stops after m + 1 and the sink gets the
 * rest in one {@link TextSink#absorbed} call.
 */
public final class TextRecursion {
  private TextRecursion() {}

  /** A run's outcome: T (−1 if censored), the absorbing token at order 1 (−1 otherwise), generations simulated. */
  public record Result(int collapseTime, int absorbingToken, int generationsRun, double[] finalValues, double[] finalText) {
    public boolean censored() {
      return collapseTime < 0;
    }
  }

  /** Throws {@link ParameterException} if the spec cannot run on any corpus. */
  public static void checkSpec(ParadigmSpec spec) {
    switch (spec.paradigm()) {
      case FULLY_SYNTHETIC, PARTIALLY_SYNTHETIC, ACCUMULATE -> { }
      case ACCUMULATE_SUBSAMPLE -> {
        if (spec.pool() != Pool.CORPORA) {
          throw new ParameterException("pool", "text supports pool = corpora only");
        }
      }
      default -> throw new ParameterException(
          "paradigm", spec.paradigm().configName() + " is not available for text yet; allowed: fully-synthetic, "
              + "partially-synthetic, accumulate, accumulate-subsample");
    }
    if (spec.smoothing() != 0) {
      throw new ParameterException("smoothing", "applies to categorical contexts only; text models are maximum likelihood");
    }
  }

  /** Throws {@link ParameterException} if the spec cannot run on this corpus. */
  public static void check(ParadigmSpec spec, TokenCorpus training, int maxLength) {
    ParameterException.requireAtLeast("max-length", maxLength, 1);
    checkSpec(spec);
    if (spec.paradigm() == Paradigm.PARTIALLY_SYNTHETIC) {
      RealText.check("real-n", spec.realN(), training);
    }
    if (spec.paradigm() == Paradigm.ACCUMULATE || spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE) {
      RealText.check("n", spec.n(), training);
    }
    RealText.check("real-anchor", spec.realAnchor(), training);
  }

  public static Result run(TextSetup setup, ParadigmSpec spec, int maxLength, int maxGenerations, long seed,
      int samples, TextSink sink) {
    ParameterException.requireAtLeast("max-generations", maxGenerations, 1);
    TokenCorpus training = setup.corpus().training();
    check(spec, training, maxLength);
    NgramGraph graph = setup.graph();
    UniformRandomProvider rng = CellSeeds.stream(seed);
    int edges = graph.edges();
    int synthetic = switch (spec.paradigm()) {
      case ACCUMULATE, ACCUMULATE_SUBSAMPLE -> (int) Math.round(spec.rate() * spec.n());
      default -> spec.n();
    };
    NgramModel model = new NgramModel(graph, spec.temperature(), spec.topP());
    TextMeasurements measure = new TextMeasurements(setup);
    RealText real = new RealText(graph, training);
    EdgeText generated = new EdgeText(synthetic);
    EdgeText scratch = new EdgeText(Math.max(spec.n(), spec.realAnchor()));
    int[] counts = new int[edges];
    int[] kept = null; // R (partially synthetic) or the pooled counts (accumulate)
    EdgeText pool = null; // accumulate-subsample's documents
    List<Probe> probes = setup.probes();
    double[] values = new double[Metric.COUNT];
    double[] text = new double[TextMetric.COUNT];
    double[] probeValues = new double[probes.size()];
    boolean[] probeCollapsed = new boolean[probes.size()];
    double[] probeOut = new double[2];

    model.prepare(setup.counts0());
    model.generate(synthetic, maxLength, rng, generated);
    boolean collapsed = measureInto(0, measure, model, setup.counts0(), generated, values, text, probes, probeValues,
        probeCollapsed, probeOut);
    sink.generation(0, values, text, probeValues, probeCollapsed, collapsed);
    emitSamples(0, setup.corpus(), graph, generated, samples, sink);

    int collapseTime = -1;
    int absorbing = -1;
    int m = 0;
    while (m < maxGenerations) {
      m++;
      java.util.Arrays.fill(counts, 0);
      switch (spec.paradigm()) {
        case FULLY_SYNTHETIC -> generated.addTo(counts);
        case PARTIALLY_SYNTHETIC -> {
          if (m == 1) {
            scratch.clear();
            real.draw(spec.realN(), rng, scratch);
            kept = new int[edges];
            scratch.addTo(kept);
          } else {
            generated.addTo(counts);
          }
          add(kept, counts);
        }
        case ACCUMULATE -> {
          if (m == 1) {
            scratch.clear();
            real.draw(spec.n(), rng, scratch);
            kept = new int[edges];
            scratch.addTo(kept);
          } else {
            generated.addTo(kept);
          }
          add(kept, counts);
        }
        case ACCUMULATE_SUBSAMPLE -> {
          if (m == 1) {
            pool = new EdgeText(spec.n());
            real.draw(spec.n(), rng, pool);
            pool.addTo(counts);
          } else {
            pool.append(generated);
            scratch.clear();
            subsample(pool, spec.n(), rng, scratch);
            scratch.addTo(counts);
          }
        }
        default -> throw new IllegalStateException("unchecked paradigm " + spec.paradigm());
      }
      if (spec.realAnchor() > 0) {
        scratch.clear();
        real.draw(spec.realAnchor(), rng, scratch);
        scratch.addTo(counts);
      }
      model.prepare(counts);
      if (m == 1) {
        measure.recordFirst(counts);
      }
      generated.clear();
      model.generate(synthetic, maxLength, rng, generated);
      boolean wasCollapsed = collapsed;
      collapsed = measureInto(m, measure, model, counts, generated, values, text, probes, probeValues, probeCollapsed,
          probeOut);
      sink.generation(m, values, text, probeValues, probeCollapsed, collapsed);
      emitSamples(m, setup.corpus(), graph, generated, samples, sink);
      if (collapsed && collapseTime < 0) {
        collapseTime = m;
        absorbing = graph.order() == 1 ? graph.edgeToken(firstLive(counts)) : -1;
      }
      if (wasCollapsed && m >= 2 && collapseTime >= 0 && collapseTime < m
          && spec.paradigm() == Paradigm.FULLY_SYNTHETIC && spec.realAnchor() == 0) {
        break;
      }
    }
    if (m < maxGenerations) {
      sink.absorbed(m + 1, maxGenerations);
    }
    return new Result(collapseTime, absorbing, m, values.clone(), text.clone());
  }

  private static int firstLive(int[] counts) {
    for (int e = 0; e < counts.length; e++) {
      if (counts[e] > 0) {
        return e;
      }
    }
    throw new IllegalStateException("a model without counts");
  }

  private static void add(int[] from, int[] into) {
    for (int i = 0; i < from.length; i++) {
      into[i] += from[i];
    }
  }

  /** n tokens of whole documents of the pool, without replacement, the last one cut. */
  static void subsample(EdgeText pool, int n, UniformRandomProvider rng, EdgeText out) {
    int docs = pool.documents();
    int[] order = new int[docs];
    for (int d = 0; d < docs; d++) {
      order[d] = d;
    }
    int remaining = n;
    for (int i = 0; remaining > 0; i++) {
      int j = i + rng.nextInt(docs - i);
      int d = order[j];
      order[j] = order[i];
      order[i] = d;
      int from = pool.documentStart(d);
      int take = Math.min(remaining, pool.documentEnd(d) - from);
      out.appendDocument(pool.edges, from, from + take);
      remaining -= take;
    }
  }

  private static boolean measureInto(int m, TextMeasurements measure, NgramModel model, int[] counts, EdgeText generated,
      double[] values, double[] text, List<Probe> probes, double[] probeValues, boolean[] probeCollapsed,
      double[] out) {
    boolean collapsed = measure.measure(m, model, counts, generated, values, text);
    for (int i = 0; i < probes.size(); i++) {
      probes.get(i).evaluate(model.graph(), counts, out);
      probeValues[i] = out[0];
      probeCollapsed[i] = out[1] != 0;
    }
    return collapsed;
  }

  private static void emitSamples(int m, TextCorpus corpus, NgramGraph graph, EdgeText generated, int samples,
      TextSink sink) {
    if (!sink.wantsSamples()) {
      return;
    }
    for (int d = 0; d < Math.min(samples, generated.documents()); d++) {
      int from = generated.documentStart(d);
      int to = generated.documentEnd(d);
      int[] ids = new int[to - from];
      for (int i = from; i < to; i++) {
        ids[i - from] = graph.edgeToken(generated.edge(i));
      }
      sink.sample(m, d, corpus.render(ids, 0, ids.length));
    }
  }
}
