package org.collapsefarm.jobs.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A built-in study's summary template ({@code conf/summaries/<study>.md}): prose whose Monte Carlo
 * numbers are named placeholders {@code {name}}, each defined by a SQL query over the study's result
 * tables, so that the README's "Built-in studies" and the conf headers state what the tables hold
 * (issue 14, item 1). Spark-free: the queries run through a {@link Queries}.
 *
 * <p>Directives (HTML comments, any number of lines each, not part of the output):
 * <ul>
 *   <li>{@code <!-- view NAME: SELECT … -->} a temporary view for the queries below;
 *   <li>{@code <!-- value NAME = FORMAT: SELECT … -->} one value, the first column of the single row;
 *   <li>{@code <!-- values A, B = FA, FB: SELECT … -->} several, one per column of the single row.
 * </ul>
 * FORMAT is a {@link String#format} pattern ({@code %.2f}, {@code %,d}, {@code %s}; an integer
 * pattern rounds). The line {@code <!-- conf header -->} separates the README passage (before) from
 * the conf header's lines (after, without their {@code #}).
 */
public final class SummaryTemplate {
  /** Runs the template's SQL. */
  public interface Queries {
    /** Creates or replaces a temporary view. */
    void view(String name, String sql);

    /** The single row of {@code sql}, one entry per column (null for SQL NULL). */
    List<Object> row(String sql);
  }

  /** The filled-in passages. */
  public record Filled(String readme, List<String> headerLines) {}

  static final String HEADER_SEPARATOR = "<!-- conf header -->";
  private static final Pattern DIRECTIVE =
      Pattern.compile("<!--\\s*(view|values?)\\s+(.*?)-->\\s*\\n?", Pattern.DOTALL);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\}");

  private final String study;
  private final String text;

  public SummaryTemplate(String study, String text) {
    this.study = study;
    this.text = text;
  }

  /** Runs the directives in order and fills every placeholder; fails naming an unknown or NULL one. */
  public Filled fill(Queries queries) {
    Map<String, String> values = new LinkedHashMap<>();
    StringBuilder prose = new StringBuilder();
    Matcher d = DIRECTIVE.matcher(text);
    int last = 0;
    while (d.find()) {
      prose.append(text, last, d.start());
      last = d.end();
      String body = d.group(2).strip();
      if (d.group(1).equals("view")) {
        int colon = body.indexOf(':');
        queries.view(body.substring(0, colon).strip(), body.substring(colon + 1).strip());
      } else {
        define(body, queries, values);
      }
    }
    prose.append(text.substring(last));
    String filled = substitute(prose.toString(), values);
    int split = filled.indexOf(HEADER_SEPARATOR);
    if (split < 0) {
      throw new IllegalArgumentException(study + ": no '" + HEADER_SEPARATOR + "' line in the template");
    }
    List<String> header = filled.substring(split + HEADER_SEPARATOR.length()).strip().lines().toList();
    return new Filled(filled.substring(0, split).strip(), header);
  }

  private void define(String body, Queries queries, Map<String, String> values) {
    int colon = body.indexOf(':');
    int equals = body.indexOf('=');
    if (colon < 0 || equals < 0 || equals > colon) {
      throw new IllegalArgumentException(study + ": a value needs 'NAME = FORMAT: SQL', got " + body);
    }
    String[] names = body.substring(0, equals).split(",");
    // formats are separated by commas before a '%' ("%,d" has a comma of its own)
    String[] formats = body.substring(equals + 1, colon).strip().split("\\s*,\\s*(?=%)");
    if (names.length != formats.length) {
      throw new IllegalArgumentException(study + ": " + names.length + " names but " + formats.length + " formats in " + body);
    }
    String sql = body.substring(colon + 1).strip();
    List<Object> row = queries.row(sql);
    if (row.size() < names.length) {
      throw new IllegalArgumentException(study + ": " + sql + " gives " + row.size() + " columns for " + names.length + " names");
    }
    for (int i = 0; i < names.length; i++) {
      String name = names[i].strip();
      if (row.get(i) == null) {
        throw new IllegalArgumentException(study + ": value " + name + " is NULL (" + sql + ")");
      }
      values.put(name, format(formats[i].strip(), row.get(i)));
    }
  }

  /** {@code value} in {@code format}; an integer pattern rounds a fractional number. */
  static String format(String format, Object value) {
    Object v = value;
    if (format.endsWith("d") && value instanceof Number num) {
      v = Math.round(num.doubleValue());
    } else if ((format.endsWith("f") || format.endsWith("g") || format.endsWith("e")) && value instanceof Number num) {
      v = num.doubleValue();
    }
    return String.format(Locale.ROOT, format, v);
  }

  private String substitute(String prose, Map<String, String> values) {
    Matcher p = PLACEHOLDER.matcher(prose);
    StringBuilder out = new StringBuilder();
    List<String> unknown = new ArrayList<>();
    while (p.find()) {
      String v = values.get(p.group(1));
      if (v == null) {
        unknown.add(p.group(1));
        v = p.group();
      }
      p.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    p.appendTail(out);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(study + ": no value defined for " + String.join(", ", unknown));
    }
    return out.toString();
  }
}
