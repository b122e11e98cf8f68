package org.collapsefarm.jobs.config;

import java.io.Serializable;
import java.util.List;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;

/**
 * The language-model part of a sweep (MATH.md §8): corpora × orders × paradigm sets, with the
 * {@code sweep.text} settings. Empty ({@link #NONE}) for a sweep without {@code corpora}.
 *
 * @param corpora in config order
 * @param maxLength tokens per generated document, EOS included
 * @param probes the probe texts ("there was": p(was | there))
 * @param kneserNey whether the Kneser–Ney validation cross-entropy is computed ({@code evaluation})
 * @param samples generated documents kept per (group, generation), from replicate 0
 * @param groups corpora in config order, then orders, then paradigm sets in config order
 */
public record TextSweep(List<CorpusEntry> corpora, int maxLength, List<String> probes, boolean kneserNey,
    int samples, List<Group> groups) implements Serializable {

  public static final TextSweep NONE = new TextSweep(List.of(), 600, List.of(), true, 0, List.of());

  public TextSweep {
    corpora = List.copyOf(corpora);
    probes = List.copyOf(probes);
    groups = List.copyOf(groups);
  }

  public boolean isEmpty() {
    return groups.isEmpty();
  }

  /**
   * One text group: a corpus, an order and a parameter set under the sweep's cap and length.
   *
   * @param groupId 16 hex digits of {@code CellSeeds.key("text|" + corpusId + "|order=" + k +
   *     "|max-length=" + L + "|" + spec.canonical() + "|max-generations=" + M)}
   */
  public record Group(String groupId, CorpusEntry corpus, int order, ParadigmSpec spec) implements Serializable {
    static Group of(CorpusEntry corpus, int order, ParadigmSpec spec, int maxLength, int maxGenerations) {
      String id = Ids.hex(CellSeeds.key("text|" + corpus.corpusId() + "|order=" + order + "|max-length=" + maxLength
          + "|" + spec.canonical() + "|max-generations=" + maxGenerations));
      return new Group(id, corpus, order, spec);
    }

    /** The id of the group's "context": the corpus at this order (the contexts table's key). */
    public String contextId() {
      return Ids.hex(CellSeeds.key("text|" + corpus.corpusId() + "|order=" + order));
    }
  }

  /** Canonical lines for the sweep definition (empty for {@link #NONE}). */
  String canonical() {
    if (isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (CorpusEntry c : corpora) {
      b.append("corpus ").append(c.corpusId()).append(' ').append(c.canonical()).append('\n');
    }
    b.append("text max-length=").append(maxLength).append(" kneser-ney=").append(kneserNey)
        .append(" samples=").append(samples).append(" probes=").append(String.join("|", probes)).append('\n');
    for (Group g : groups) {
      b.append("text-group ").append(g.groupId()).append(" corpus=").append(g.corpus().corpusId())
          .append(" order=").append(g.order()).append(' ').append(g.spec().canonical()).append('\n');
    }
    return b.toString();
  }
}
