package org.collapsefarm.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NgramModelTest {
  static final int V = 7;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5})
  void graphHoldsEveryTrainingNgramWithItsNextState(int order) {
    TokenCorpus train = KneserNeyTest.randomCorpus(RandomSource.SPLIT_MIX_64.create(9), 30, 5);
    NgramGraph g = NgramGraph.of(train, V, order);
    var grams = KneserNeyTest.grams(train, order);
    for (int i = 0; i < train.size(); i++) {
      int e = g.trainingEdge(i);
      var gram = grams.get(i);
      int s = g.edgeState(e);
      for (int j = 0; j < order - 1; j++) {
        assertThat(g.historyToken(s, j)).isEqualTo(gram.get(j));
      }
      assertThat(g.edgeToken(e)).isEqualTo(gram.get(order - 1));
      assertThat(g.edge(s, gram.get(order - 1))).isEqualTo(e);
      // The next token's edge leaves from this edge's next state (start after EOS).
      if (i + 1 < train.size()) {
        assertThat(g.edgeState(g.trainingEdge(i + 1))).isEqualTo(g.edgeNext(e));
      }
    }
    assertThat(g.edgeState(g.trainingEdge(0))).isZero();
  }

  @Test
  void generationFollowsTheGraphAndTheBudget() {
    TokenCorpus train = KneserNeyTest.randomCorpus(RandomSource.SPLIT_MIX_64.create(3), 40, 4);
    NgramGraph g = NgramGraph.of(train, V, 3);
    int[] counts = new int[g.edges()];
    for (int i = 0; i < train.size(); i++) {
      counts[g.trainingEdge(i)]++;
    }
    NgramModel model = new NgramModel(g, 1, 1);
    model.prepare(counts);
    EdgeText out = new EdgeText(10);
    int docs = model.generate(1001, 4, CellSeeds.stream(1), out);
    assertThat(out.size()).isEqualTo(1001);
    assertThat(out.documents()).isEqualTo(docs);
    for (int d = 0; d < out.documents(); d++) {
      int from = out.documentStart(d);
      int to = out.documentEnd(d);
      assertThat(to - from).isBetween(1, 4);
      assertThat(g.edgeState(out.edge(from))).isZero();
      for (int i = from; i + 1 < to; i++) {
        assertThat(g.edgeToken(out.edge(i))).isNotEqualTo(Vocabulary.EOS);
        assertThat(g.edgeState(out.edge(i + 1))).isEqualTo(g.edgeNext(out.edge(i)));
      }
      if (to - from < 4 && d + 1 < out.documents()) {
        assertThat(g.edgeToken(out.edge(to - 1))).isEqualTo(Vocabulary.EOS);
      }
    }
  }

  /**
   * MATH.md §8: given the history counts, E[c_m(h, w)] = c_m(h)·p^(m−1)(w | h). Over R corpora drawn
   * from one model, Σ_r c_r(h, w) − p(w | h) Σ_r c_r(h) has variance p(1 − p) Σ_r c_r(h) (the
   * tokens after h are independent draws from p(· | h)); every edge's z stays below 4.5 (Bonferroni
   * over the few hundred edges at a 1 % family level is about 4).
   */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void eachSeenHistorysNextTokenDistributionIsAMartingale(int order) {
    TokenCorpus train = KneserNeyTest.randomCorpus(RandomSource.SPLIT_MIX_64.create(5), 60, 5);
    NgramGraph g = NgramGraph.of(train, V, order);
    assertThat(maxZ(g, trainingCounts(g, train), new NgramModel(g, 1, 1), 2000, 200, 11)).isLessThan(4.5);
  }

  @Test
  void topPOneAndTemperatureOneKnobPathMatchesTheModel() {
    // The knob sampler at τ = 1 and top-p just below 1 keeps every edge of a state whose rarest edge
    // carries more than 1e-3 of its mass: it must give the same distribution as the urn (z as above).
    TokenCorpus train = KneserNeyTest.randomCorpus(RandomSource.SPLIT_MIX_64.create(8), 30, 3);
    NgramGraph g = NgramGraph.of(train, V, 2);
    assertThat(maxZ(g, trainingCounts(g, train), new NgramModel(g, 1, 0.999999), 1000, 100, 2)).isLessThan(4.5);
  }

  /**
   * Documents generated side by side (lanes) are still documents 1, 2, … i.i.d. from the model, in
   * index order (MATH.md §8). A unigram model with p(EOS) = 1/5 and a cap of 6 tokens: a document's
   * length is min(G, 6) with G geometric, whatever its index. Laying the documents out in the order
   * they end, say, would make the first ones short. The mean length of each of the first 24 documents
   * (3 rounds of the lanes, never reached by the cut at 400 tokens) over 2,000 corpora against the
   * exact mean: |z| below 3.5 for all 24 (Bonferroni: a 1 % family level is z = 3.2).
   */
  @Test
  void documentsHaveTheirLawWhateverTheirIndex() {
    NgramModel model = unigramEndingOneInFive();
    int cap = 6;
    int first = 24;
    int reps = 2000;
    double mean = 0;
    double square = 0;
    for (int l = 1; l <= cap; l++) {
      double p = l < cap ? Math.pow(0.8, l - 1) * 0.2 : Math.pow(0.8, cap - 1);
      mean += l * p;
      square += l * l * p;
    }
    double sd = Math.sqrt((square - mean * mean) / reps);
    long[] sum = new long[first];
    EdgeText out = new EdgeText(400);
    UniformRandomProvider r = CellSeeds.stream(12);
    for (int rep = 0; rep < reps; rep++) {
      out.clear();
      model.generate(400, cap, r, out);
      for (int d = 0; d < first; d++) {
        sum[d] += out.documentEnd(d) - out.documentStart(d);
      }
    }
    for (int d = 0; d < first; d++) {
      assertThat(Math.abs(sum[d] / (double) reps - mean) / sd).as("document %d", d).isLessThan(3.5);
    }
  }

  /**
   * With no cap in reach the tokens of a unigram model are i.i.d., so the number of EOS in a corpus of
   * n tokens is Binomial(n, 1/5) however the documents are cut at the budget: over 4,000 corpora of 50
   * tokens (a few documents each, the last one cut), |z| below 3.9 (a two-sided 10^-4 level).
   */
  @Test
  void theBudgetCutsTheDocumentsInIndexOrder() {
    NgramModel model = unigramEndingOneInFive();
    NgramGraph g = model.graph();
    int tokens = 50;
    int reps = 4000;
    long eos = 0;
    EdgeText out = new EdgeText(tokens);
    UniformRandomProvider r = CellSeeds.stream(13);
    for (int rep = 0; rep < reps; rep++) {
      out.clear();
      model.generate(tokens, 600, r, out);
      assertThat(out.size()).isEqualTo(tokens);
      for (int i = 0; i < tokens; i++) {
        eos += g.edgeToken(out.edge(i)) == Vocabulary.EOS ? 1 : 0;
      }
    }
    double n = (double) tokens * reps;
    assertThat(Math.abs(eos - 0.2 * n) / Math.sqrt(n * 0.2 * 0.8)).isLessThan(3.9);
  }

  /** The unigram model of the corpus "2 3 4 5 EOS": p(EOS) = 1/5. */
  private static NgramModel unigramEndingOneInFive() {
    NgramModel model = new NgramModel(NgramGraph.of(TokenCorpus.of(new int[] {2, 3, 4, 5}), V, 1), 1, 1);
    model.prepare(new int[] {1, 1, 1, 1, 1});
    return model;
  }

  static int[] trainingCounts(NgramGraph g, TokenCorpus train) {
    int[] counts = new int[g.edges()];
    for (int i = 0; i < train.size(); i++) {
      counts[g.trainingEdge(i)]++;
    }
    return counts;
  }

  /**
   * The largest |z| over the edges of Σ_r c_r(h, w) − p(w | h) Σ_r c_r(h) against its sd
   * sqrt(p(1 − p) Σ_r c_r(h)), for {@code reps} corpora of {@code tokens} tokens drawn from the
   * model with these counts.
   */
  static double maxZ(NgramGraph g, int[] counts, NgramModel model, int reps, int tokens, long seed) {
    model.prepare(counts);
    long[] edgeSum = new long[g.edges()];
    long[] stateSum = new long[g.states()];
    EdgeText out = new EdgeText(tokens);
    UniformRandomProvider r = CellSeeds.stream(seed);
    for (int rep = 0; rep < reps; rep++) {
      out.clear();
      model.generate(tokens, 600, r, out);
      for (int i = 0; i < out.size(); i++) {
        edgeSum[out.edge(i)]++;
        stateSum[g.edgeState(out.edge(i))]++;
      }
    }
    double maxZ = 0;
    for (int e = 0; e < g.edges(); e++) {
      int s = g.edgeState(e);
      double p = (double) counts[e] / model.stateTotal(s);
      if (stateSum[s] > 0 && p < 1) {
        maxZ = Math.max(maxZ, Math.abs(edgeSum[e] - p * stateSum[s]) / Math.sqrt(p * (1 - p) * stateSum[s]));
      }
    }
    return maxZ;
  }

  @Test
  void smallTopPKeepsOnlyTheMostLikelyContinuation() {
    TokenCorpus train = TokenCorpus.of(new int[] {2, 3}, new int[] {2, 3}, new int[] {2, 4});
    NgramGraph g = NgramGraph.of(train, V, 2);
    int[] counts = trainingCounts(g, train);
    NgramModel model = new NgramModel(g, 1, 0.5);
    model.prepare(counts);
    EdgeText out = new EdgeText(300);
    model.generate(300, 600, CellSeeds.stream(4), out);
    for (int i = 0; i < out.size(); i++) {
      assertThat(g.edgeToken(out.edge(i))).isNotEqualTo(4); // p(4 | 2) = 1/3 is outside the 0.5 nucleus
    }
  }
}
