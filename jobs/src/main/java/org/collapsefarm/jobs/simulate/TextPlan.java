package org.collapsefarm.jobs.simulate;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.TextSweep;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.text.NgramModel;
import org.collapsefarm.text.Tokenizer;

/**
 * The text part of a sweep as the executors need it (MATH.md §8): each text "context" (a corpus at
 * an n-gram order) and the {@code sweep.text} settings. Shipped once per executor in a broadcast;
 * the corpora themselves are read by the executors from {@code _corpora/} of the results folder.
 *
 * @param contexts context_id → corpus and order
 * @param maxLength tokens per generated document, EOS included
 * @param probes the probe texts
 * @param kneserNey whether the Kneser–Ney validation cross-entropy is computed
 * @param samples sample documents kept per generation from replicate 0 of each group
 */
public record TextPlan(Map<String, Context> contexts, int maxLength, List<String> probes, boolean kneserNey,
    int samples) implements Serializable {
  /** The {@code family} of text rows. */
  public static final String FAMILY = "text";

  /** A corpus at an order: the contexts row's key ({@link TextSweep.Group#contextId()}). */
  public record Context(String corpusId, String corpusName, Tokenizer tokenizer, int order) implements Serializable {}

  public TextPlan {
    contexts = Map.copyOf(contexts);
    probes = List.copyOf(probes);
  }

  /** The text part of {@code sweep} (no context without text groups). */
  public static TextPlan of(Sweep sweep) {
    TextSweep text = sweep.text();
    Map<String, Context> contexts = new LinkedHashMap<>();
    for (TextSweep.Group g : text.groups()) {
      contexts.putIfAbsent(g.contextId(), new Context(g.corpus().corpusId(), g.corpus().name(), g.corpus().tokenizer(),
          g.order()));
    }
    return new TextPlan(contexts, text.maxLength(), text.probes(), text.kneserNey(), text.samples());
  }

  /**
   * The text groups as {@link Group}s, whose cells the chunked job makes and runs like any other; a
   * text run is planned to last all M generations.
   */
  static List<Group> groups(Sweep sweep) {
    return sweep.text().groups().stream()
        .map(g -> new Group(g.groupId(), g.contextId(), g.spec(), sweep.maxGenerations()))
        .toList();
  }

  /**
   * The tokens of 4 bytes one running text cell of {@code spec} holds at its largest, whatever the
   * corpus: the training set its model's urn indexes (n, plus real-n under partially synthetic, every
   * token so far under accumulate, plus the real anchor), the n tokens it generates and the lanes it
   * generates them in ({@link NgramModel#laneTokens}), and the accumulate-subsample pool (pool =
   * corpora). The corpus, its graph and the per-edge counts come on
   * top and depend on the corpus, which is read only when the simulation starts.
   */
  static long cellTokens(ParadigmSpec spec, int maxGenerations) {
    long kept = FamilyRecursion.poolCapacity(spec, maxGenerations);
    long training = switch (spec.paradigm()) {
      case ACCUMULATE -> kept;
      case PARTIALLY_SYNTHETIC -> (long) spec.n() + spec.realN();
      default -> spec.n();
    };
    long pool = spec.paradigm() == Paradigm.ACCUMULATE_SUBSAMPLE && spec.pool() == Pool.CORPORA ? kept : 0;
    return training + spec.realAnchor() + spec.n() + NgramModel.laneTokens(spec.n()) + pool;
  }

  /**
   * The balancing weight of a text run: the tokens it generates, n per generation over M generations
   * (an n-gram token costs a few times a categorical token-generation; only the order of the cells
   * matters to the balancer).
   */
  static double estimatedCost(Group group) {
    return (double) group.spec().n() * group.estimatedGenerations();
  }
}
