package org.collapsefarm.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What every run on one (corpus, order) shares, built once per executor: the corpus, its {@link
 * NgramGraph}, the model p^(0) (the counts of the whole training part), the Kneser–Ney evaluator and
 * the probes.
 */
public final class TextSetup implements Serializable {
  private static final long serialVersionUID = 1L;
  private final TextCorpus corpus;
  private final NgramGraph graph;
  private final int[] counts0;
  private final List<Probe> probes;
  private final boolean evaluateKneserNey;
  /** Built on first use (one setup serves every cell of an executor JVM, on several threads). */
  private transient volatile KneserNey kneserNey;

  /** With the Kneser–Ney evaluation on. */
  public TextSetup(TextCorpus corpus, int order, List<String> probeTexts) {
    this(corpus, order, probeTexts, true);
  }

  /** @param evaluateKneserNey whether the Kneser–Ney cross-entropy is computed ({@code evaluation}); NaN otherwise */
  public TextSetup(TextCorpus corpus, int order, List<String> probeTexts, boolean evaluateKneserNey) {
    this.corpus = corpus;
    this.evaluateKneserNey = evaluateKneserNey;
    this.graph = NgramGraph.of(corpus.training(), corpus.vocabulary().size(), order);
    this.counts0 = new int[graph.edges()];
    for (int i = 0; i < corpus.training().size(); i++) {
      counts0[graph.trainingEdge(i)]++;
    }
    List<Probe> ps = new ArrayList<>();
    for (String p : probeTexts) {
      ps.add(Probe.of(p, corpus, graph));
    }
    this.probes = List.copyOf(ps);
  }

  public TextCorpus corpus() {
    return corpus;
  }

  public NgramGraph graph() {
    return graph;
  }

  /** The counts of p^(0) (shared: never write). */
  int[] counts0() {
    return counts0;
  }

  public List<Probe> probes() {
    return probes;
  }

  boolean evaluatesKneserNey() {
    return evaluateKneserNey;
  }

  KneserNey kneserNey() {
    KneserNey kn = kneserNey;
    if (kn == null) {
      kn = new KneserNey(graph, corpus.validation());
      kneserNey = kn;
    }
    return kn;
  }

  /** The untrained reference ln|V_0 ∪ {<unk>}| ([W]'s randomly initialised model: the uniform one). */
  public double untrainedCrossEntropy() {
    return Math.log(corpus.vocabulary().size());
  }
}
