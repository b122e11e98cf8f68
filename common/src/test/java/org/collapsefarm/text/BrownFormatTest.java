package org.collapsefarm.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A Brown file (form C: blank lines, a tab, word/tag tokens) becomes a document of words. */
class BrownFormatTest {
  @Test
  void keepsTheWordsDropsTheTagsAndPutsASentenceOnALine() {
    String file = "\n\n\tThe/at jury/nn said/vbd ``/`` no/at ''/'' ,/, not/* 1-1/2/cd ./.\n"
        + "It/pps was/bedz over/rb ./.\n\n\n\tVotes/nns-hl due/jj-hl \n\n";
    assertThat(BrownFormat.document(file))
        .isEqualTo("The jury said \" no \" , not 1-1/2 .\nIt was over .\nVotes due");
  }

  @Test
  void aTokenWithoutATagAndCarriageReturnsAreKept() {
    assertThat(BrownFormat.document("\r\n\tplain/nn word\r\n/\r\n")).isEqualTo("plain word\n/");
  }
}
