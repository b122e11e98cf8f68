package org.collapsefarm.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Interpolated Kneser–Ney against a brute-force computation on n-grams held as lists. */
class KneserNeyTest {
  static final int V = 7; // ids 0 (EOS) … 6; BOS = 7

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void matchesBruteForceOnAToyCorpus(int order) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(order);
    TokenCorpus train = randomCorpus(rng, 12, 3);
    TokenCorpus valid = randomCorpus(rng, 6, 6); // includes ids unseen in training (up to 6)
    NgramGraph g = NgramGraph.of(train, V, order);
    int[] counts = new int[g.edges()];
    for (int i = 0; i < train.size(); i++) {
      counts[g.trainingEdge(i)]++;
    }
    BruteForce bf = new BruteForce(order, grams(train, order));
    double expected = 0;
    List<List<Integer>> vg = grams(valid, order);
    for (List<Integer> gram : vg) {
      expected -= Math.log(bf.p(gram.subList(0, order - 1), gram.get(order - 1), order));
    }
    expected /= vg.size();
    assertThat(new KneserNey(g, valid).crossEntropy(counts)).isCloseTo(expected, within(1e-12));
    // The brute force is a distribution over V for every history (so the class is too).
    for (List<Integer> gram : vg) {
      double sum = 0;
      for (int w = 0; w < V; w++) {
        sum += bf.p(gram.subList(0, order - 1), w, order);
      }
      assertThat(sum).isCloseTo(1.0, within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void thinnedCountsStillMatch(int order) {
    // A model with some edges at zero (as after generations): the live edges are the n-grams.
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(40 + order);
    TokenCorpus train = randomCorpus(rng, 15, 4);
    TokenCorpus valid = randomCorpus(rng, 5, 6);
    NgramGraph g = NgramGraph.of(train, V, order);
    int[] counts = new int[g.edges()];
    Map<List<Integer>, Integer> kept = new HashMap<>();
    List<List<Integer>> all = grams(train, order);
    for (int i = 0; i < train.size(); i++) {
      counts[g.trainingEdge(i)]++;
    }
    for (int e = 0; e < counts.length; e++) {
      counts[e] = rng.nextInt(3) == 0 ? 0 : counts[e] + rng.nextInt(3);
    }
    for (int i = 0; i < train.size(); i++) {
      int e = g.trainingEdge(i);
      if (counts[e] > 0) {
        kept.put(all.get(i), counts[e]);
      }
    }
    BruteForce bf = new BruteForce(order, kept);
    double expected = 0;
    List<List<Integer>> vg = grams(valid, order);
    for (List<Integer> gram : vg) {
      expected -= Math.log(bf.p(gram.subList(0, order - 1), gram.get(order - 1), order));
    }
    assertThat(new KneserNey(g, valid).crossEntropy(counts)).isCloseTo(expected / vg.size(), within(1e-12));
  }

  static TokenCorpus randomCorpus(UniformRandomProvider rng, int docs, int maxId) {
    TokenCorpus.Builder b = new TokenCorpus.Builder();
    for (int d = 0; d < docs; d++) {
      int[] ids = new int[1 + rng.nextInt(6)];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = 1 + rng.nextInt(maxId);
      }
      b.add(ids);
    }
    return b.build();
  }

  /** Every predicted position's k-gram (BOS-padded), in corpus order. */
  static List<List<Integer>> grams(TokenCorpus c, int k) {
    List<List<Integer>> out = new ArrayList<>();
    for (int d = 0; d < c.documents(); d++) {
      List<Integer> seq = new ArrayList<>();
      for (int i = 0; i < k - 1; i++) {
        seq.add(V);
      }
      for (int t : c.document(d)) {
        seq.add(t);
      }
      for (int i = k - 1; i < seq.size(); i++) {
        out.add(new ArrayList<>(seq.subList(i - k + 1, i + 1)));
      }
    }
    return out;
  }

  private static BruteForce bfFromList(int k, List<List<Integer>> grams) {
    Map<List<Integer>, Integer> c = new HashMap<>();
    for (List<Integer> g : grams) {
      c.merge(g, 1, Integer::sum);
    }
    return new BruteForce(k, c);
  }

  /** Chen & Goodman's interpolated KN written out over explicit n-gram maps. */
  static final class BruteForce {
    final int k;
    /** counts[j]: order-j counts (raw at j = k, continuation below). */
    final List<Map<List<Integer>, Integer>> counts = new ArrayList<>();
    final double[] d;

    BruteForce(int k, List<List<Integer>> grams) {
      this(k, bfFromList(k, grams).counts.get(k));
    }

    BruteForce(int k, Map<List<Integer>, Integer> top) {
      this.k = k;
      for (int j = 0; j <= k; j++) {
        counts.add(new HashMap<>());
      }
      counts.set(k, top);
      for (int j = k - 1; j >= 1; j--) {
        Set<List<Integer>> longer = counts.get(j + 1).keySet();
        for (List<Integer> y : longer) {
          counts.get(j).merge(new ArrayList<>(y.subList(1, y.size())), 1, Integer::sum);
        }
      }
      d = new double[k + 1];
      for (int j = 1; j <= k; j++) {
        long n1 = counts.get(j).values().stream().filter(v -> v == 1).count();
        long n2 = counts.get(j).values().stream().filter(v -> v == 2).count();
        d[j] = n1 == 0 || n2 == 0 ? 0.5 : (double) n1 / (n1 + 2 * n2);
      }
    }

    /** p_j(w | last j−1 tokens of h). */
    double p(List<Integer> h, int w, int j) {
      if (j == 0) {
        return 1.0 / V;
      }
      List<Integer> g = h.subList(h.size() - (j - 1), h.size());
      double lower = p(h, w, j - 1);
      long total = 0;
      Set<Integer> types = new HashSet<>();
      for (Map.Entry<List<Integer>, Integer> e : counts.get(j).entrySet()) {
        if (e.getKey().subList(0, j - 1).equals(g)) {
          total += e.getValue();
          types.add(e.getKey().get(j - 1));
        }
      }
      if (total == 0) {
        return lower;
      }
      List<Integer> gw = new ArrayList<>(g);
      gw.add(w);
      int c = counts.get(j).getOrDefault(gw, 0);
      return (Math.max(c - d[j], 0) + d[j] * types.size() * lower) / total;
    }
  }
}
