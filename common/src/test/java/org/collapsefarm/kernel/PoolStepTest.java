package org.collapsefarm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapsefarm.context.Context;
import org.collapsefarm.context.Contexts;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.paradigm.Pool;
import org.collapsefarm.random.CellSeeds;
import org.junit.jupiter.api.Test;

/** The accumulate paradigms' pool bookkeeping adds up (MATH.md §2, notes). */
class PoolStepTest {
  @Test
  void accumulateSubsamplePoolIsD0PlusEveryCorpusAndTrainingSetsComeFromIt() {
    Context context = Contexts.powerLaw(60, 12, 0.2, 1);
    int n = 10;
    double rate = 0.7; // round(7.0) = 7 samples per generation join the pool
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.ACCUMULATE_SUBSAMPLE, n).withRate(rate, Pool.CORPORA);
    for (long seed = 0; seed < 20; seed++) {
      RunState st = new RunState(context, spec, CellSeeds.stream(seed));
      PoolStep step = new PoolStep(st, true);
      st.step = step;
      // Indexed by vocabulary id: positions move when tokens outside D_0 die after generation 1.
      int[] expectedPool = new int[context.vocabulary()];
      int[] previous = new int[context.vocabulary()];
      for (int m = 1; m <= 40; m++) {
        step.train(m);
        if (m == 1) {
          for (int i = 0; i < st.live; i++) {
            expectedPool[st.tokenAt[i]] = st.counts[i];
          }
        } else {
          // The pool grew by exactly the corpus S_{m−1}, drawn from the previous model's support.
          long grown = 0;
          for (int i = 0; i < st.live; i++) {
            int id = st.tokenAt[i];
            int added = step.pool()[i] - expectedPool[id];
            assertThat(added).isGreaterThanOrEqualTo(0);
            if (previous[id] == 0) {
              assertThat(added).isZero();
            }
            grown += added;
            expectedPool[id] = step.pool()[i];
          }
          assertThat(grown).isEqualTo(7);
        }
        long poolSum = 0;
        int trainSum = 0;
        for (int i = 0; i < st.live; i++) {
          poolSum += step.pool()[i];
          trainSum += st.counts[i];
          assertThat(st.counts[i]).as("drawn without replacement").isLessThanOrEqualTo(step.pool()[i]);
        }
        assertThat(poolSum).isEqualTo(step.poolTotal()).isEqualTo(n + 7L * (m - 1));
        assertThat(trainSum).isEqualTo(n);
        assertThat(st.total).isEqualTo(n);
        java.util.Arrays.fill(previous, 0);
        for (int i = 0; i < st.live; i++) {
          previous[st.tokenAt[i]] = st.counts[i];
        }
        step.advance(m);
      }
    }
  }

  @Test
  void accumulateTrainsOnTheWholePool() {
    Context context = Contexts.powerLaw(60, 12, 0.2, 1);
    ParadigmSpec spec = ParadigmSpec.defaults(Paradigm.ACCUMULATE, 10).withRate(1.5, Pool.CORPORA);
    RunState st = new RunState(context, spec, CellSeeds.stream(3));
    PoolStep step = new PoolStep(st, false);
    st.step = step;
    for (int m = 1; m <= 30; m++) {
      step.train(m);
      assertThat(st.total).isEqualTo(step.poolTotal()).isEqualTo(10 + 15L * (m - 1));
      for (int i = 0; i < st.live; i++) {
        assertThat(st.counts[i]).isEqualTo(step.pool()[i]);
      }
      step.advance(m);
    }
  }
}
