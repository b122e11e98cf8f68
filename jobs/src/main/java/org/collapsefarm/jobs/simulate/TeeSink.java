package org.collapsefarm.jobs.simulate;

import org.collapsefarm.measure.GenerationSink;

/** Feeds every generation to two sinks (the group's accumulator and a trajectory recorder). */
final class TeeSink implements GenerationSink {
  private final GenerationSink first;
  private final GenerationSink second;

  TeeSink(GenerationSink first, GenerationSink second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public void generation(int m, double[] values, boolean collapsed) {
    first.generation(m, values, collapsed);
    second.generation(m, values, collapsed);
  }

  @Override
  public boolean wantsModel() {
    return first.wantsModel() || second.wantsModel();
  }

  @Override
  public void model(int m, int[] tokens, double[] probs, int size) {
    if (first.wantsModel()) {
      first.model(m, tokens, probs, size);
    }
    if (second.wantsModel()) {
      second.model(m, tokens, probs, size);
    }
  }

  @Override
  public void absorbed(int from, int to, double[] values) {
    first.absorbed(from, to, values);
    second.absorbed(from, to, values);
  }
}
