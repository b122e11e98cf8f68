package org.collapsefarm.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  @Test
  void keepsTheMostFrequentTypesAndMapsTheRestToUnk() {
    Vocabulary v = Vocabulary.of(Map.of("the", 10L, "a", 5L, "b", 5L, "rare", 1L), 3);
    assertThat(v.size()).isEqualTo(5);
    assertThat(v.type(Vocabulary.EOS)).isEqualTo("</s>");
    assertThat(v.type(Vocabulary.UNK)).isEqualTo("<unk>");
    assertThat(v.id("the")).isEqualTo(2);
    assertThat(v.id("a")).isEqualTo(3); // ties by text
    assertThat(v.id("b")).isEqualTo(4);
    assertThat(v.id("rare")).isEqualTo(Vocabulary.UNK);
    assertThat(v.encode(List.of("the", "zzz"))).containsExactly(2, Vocabulary.UNK);
  }

  @Test
  void corpusFromDocumentsSplitsAndEncodes() {
    TextCorpus c = TextCorpus.of(
        List.of("a b a", "b c", "a a a a"),
        new TextCorpus.Options(Tokenizer.WORDS, true, Language.ANY, new DocumentSplit(0, 0), 100));
    assertThat(c.training().documents()).isEqualTo(3);
    assertThat(c.training().size()).isEqualTo(3 + 1 + 2 + 1 + 4 + 1);
    assertThat(c.validation().documents()).isZero();
    assertThat(c.vocabulary().id("a")).isEqualTo(2);
    assertThat(c.training().document(1)).containsExactly(c.vocabulary().id("b"), c.vocabulary().id("c"), Vocabulary.EOS);
  }
}
