package org.collapsefarm.text;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.ParameterException;
import org.collapsefarm.family.ModelFamily;
import org.collapsefarm.family.SamplePool;
import org.collapsefarm.measure.Metric;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;

/**
 * The text family of MATH.md §8 on the one paradigm layer ({@link
 * org.collapsefarm.family.FamilyRecursion}): an order-k maximum-likelihood n-gram model on a corpus's
 * {@link NgramGraph}. A training set ({@link Data}) is a count per edge of the graph — a corpus's
 * n-gram counts, never hashed; a model ({@link Model}) is the counts it was fitted on.
 *
 * <ul>
 *   <li>{@link #truth()} = p^(0), the model of the whole training part;
 *   <li>{@link #sample}: documents generated from the model until exactly n tokens (BOS padding, EOS
 *       a token, the length cap, the last document cut; temperature and top-p from the spec);
 *       generation 1 of fully synthetic training is {@code sample(truth(), n)}, so at order 1 it is
 *       Mult(n, p^(0)) and [S] Theorem 1 applies;
 *   <li>{@link #real}: whole training documents without replacement until exactly n tokens (the
 *       partially synthetic fixed corpus, accumulate's D_0, the real anchor);
 *   <li>{@link #merge} adds counts ("no text kept"); accumulate-subsample keeps documents in a
 *       {@link SamplePool} of edge sequences.
 * </ul>
 *
 * <p>Measurements ({@link #metrics()}): the categorical {@link Metric}s of the training set's unigram
 * distribution, the {@link TextMetric}s, two values per probe, and the absorbing token (order 1,
 * collapsed models only; NaN otherwise). Distinct-j, the documents and their mean length are taken
 * on {@link #MEASURED_TOKENS} at most (min(n, that)) tokens that {@link #measure} generates from the
 * model with the run's second stream, {@code CellSeeds.stream(mix64(seed ^ MEASUREMENT_SALT))} — a
 * function of the cell seed only — which also yields the sample documents.
 *
 * <p>Collapse: every history reachable from BOS has a single continuation. A model fitted on a
 * sample of a collapsed model writes the same text as that model (the one path, repeated and cut at
 * n), so it is {@link #absorbing}.
 *
 * <p>Unlike the other families, an instance serves <em>one run</em>: it keeps the run's measurement
 * stream, its generation counter and scratch buffers. Not thread safe.
 */
public final class TextFamily implements ModelFamily<TextFamily.Data, TextFamily.Model> {
  /** Most tokens generated per generation for the text measurements (distinct-j, documents, length). */
  public static final int MEASURED_TOKENS = 100_000;
  static final long MEASUREMENT_SALT = 0x6D6561737572654CL;

  /** Receives sample documents (the {@code samples} table). */
  public interface SampleListener {
    void sample(int generation, int index, String document);
  }

  /** Index of the first {@link TextMetric} in the values. */
  public static final int TEXT_OFFSET = Metric.COUNT;
  /** Index of the first probe value (then one collapsed flag, per probe). */
  public static final int PROBE_OFFSET = TEXT_OFFSET + TextMetric.COUNT;

  /** Index of probe p's martingale residual among the values of a run with {@code probes} probes. */
  public static int residualIndex(int probes, int p) {
    return PROBE_OFFSET + 2 * probes + 1 + p;
  }

  /** A training set: counts per edge, its size in tokens, whether a collapsed model generated all of it. */
  public static final class Data {
    final int[] counts;
    long size;
    boolean fromCollapsed;

    Data(int[] counts, long size, boolean fromCollapsed) {
      this.counts = counts;
      this.size = size;
      this.fromCollapsed = fromCollapsed;
    }
  }

  /** A fitted model: its training counts (never changed) and, once it is sampled, its sampler. */
  public static final class Model {
    final int[] counts;
    final boolean collapsed;
    final boolean absorbing;
    private NgramModel sampler;

    Model(int[] counts, boolean collapsed, boolean absorbing) {
      this.counts = counts;
      this.collapsed = collapsed;
      this.absorbing = absorbing;
    }
  }

