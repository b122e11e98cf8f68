package org.collapsefarm.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import org.collapsefarm.ParameterException;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  @Test
  void wordsLowerCasesAndDropsPunctuation() {
    assertThat(Tokenizer.WORDS.tokens("There was, Mr President, a vote.", true))
        .containsExactly("there", "was", "mr", "president", "a", "vote");
    assertThat(Tokenizer.WORDS.tokens("There was", false)).containsExactly("There", "was");
  }

  @Test
  void gpt2IsR50kAndRendersBackExactly() {
    String text = "Once upon a time, Ünïcödé and emoji 🙂 lived.";
    List<String> tokens = Tokenizer.GPT2.tokens(text, false);
    assertThat(tokens).hasSize(Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE).countTokensOrdinary(text));
    assertThat(Tokenizer.GPT2.render(tokens)).isEqualTo(text);
    assertThat(tokens.get(0)).isEqualTo("Once");
    assertThat(tokens.get(1)).isEqualTo(" upon");
  }

  @Test
  void unknownTokenizerNamesTheKey() {
    assertThatThrownBy(() -> Tokenizer.of("bpe"))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("tokenizer: ");
  }
}
