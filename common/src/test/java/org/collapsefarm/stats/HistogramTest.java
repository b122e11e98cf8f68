package org.collapsefarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.collapsefarm.ParameterException;
import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void equalWidthBinsSkipCensored() {
    int[] t = {1, 3, 3, 4, 7, 10, 10};
    boolean[] c = {false, false, false, false, false, false, true};
    List<Histogram.Bin> bins = Histogram.of(t, c, 10, 3); // width ceil(10/3) = 4: [1,4], [5,8], [9,10]
    assertThat(bins).containsExactly(new Histogram.Bin(1, 4, 4), new Histogram.Bin(5, 8, 1), new Histogram.Bin(9, 10, 1));
    assertThatThrownBy(() -> Histogram.of(new int[] {11}, new boolean[] {false}, 10, 2))
        .isInstanceOf(ParameterException.class);
  }
}