  private final TextSetup setup;
  private final NgramGraph graph;
  private final double temperature;
  private final double topP;
  private final int maxLength;
  private final int measuredTokens;
  private final int samples;
  private final SampleListener listener;
  private final UniformRandomProvider measurementStream;
  private final RealText realText;
  private final TextMeasurements measurements;
  private final Model truth;
  private final List<String> metrics;
  private final EdgeText scratch;
  private final EdgeText measured;
  /** The scratch of every model's generation (one at a time). */
  private final DocumentLanes lanes = new DocumentLanes();
  private final double[] categorical = new double[Metric.COUNT];
  private final double[] text = new double[TextMetric.COUNT];
  private final double[] probeOut = new double[4];
  /** Whether generation m's training set is n tokens generated by p^(m−1) alone (fully synthetic, no knob). */
  private final boolean martingale;
  /** p^(m−1)(w | x) of each probe, for the martingale residual of generation m. */
  private final double[] previousProbe;
  private int generation;

  /**
   * @param spec the run's parameters (temperature and top-p are read here)
   * @param seed the cell seed (the measurement stream derives from it)
   * @param samples sample documents per generation for {@code listener} (0 for none)
   */
  public TextFamily(TextSetup setup, ParadigmSpec spec, int maxLength, long seed, int samples, SampleListener listener) {
    ParameterException.requireAtLeast("max-length", maxLength, 1);
    this.setup = setup;
    this.graph = setup.graph();
    this.temperature = spec.temperature();
    this.topP = spec.topP();
    this.maxLength = maxLength;
    this.measuredTokens = Math.min(spec.n(), MEASURED_TOKENS);
    this.samples = samples;
    this.listener = listener;
    this.measurementStream = CellSeeds.stream(CellSeeds.mix64(seed ^ MEASUREMENT_SALT));
    this.realText = new RealText(graph, setup.corpus().training());
    this.measurements = new TextMeasurements(setup);
    int[] c0 = setup.counts0();
    this.truth = new Model(c0, measurements.deterministic(c0), false);
    this.metrics = metricNames(setup.probes());
    this.scratch = new EdgeText(spec.n());
    this.measured = new EdgeText(measuredTokens);
    this.martingale = spec.paradigm() == Paradigm.FULLY_SYNTHETIC && spec.isPlain();
    this.previousProbe = new double[setup.probes().size()];
  }

  /** The measurement names of a run with these probes, in {@link #measure} order. */
  public static List<String> metricNames(List<Probe> probes) {
    List<String> names = new ArrayList<>();
    for (Metric m : Metric.values()) {
      names.add(m.column());
    }
    for (TextMetric m : TextMetric.values()) {
      names.add(m.column());
    }
    for (Probe p : probes) {
      names.add("probe:" + p.text());
      names.add("probe_collapsed:" + p.text());
    }
    names.add("absorbing_token");
    for (Probe p : probes) {
      names.add("probe_residual:" + p.text());
    }
    return List.copyOf(names);
  }

  @Override
  public String name() {
    return "text";
  }

  @Override
  public Model truth() {
    return truth;
  }

  @Override
  public Data real(int n, UniformRandomProvider rng) {
    scratch.clear();
    realText.draw(n, rng, scratch);
    return count(scratch, false);
  }

  @Override
  public Data sample(Model model, int n, UniformRandomProvider rng) {
    scratch.clear();
    sampler(model).generate(n, maxLength, rng, scratch);
    return count(scratch, model.collapsed);
  }

  private Data count(EdgeText corpus, boolean fromCollapsed) {
    int[] c = new int[graph.edges()];
    corpus.addTo(c);
    return new Data(c, corpus.size(), fromCollapsed);
  }

  private NgramModel sampler(Model model) {
    if (model.sampler == null) {
      model.sampler = new NgramModel(graph, temperature, topP, lanes);
      model.sampler.prepare(model.counts);
    }
    return model.sampler;
  }

  @Override
  public Data merge(Data into, Data other) {
    int[] c = into.counts;
    int[] o = other.counts;
    for (int i = 0; i < c.length; i++) {
      c[i] += o[i];
    }
    into.size += other.size;
    into.fromCollapsed = false;
    return into;
  }

  @Override
  public long size(Data data) {
    return data.size;
  }

  @Override
  public Model fit(Data data) {
    int[] c = data.counts.clone();
    boolean collapsed = measurements.deterministic(c);
    return new Model(c, collapsed, collapsed && data.fromCollapsed);
  }

  @Override
  public List<String> metrics() {
    return metrics;
  }

