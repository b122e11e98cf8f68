package org.collapsefarm.jobs.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary template: directives run in order, placeholders filled in their formats, markers replaced. */
class SummaryTemplateTest {
  /** Answers each query from a table of SQL text to row, and records the views made. */
  private static final class Fixed implements SummaryTemplate.Queries {
    final Map<String, List<Object>> answers;
    final List<String> views = new ArrayList<>();

    Fixed(Map<String, List<Object>> answers) {
      this.answers = answers;
    }

    @Override
    public void view(String name, String sql) {
      views.add(name + " := " + sql);
    }

    @Override
    public List<Object> row(String sql) {
      return answers.get(sql);
    }
  }

  @Test
  void fillsValuesInTheirFormatsAndSplitsTheConfHeader() {
    String text = """
        <!-- view g: SELECT * FROM runs -->
        <!-- value t = %.1f: SELECT avg(t) FROM g -->
        <!-- values runs, share = %,d, %.0f:
             SELECT count(*), 100 * avg(x) FROM g -->
        - **`s`** — mean T = {t} over {runs} runs in {n ∈ {10, 50}}, {share} %.
        <!-- conf header -->
        Measured: {t}.
        """;
    Fixed q = new Fixed(Map.of("SELECT avg(t) FROM g", List.of(17.234),
        "SELECT count(*), 100 * avg(x) FROM g", Arrays.asList(12000L, 49.6)));
    SummaryTemplate.Filled f = new SummaryTemplate("s", text).fill(q);
    assertThat(q.views).containsExactly("g := SELECT * FROM runs");
    assertThat(f.readme()).isEqualTo("- **`s`** — mean T = 17.2 over 12,000 runs in {n ∈ {10, 50}}, 50 %.");
    assertThat(f.headerLines()).containsExactly("Measured: 17.2.");
  }

  @Test
  void anUndefinedOrNullValueFailsNamingIt() {
    assertThatThrownBy(() -> new SummaryTemplate("s", "{nope}\n<!-- conf header -->\n").fill(new Fixed(Map.of())))
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> new SummaryTemplate("s", "<!-- value v = %d: SELECT 1 -->{v}\n<!-- conf header -->\n")
        .fill(new Fixed(Map.of("SELECT 1", Arrays.asList((Object) null))))).hasMessageContaining("v is NULL");
  }

  @Test
  void passagesGoBetweenTheirMarkersWrappedAtTheProseWidth() {
    String readme = "a\n<!-- study s: old -->\nold text\n<!-- end study s -->\nb\n";
    String out = StudiesSummary.replaceReadme(readme, "s", "new");
    assertThat(out).startsWith("a\n<!-- study s: written by submit/studies-summary").endsWith("\nnew\n<!-- end study s -->\nb\n");
    String conf = "# head\n# -- measured\n# old\n# -- end measured --\nsweep {}\n";
    assertThat(StudiesSummary.replaceHeader(conf, "s", List.of("Measured: 1.")))
        .contains("# Measured: 1.\n# -- end measured --\nsweep {}").doesNotContain("old");
    String wrapped = StudiesSummary.wrap("word ".repeat(40), "- ", "  ");
    assertThat(wrapped.lines()).allMatch(l -> l.length() <= StudiesSummary.WIDTH).hasSizeGreaterThan(1);
  }
}
