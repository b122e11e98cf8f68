package org.collapsefarm.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.collapsefarm.ParameterException;

/**
 * The tokenisers of a corpus (MATH.md §8; config key {@code tokenizer}). A token is a string, the
 * key of its type in the {@link Vocabulary}.
 *
 * <ul>
 *   <li>{@code words}: Lucene's {@link StandardTokenizer} (Unicode UAX #29 word boundaries;
 *       punctuation is dropped) followed by {@link LowerCaseFilter} when lower-casing is on;
 *   <li>{@code gpt2}: byte-level BPE with the {@code r50k_base} ranks (GPT-2, and the GPT-Neo models
 *       of [W]) from jtokkit. A token's key is its byte string read as ISO-8859-1, a bijection on byte
 *       strings, so {@link #render} can give back the exact UTF-8 text.
 * </ul>
 *
 * Thread-safe: every call builds its own Lucene token stream; jtokkit encodings are thread-safe.
 */
public enum Tokenizer {
  WORDS("words"),
  GPT2("gpt2");

  private final String configName;

  Tokenizer(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** The tokenizer named {@code name} in the configuration. */
  public static Tokenizer of(String name) {
    for (Tokenizer t : values()) {
      if (t.configName.equals(name)) {
        return t;
      }
    }
    throw new ParameterException("tokenizer", "must be one of words, gpt2, got " + name);
  }

  /** The tokens of {@code text}, lower-cased first if {@code lowercase}. */
  public List<String> tokens(String text, boolean lowercase) {
    return switch (this) {
      case WORDS -> words(text, lowercase);
      case GPT2 -> bpe(lowercase ? text.toLowerCase(Locale.ROOT) : text);
    };
  }

  /** A document's tokens as readable text: words separated by spaces, BPE pieces joined. */
  public String render(List<String> tokens) {
    if (this == WORDS) {
      return String.join(" ", tokens);
    }
    StringBuilder b = new StringBuilder();
    for (String t : tokens) {
      b.append(t);
    }
    return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  private static List<String> words(String text, boolean lowercase) {
    List<String> out = new ArrayList<>();
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(text));
    try (TokenStream stream = lowercase ? new LowerCaseFilter(tokenizer) : tokenizer) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out;
  }

  /** Holder: the BPE ranks are loaded on first use only. */
  private static final class R50k {
    static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
  }

  private static List<String> bpe(String text) {
    IntArrayList ids = R50k.ENCODING.encodeOrdinary(text);
    List<String> out = new ArrayList<>(ids.size());
    IntArrayList one = new IntArrayList(1);
    for (int i = 0; i < ids.size(); i++) {
      one.clear();
      one.add(ids.get(i));
      out.add(new String(R50k.ENCODING.decodeBytes(one), StandardCharsets.ISO_8859_1));
    }
    return out;
  }
}
