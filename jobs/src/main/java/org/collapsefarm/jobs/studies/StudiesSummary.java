package org.collapsefarm.jobs.studies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.spark.SparkSessions;
import org.collapsefarm.jobs.sql.ResultsViews;

/**
 * {@code submit/studies-summary [--check] [study …]}: fills each built-in study's summary template
 * ({@code conf/summaries/<study>.md}, see {@link SummaryTemplate}) from its result tables
 * ({@code results/<study>/}, made by {@code submit/farm run conf/<study>.conf}) and writes the
 * passages into the README's "Built-in studies" and the study's conf header, between their markers;
 * with {@code --check} it writes nothing and exits 1 when a passage differs from what the tables say.
 * Without study names: every template. Run from the repository root.
 */
public final class StudiesSummary {
  static final Path TEMPLATES = Path.of("conf", "summaries");
  static final Path README = Path.of("README.md");
  static final String RESULTS = "results";
  static final String HEADER_END = "# -- end measured --";
  /** The width of the README's and the conf files' prose. */
  static final int WIDTH = 100;

  private StudiesSummary() {}

  public static void main(String[] args) throws IOException {
    boolean check = Arrays.asList(args).contains("--check");
    List<String> studies = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
    if (studies.isEmpty()) {
      try (Stream<Path> files = Files.list(TEMPLATES)) {
        studies = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
            .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
      }
    }
    for (String study : studies) {
      if (!Files.isDirectory(Path.of(RESULTS, study))) {
        System.err.println("error: results/" + study + " does not exist; run submit/farm run conf/" + study + ".conf first");
        System.exit(2);
      }
    }
    List<String> differ = new ArrayList<>();
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    try (SparkSessions.Lease lease =
        SparkSessions.session(SparkSessions.conf("collapse-farm studies-summary", null, Map.of()))) {
      for (String study : studies) {
        SummaryTemplate.Filled filled = fill(lease.spark().newSession(), study);
        String newReadme = replaceReadme(readme, study, wrap(filled.readme(), "", "  "));
        Path conf = Path.of("conf", study + ".conf");
        String confText = Files.readString(conf, StandardCharsets.UTF_8);
        String newConf = replaceHeader(confText, study, filled.headerLines());
        if (!newReadme.equals(readme) || !newConf.equals(confText)) {
          differ.add(study);
        }
        readme = newReadme;
        if (!check) {
          Files.writeString(conf, newConf, StandardCharsets.UTF_8);
        }
        System.out.println(study + ": " + (!differ.contains(study) ? "up to date"
            : check ? "DIFFERS from results/" + study : "written"));
      }
    }
    if (!check) {
      Files.writeString(README, readme, StandardCharsets.UTF_8);
    } else if (!differ.isEmpty()) {
      System.err.println("studies-summary: the prose of " + String.join(", ", differ)
          + " differs from the tables; run submit/studies-summary to rewrite it");
      System.exit(1);
    }
  }

  /** The study's template filled from its tables, in a session of its own (its own temporary views). */
  static SummaryTemplate.Filled fill(SparkSession spark, String study) throws IOException {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(Path.of(RESULTS, study).toAbsolutePath().toString());
    FileSystem fs = root.getFileSystem(new Configuration());
    ResultsViews.register(spark, fs, root);
    String text = Files.readString(TEMPLATES.resolve(study + ".md"), StandardCharsets.UTF_8);
    return new SummaryTemplate(study, text).fill(new SummaryTemplate.Queries() {
      @Override
      public void view(String name, String sql) {
        spark.sql(sql).createOrReplaceTempView(name);
      }

      @Override
      public List<Object> row(String sql) {
        List<Row> rows = spark.sql(sql).collectAsList();
        if (rows.size() != 1) {
          throw new IllegalArgumentException(study + ": " + rows.size() + " rows (one expected) from " + sql);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
          values.add(rows.get(0).get(i));
        }
        return values;
      }
    });
  }

  /** The README with the study's passage between {@code <!-- study NAME … -->} and {@code <!-- end study NAME -->}. */
  static String replaceReadme(String readme, String study, String passage) {
    Pattern block = Pattern.compile("<!-- study " + Pattern.quote(study) + "\\b.*?-->.*?<!-- end study "
        + Pattern.quote(study) + " -->", Pattern.DOTALL);
    Matcher m = block.matcher(readme);
    if (!m.find()) {
      throw new IllegalArgumentException("README.md has no <!-- study " + study + " --> … <!-- end study " + study
          + " --> block");
    }
    String generated = "<!-- study " + study + ": written by submit/studies-summary from results/" + study
        + " and conf/summaries/" + study + ".md -->\n" + passage + "\n<!-- end study " + study + " -->";
    return readme.substring(0, m.start()) + generated + readme.substring(m.end());
  }

  /** {@code text} re-flowed to lines of at most {@link #WIDTH} characters, the first and the others prefixed. */
  static String wrap(String text, String first, String rest) {
    StringBuilder out = new StringBuilder(first);
    int lineLength = first.length();
    boolean lineEmpty = true;
    for (String word : text.strip().split("\\s+")) {
      if (!lineEmpty && lineLength + 1 + word.length() > WIDTH) {
        out.append('\n').append(rest);
        lineLength = rest.length();
        lineEmpty = true;
      }
      if (!lineEmpty) {
        out.append(' ');
        lineLength++;
      }
      out.append(word);
      lineLength += word.length();
      lineEmpty = false;
    }
    return out.toString();
  }

  /** The conf file with its measured header lines between {@code # -- measured …} and {@link #HEADER_END}. */
  static String replaceHeader(String conf, String study, List<String> lines) {
    int start = conf.indexOf("# -- measured");
    int end = conf.indexOf(HEADER_END);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("conf/" + study + ".conf has no '# -- measured' … '" + HEADER_END + "' block");
    }
    StringBuilder b = new StringBuilder("# -- measured: written by submit/studies-summary from results/" + study
        + " (template conf/summaries/" + study + ".md) --\n");
    for (String paragraph : String.join("\n", lines).split("\n\\s*\n")) {
      if (b.length() > 0 && !b.toString().endsWith("--\n")) {
        b.append("#\n");
      }
      b.append(wrap(paragraph, "# ", "# ")).append('\n');
    }
    return conf.substring(0, start) + b + conf.substring(end);
  }
}
