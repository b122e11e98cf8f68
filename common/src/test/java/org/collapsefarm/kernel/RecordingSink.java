package org.collapsefarm.kernel;

import java.util.ArrayList;
import java.util.List;
import org.collapsefarm.measure.GenerationSink;

/** Keeps every generation's values (absorbed generations expanded), for tests. */
final class RecordingSink implements GenerationSink {
  final List<double[]> values = new ArrayList<>();
  final List<Boolean> collapsed = new ArrayList<>();
  int absorbedFrom = -1;
  int absorbedCalls;

  @Override
  public void generation(int m, double[] v, boolean isCollapsed) {
    if (m != values.size()) {
      throw new AssertionError("generation " + m + " out of order, expected " + values.size());
    }
    if (absorbedCalls > 0) {
      throw new AssertionError("generation after absorbed");
    }
    values.add(v.clone());
    collapsed.add(isCollapsed);
  }

  @Override
  public void absorbed(int from, int to, double[] v) {
    if (from != values.size()) {
      throw new AssertionError("absorbed from " + from + " but " + values.size() + " generations seen");
    }
    absorbedCalls++;
    absorbedFrom = from;
    for (int m = from; m <= to; m++) {
      values.add(v.clone());
      collapsed.add(true);
    }
  }
}
