package org.collapsefarm.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapsefarm.ParameterException;
import org.junit.jupiter.api.Test;

class DocumentSplitTest {
  @Test
  void shareOfValidationDocumentsMatchesTheFraction() {
    DocumentSplit split = new DocumentSplit(0.1, 7);
    int n = 20_000;
    int valid = 0;
    for (int i = 0; i < n; i++) {
      valid += split.isValidation("document number " + i) ? 1 : 0;
    }
    // Binomial(n, 0.1): sd = sqrt(n·0.1·0.9) ≈ 42; z = 4.
    assertThat(Math.abs(valid - 0.1 * n)).isLessThan(4 * Math.sqrt(n * 0.1 * 0.9));
  }

  @Test
  void dependsOnTextAndSeedOnly() {
    int differ = 0;
    for (int i = 0; i < 1000; i++) {
      String d = "doc " + i;
      assertThat(new DocumentSplit(0.5, 3).isValidation(d)).isEqualTo(new DocumentSplit(0.5, 3).isValidation(d));
      differ += new DocumentSplit(0.5, 3).isValidation(d) != new DocumentSplit(0.5, 4).isValidation(d) ? 1 : 0;
    }
    // Two seeds split independently: about half the documents change side (sd ≈ 16; z = 6).
    assertThat(differ).isBetween(400, 600);
    assertThat(new DocumentSplit(0, 1).isValidation("x")).isFalse();
  }

  @Test
  void fractionOutsideRangeNamesTheKey() {
    assertThatThrownBy(() -> new DocumentSplit(1.0, 0)).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("validation-fraction: ");
  }
}
