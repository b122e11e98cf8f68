package org.collapsefarm.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class CellSeedsTest {
  @Test
  void aStreamIsTheLibrarysGeneratorForItsSeed() {
    SplittableRandom seeds = new SplittableRandom(11);
    for (int i = 0; i < 2000; i++) {
      long seed = i < 20 ? i - 10 : i < 22 ? (i == 20 ? Long.MIN_VALUE : Long.MAX_VALUE) : seeds.nextLong();
      UniformRandomProvider library = CellSeeds.SOURCE.create(seed);
      UniformRandomProvider ours = CellSeeds.stream(seed);
      for (int k = 0; k < 20; k++) {
        assertThat(ours.nextLong()).as("seed %d, draw %d", seed, k).isEqualTo(library.nextLong());
      }
    }
  }
}
