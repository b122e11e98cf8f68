package org.collapsefarm.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapsefarm.ParameterException;

/**
 * The fixed vocabulary V_0 of a corpus (MATH.md §8): id {@link #EOS} is the end-of-document token,
 * id {@link #UNK} is {@code <unk>}, and ids 2, 3, … are the training part's types in decreasing
 * frequency (ties by the type's text), capped at {@code max-vocabulary} types; every other type reads
 * as {@code <unk>}. BOS is not in V_0: it is never predicted, and the n-gram model writes it as id
 * {@link #size()}.
 */
public final class Vocabulary implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int EOS = 0;
  public static final int UNK = 1;
  public static final String EOS_TEXT = "</s>";
  public static final String UNK_TEXT = "<unk>";

  private final String[] types;
  /** Built on first use; volatile so that a thread never sees a map another thread is still filling. */
  private transient volatile Map<String, Integer> ids;

  private Vocabulary(String[] types) {
    this.types = types;
  }

  /**
   * The vocabulary of a training part with these type counts.
   *
   * @param counts occurrences of each type in the training part
   * @param maxVocabulary the most types kept (besides EOS and {@code <unk>}), ≥ 1
   */
  public static Vocabulary of(Map<String, Long> counts, int maxVocabulary) {
    ParameterException.requireAtLeast("max-vocabulary", maxVocabulary, 1);
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
            .thenComparing(Map.Entry::getKey));
    int kept = Math.min(maxVocabulary, entries.size());
    String[] types = new String[kept + 2];
    types[EOS] = EOS_TEXT;
    types[UNK] = UNK_TEXT;
    for (int i = 0; i < kept; i++) {
      types[i + 2] = entries.get(i).getKey();
    }
    return new Vocabulary(types);
  }

  /** |V_0 ∪ {<unk>}|: the types kept, EOS and {@code <unk>}. */
  public int size() {
    return types.length;
  }

  /** The id of a type, {@link #UNK} if it is not kept. */
  public int id(String type) {
    Integer id = index().get(type);
    return id == null ? UNK : id;
  }

  /** Whether the type has an id of its own. */
  public boolean contains(String type) {
    return index().containsKey(type);
  }

  /** The text of id. */
  public String type(int id) {
    return types[id];
  }

  /** The ids of tokens. */
  public int[] encode(List<String> tokens) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(tokens.get(i));
    }
    return out;
  }

  private Map<String, Integer> index() {
    Map<String, Integer> index = ids;
    if (index == null) {
      index = new HashMap<>(types.length * 2);
      for (int i = 0; i < types.length; i++) {
        index.put(types[i], i);
      }
      ids = index;
    }
    return index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && Arrays.equals(types, v.types);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(types);
  }
}
