package org.collapsefarm.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The automatic chunk count: by estimated work on the session's cores, capped by cells. */
class AutomaticChunksTest {
  /** Estimated units of work that take one {@link SimulateJob#CHUNK_SECONDS} on one core. */
  private static final double ONE_CHUNK_ON_ONE_CORE =
      SimulateJob.CHUNK_SECONDS * 1e9 / SimulateJob.NANOS_PER_COST_UNIT;

  @Test
  void smallSweepsAreOneChunk() {
    assertThat(SimulateJob.automaticChunks(3_000, 1.6e7, 2)).isEqualTo(1);
    assertThat(SimulateJob.automaticChunks(1, 0, 2)).isEqualTo(1);
  }

  @Test
  void chunksGrowWithTheWorkAndShrinkWithTheCores() {
    assertThat(SimulateJob.automaticChunks(100_000, 10 * ONE_CHUNK_ON_ONE_CORE, 1)).isEqualTo(10);
    assertThat(SimulateJob.automaticChunks(100_000, 10.5 * ONE_CHUNK_ON_ONE_CORE, 1)).isEqualTo(11);
    assertThat(SimulateJob.automaticChunks(100_000, 10 * ONE_CHUNK_ON_ONE_CORE, 5)).isEqualTo(2);
    assertThat(SimulateJob.automaticChunks(100_000, 10 * ONE_CHUNK_ON_ONE_CORE, 0)).isEqualTo(10);
  }

  @Test
  void neverMoreCellsPerChunkThanTheCapNorMoreChunksThanCells() {
    int cells = 10 * SimulateJob.MAX_CHUNK_CELLS + 1;
    assertThat(SimulateJob.automaticChunks(cells, 1.0, 64)).isEqualTo(11);
    assertThat(SimulateJob.automaticChunks(3, 1e6 * ONE_CHUNK_ON_ONE_CORE, 1)).isEqualTo(3);
  }

  @Test
  void theBenchmarkSweepOfFarmE2eIsOneChunkOnTwoCores() {
    // bench/farm-e2e.sh: 1e5 cells, 8.6e8 units, about 17 s on 2 cores (BENCHMARKS.md, "Farm").
    assertThat(SimulateJob.automaticChunks(100_000, 8.64e8, 2)).isEqualTo(1);
    assertThat(SimulateJob.automaticChunks(100_000, 8.64e8 * 20, 2)).isEqualTo(6);
  }
}