  @Override
  public void measure(Model model, double[] values) {
    int m = generation++;
    if (m == 1) {
      measurements.recordFirst(model.counts);
    }
    NgramModel s = sampler(model);
    measured.clear();
    s.generate(measuredTokens, maxLength, measurementStream, measured);
    measurements.measure(m, s, model.counts, measured, categorical, text);
    System.arraycopy(categorical, 0, values, 0, Metric.COUNT);
    System.arraycopy(text, 0, values, TEXT_OFFSET, TextMetric.COUNT);
    List<Probe> probes = setup.probes();
    for (int i = 0; i < probes.size(); i++) {
      Probe probe = probes.get(i);
      probe.evaluate(graph, model.counts, probeOut);
      values[PROBE_OFFSET + 2 * i] = probeOut[0];
      values[PROBE_OFFSET + 2 * i + 1] = probeOut[1];
      values[residualIndex(probes.size(), i)] = residual(m, probe, i);
      previousProbe[i] = probeOut[0];
    }
    values[PROBE_OFFSET + 2 * probes.size()] =
        graph.order() == 1 && model.collapsed ? graph.edgeToken(firstLive(model.counts)) : Double.NaN;
    if (listener != null) {
      for (int d = 0; d < Math.min(samples, measured.documents()); d++) {
        listener.sample(m, d, render(measured, d));
      }
    }
  }

  /**
   * The martingale residual of a probe at generation m ≥ 1 (MATH.md §8, k ≥ 1): {@code c_m(h, w) −
   * c_m(h)·p^(m−1)(w | h)} with h = x a whole history. Each of the c_m(h) visits to h draws its next
   * token from p^(m−1)(· | h), and whether a visit happens is decided before its draw, so by Wald's
   * identity the residual has mean 0 given generation m − 1 (a martingale difference: the residuals
   * of a run are uncorrelated across generations). A history gone at m − 1 is never generated again
   * (c_m(h) = 0): residual 0. NaN where the identity does not apply: generation 0, a paradigm that
   * mixes in other text or a knob that changes the sampling distribution, |x| ≠ k − 1.
   */
  private double residual(int m, Probe probe, int i) {
    if (m == 0 || !martingale || !probe.fullHistory()) {
      return Double.NaN;
    }
    double previous = previousProbe[i];
    return Double.isNaN(previous) ? probeOut[3] : probeOut[3] - probeOut[2] * previous;
  }

  private String render(EdgeText corpus, int d) {
    int from = corpus.documentStart(d);
    int to = corpus.documentEnd(d);
    int[] ids = new int[to - from];
    for (int i = from; i < to; i++) {
      ids[i - from] = graph.edgeToken(corpus.edge(i));
    }
    return setup.corpus().render(ids, 0, ids.length);
  }

  private static int firstLive(int[] counts) {
    for (int e = 0; e < counts.length; e++) {
      if (counts[e] > 0) {
        return e;
      }
    }
    throw new IllegalStateException("a model without counts");
  }

  @Override
  public boolean collapsed(Model model, double epsilon) {
    return model.collapsed;
  }

  @Override
  public boolean absorbing(Model model) {
    return model.absorbing;
  }

  @Override
  public List<String> knobs() {
    return List.of("temperature", "top-p");
  }

  @Override
  public void check(ParadigmSpec spec, Sizes sizes) {
    TokenCorpus training = setup.corpus().training();
    if (spec.paradigm() == Paradigm.PARTIALLY_SYNTHETIC) {
      RealText.check("real-n", spec.realN(), training);
    }
    if (spec.paradigm() == Paradigm.ACCUMULATE || spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE) {
      RealText.check("n", spec.n(), training);
    }
    RealText.check("real-anchor", spec.realAnchor(), training);
  }

  @Override
  public long pooledSampleBytes() {
    return Integer.BYTES;
  }

  @Override
  public SamplePool<Data, Model> newPool(long capacity) {
    EdgeText pool = new EdgeText((int) Math.min(capacity, Integer.MAX_VALUE - 8));
    return new SamplePool<>() {
      @Override
      public Data addReal(int n, UniformRandomProvider rng) {
        int from = pool.size();
        realText.draw(n, rng, pool);
        return countRange(pool, from);
      }

      @Override
      public void addSample(Model model, int n, UniformRandomProvider rng) {
        sampler(model).generate(n, maxLength, rng, pool);
      }

      @Override
      public Data subsample(int n, UniformRandomProvider rng) {
        scratch.clear();
        RealText.documentsWithoutReplacement(pool, n, rng, scratch);
        return count(scratch, false);
      }
    };
  }

  private Data countRange(EdgeText corpus, int from) {
    int[] c = new int[graph.edges()];
    for (int i = from; i < corpus.size(); i++) {
      c[corpus.edge(i)]++;
    }
    return new Data(c, corpus.size() - from, false);
  }
}
