package org.collapsefarm.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinCorpusTest {
  @Test
  void europarlHasItsDocumentsAndAboutTwelveHundredEnglishOnes() {
    List<String> docs = BuiltinCorpus.documents();
    assertThat(docs).hasSize(17_597);
    long english = docs.stream().filter(Language.ENGLISH::accepts).count();
    // The issue's own count of English lines is "about 1,260"; the stop-set rule must find them all
    // and nothing else (between them there is a gap in the English stop-word share: Language's doc).
    assertThat(english).isBetween(1_200L, 1_320L);
    System.out.println("english documents: " + english);
  }

  @Test
  void englishRuleSeparatesLanguages() {
    assertThat(Language.ENGLISH.accepts("The Commission is aware of the problem and it will act on it.")).isTrue();
    assertThat(Language.ENGLISH.accepts("La Commission est consciente du problème et elle agira.")).isFalse();
    assertThat(Language.ENGLISH.accepts("Die Kommission ist sich des Problems bewusst und wird handeln.")).isFalse();
    assertThat(Language.ENGLISH.accepts("")).isFalse();
    assertThat(Language.ANY.accepts("Die Kommission")).isTrue();
  }

  @Test
  void bodyIsTheThirdField() {
    assertThat(BuiltinCorpus.body("t\t2004-01-01\tthe body\twith tab")).isEqualTo("the body\twith tab");
    assertThat(BuiltinCorpus.body("no tabs")).isEqualTo("no tabs");
  }
}
