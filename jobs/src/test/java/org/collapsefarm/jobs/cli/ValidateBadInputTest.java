package org.collapsefarm.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never starts a job (issue 3, item 3): each case is one bad configuration or argument,
 * and {@code farm validate} must answer with exactly one line {@code error: <key>: …} on stderr,
 * exit code 2, and write nothing.
 */
class ValidateBadInputTest {
  /** A valid sweep; each case replaces one part of it. {@code @OUT@} is the test's output folder. */
  static final String VALID_SWEEP_BODY = """
      name = t
      output = "@OUT@"
      seed = 1
      replicates = 3
      max-generations = 50
      contexts = [ { family = explicit, probs = [0.5, 0.3, 0.2] } ]
      """;
  static final String FS = "paradigms = [ { paradigm = fully-synthetic, n = [5, 10] } ]\n";

  @TempDir Path dir;

  /**
   * @param name what is wrong
   * @param conf the whole sweep file ({@code null}: no file at all; {@code @DIR@}: a folder)
   * @param key the key or path the error line must name first
   * @param mention a word the line must contain (e.g. the did-you-mean or the allowed values)
   * @param overrides {@code --set} arguments
   */
  record Case(String name, String conf, String key, String mention, List<String> overrides) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case sweep(String name, String body, String key, String mention, String... overrides) {
    return new Case(name, "sweep {\n" + body + "\n}\n", key, mention, List.of(overrides));
  }

  /** The valid body with {@code line} appended (HOCON: a later key replaces an earlier one). */
  static Case with(String name, String line, String key, String mention) {
    return sweep(name, VALID_SWEEP_BODY + FS + line, key, mention);
  }

  static Case paradigms(String name, String entries, String key, String mention) {
    return sweep(name, VALID_SWEEP_BODY + "paradigms = [ " + entries + " ]", key, mention);
  }

  static Case contexts(String name, String entries, String key, String mention) {
    return sweep(name, VALID_SWEEP_BODY + FS + "contexts = [ " + entries + " ]", key, mention);
  }

  static Stream<Arguments> cases() {
    List<Case> c = new ArrayList<>();
    // the file itself
    c.add(new Case("config file missing", null, "@CONF@", "not found", List.of()));
    c.add(new Case("config path is a folder", "@DIR@", "@CONF@", "folder", List.of()));
    c.add(new Case("HOCON syntax error", "sweep {\n  name = t\n  seed = }\n", "@CONF@:3", "", List.of()));
    c.add(new Case("unknown top-level key", "sweeep {\n" + VALID_SWEEP_BODY + FS + "}\n", "sweeep", "did you mean 'sweep'", List.of()));
    c.add(new Case("no sweep block", "spark { master = \"local[2]\" }\n", "sweep.name", "required", List.of()));
    c.add(sweep("unresolved substitution", VALID_SWEEP_BODY + FS + "seed = ${nowhere}", "@CONF@:9", "nowhere"));
    // sweep-level keys
    c.add(with("misspelt sweep key", "replicate = 3", "sweep.replicate", "did you mean 'replicates'"));
    c.add(sweep("missing name", VALID_SWEEP_BODY.replace("name = t", "") + FS, "sweep.name", "required"));
    c.add(with("name escapes the output folder", "name = \"../elsewhere\"", "sweep.name", "safe folder name"));
    c.add(with("name with a slash", "name = \"a/b\"", "sweep.name", "letters, digits"));
    c.add(with("seed is text", "seed = abc", "sweep.seed", "integer"));
    c.add(with("replicates zero", "replicates = 0", "sweep.replicates", ">= 1"));
    c.add(with("replicates a fraction", "replicates = 2.5", "sweep.replicates", "integer"));
    c.add(with("max-generations negative", "max-generations = -1", "sweep.max-generations", ">= 1"));
    c.add(with("max-generations written as a list", "max-generations = [10, 20]", "sweep.max-generations", "integer"));
    c.add(with("output empty", "output = \"\"", "sweep.output", "empty"));
    c.add(with("output not a URI", "output = \"hdfs://bad host/x\"", "sweep.output", "not a valid path or URI"));
    c.add(with("output with a NUL", "output = \"a\\u0000b\"", "sweep.output", "not a valid path or URI"));
    c.add(with("output on an unknown file system", "output = \"nosuchfs://h/x\"", "sweep.output", "nosuchfs"));
    c.add(with("too many cells", "replicates = 1000\nmax-cells = 100", "sweep.max-cells", "exceeds"));
    c.add(with("max-cells zero", "max-cells = 0", "sweep.max-cells", ">= 1"));
    c.add(with("record.trajectories unknown", "record { trajectories = some }", "sweep.record.trajectories", "none, all, sample"));
    c.add(with("record.sample-size zero", "record { trajectories = sample, sample-size = 0 }", "sweep.record.sample-size", ">= 1"));
    c.add(with("record unknown key", "record { trajectory = all }", "sweep.record.trajectory", "did you mean 'trajectories'"));
    c.add(with("sweep-wide temperature zero", "temperature = 0", "sweep.temperature", "> 0.0"));
    c.add(with("sweep-wide knob is an empty axis", "top-p = []", "sweep.top-p", "empty grid axis"));
    // contexts
    c.add(with("no contexts", "contexts = []", "sweep.contexts", "no cells"));
    c.add(contexts("context is not an object", "5", "sweep.contexts[0]", "object"));
    c.add(contexts("context without family", "{ vocabulary = 10 }", "sweep.contexts[0].family", "power-law"));
    c.add(contexts("misspelt family", "{ family = power-low, vocabulary = 10, support = 5, s0 = 0.3 }",
        "sweep.contexts[0].family", "did you mean 'power-law'"));
    c.add(contexts("key of another family", "{ family = uniform, vocabulary = 10, s0 = 0.1 }",
        "sweep.contexts[0].s0", "power-law"));
    c.add(contexts("misspelt context key", "{ family = uniform, vocabulary = 10, suport = 5 }",
        "sweep.contexts[0].suport", "did you mean 'support'"));
    c.add(contexts("required context key missing", "{ family = zipf, vocabulary = 10 }", "sweep.contexts[0].exponent", "required"));
    c.add(contexts("probability written as text", "{ family = explicit, probs = [0.5, half] }", "sweep.contexts[0].probs[1]", "number"));
    c.add(contexts("vocabulary too large for the driver", "{ family = uniform, vocabulary = 1e9 }",
        "sweep.contexts[0].vocabulary", "at most"));
    c.add(contexts("vocabulary a fraction", "{ family = uniform, vocabulary = 10.5 }", "sweep.contexts[0].vocabulary", "integer"));
    c.add(contexts("power-law S_0 below 1/support", "{ family = power-law, vocabulary = 600, support = 52, s0 = 0.01 }",
        "sweep.contexts[0].s0", "unreachable"));
    c.add(contexts("power-law S_0 of 1", "{ family = power-law, vocabulary = 600, support = 52, s0 = 1 }",
        "sweep.contexts[0].s0", "unreachable"));
    // contexts: ranges checked by the kernel's Contexts, re-keyed to the entry
    c.add(contexts("vocabulary zero", "{ family = uniform, vocabulary = [4, 0] }", "sweep.contexts[0].vocabulary", ">= 1"));
    c.add(contexts("probabilities not summing to 1", "{ family = explicit, probs = [0.5, 0.4] }", "sweep.contexts[0].probs", "sum"));
    c.add(contexts("negative probability", "{ family = explicit, probs = [1.5, -0.5] }", "sweep.contexts[0].probs", ">= 0"));
    c.add(contexts("support above vocabulary", "{ family = power-law, vocabulary = 10, support = 20, s0 = 0.2 }",
        "sweep.contexts[0].support", "20"));
    c.add(contexts("dirichlet concentration zero", "{ family = dirichlet, vocabulary = 10, concentration = 0 }",
        "sweep.contexts[0].concentration", "> 0"));
    c.add(contexts("zipf exponent negative", "{ family = zipf, vocabulary = 10, exponent = -1 }", "sweep.contexts[0].exponent", ">= 0"));
    c.add(contexts("the same context twice", "{ family = uniform, vocabulary = 4 }, { family = uniform, vocabulary = 4, seed = 9 }",
        "sweep.contexts[1]", "appears twice"));
    // paradigms
    c.add(with("no paradigms", "paradigms = []", "sweep.paradigms", "no cells"));
    c.add(sweep("paradigms missing", VALID_SWEEP_BODY, "sweep.paradigms", "required"));
    c.add(paradigms("paradigm missing", "{ n = 10 }", "sweep.paradigms[0].paradigm", "fully-synthetic"));
    c.add(paradigms("misspelt paradigm", "{ paradigm = fully-synthtic, n = 10 }", "sweep.paradigms[0].paradigm",
        "did you mean 'fully-synthetic'"));
    c.add(paradigms("window on fully-synthetic", "{ paradigm = fully-synthetic, n = 10, window = 5 }",
        "sweep.paradigms[0].window", "most-recent"));
    c.add(paradigms("real-n on most-recent", "{ paradigm = most-recent, n = 10, window = 2, real-n = 5 }",
        "sweep.paradigms[0].real-n", "partially-synthetic"));
    c.add(paradigms("misspelt paradigm key", "{ paradigm = most-recent, n = 10, windo = 5 }",
        "sweep.paradigms[0].windo", "did you mean 'window'"));
    c.add(paradigms("window missing for most-recent", "{ paradigm = most-recent, n = 10 }", "sweep.paradigms[0].window", "required"));
    c.add(paradigms("real-n missing for partially-synthetic", "{ paradigm = partially-synthetic, n = 10 }",
        "sweep.paradigms[0].real-n", "required"));
    c.add(paradigms("window zero", "{ paradigm = most-recent, n = 10, window = [2, 0] }", "sweep.paradigms[0].window", ">= 1, got 0"));
    c.add(paradigms("n zero in a second entry", "{ paradigm = fully-synthetic, n = 10 }, { paradigm = accumulate, n = 0 }",
        "sweep.paradigms[1].n", ">= 1"));
    // model families (MATH.md 7)
    c.add(with("model without family", "models = [ { rate = 1 } ]", "sweep.models[0].family", "gaussian, poisson"));
    c.add(with("unknown model family", "models = [ { family = gausian } ]", "sweep.models[0].family",
        "did you mean 'gaussian'"));
    c.add(with("poisson rate zero", "models = [ { family = poisson, rate = [1, 0] } ]", "sweep.models[0].rate", "> 0"));
    c.add(with("poisson rate missing", "models = [ { family = poisson } ]", "sweep.models[0].rate", "required"));
    c.add(with("gaussian variance zero", "models = [ { family = gaussian, variance = 0, collapse-epsilon = 0.1 } ]",
        "sweep.models[0].variance", "> 0"));
    c.add(with("gaussian estimator unknown", "models = [ { family = gaussian, estimator = ml, collapse-epsilon = 0.1 } ]",
        "sweep.models[0].estimator", "mle, unbiased"));
    c.add(with("gaussian without collapse-epsilon", "models = [ { family = gaussian } ]",
        "sweep.paradigms[0].collapse-epsilon", "required for the gaussian family"));
    c.add(with("gaussian collapse-epsilon of 1", "models = [ { family = gaussian, collapse-epsilon = 1 } ]",
        "sweep.models[0].collapse-epsilon", "got 1.0"));
    c.add(with("gaussian dimension zero", "models = [ { family = gaussian, dimension = 0, collapse-epsilon = 0.1 } ]",
        "sweep.models[0].dimension", ">= 1"));
    c.add(with("covariance not symmetric", "models = [ { family = gaussian, dimension = 2, covariance = [[1, 0.5], "
        + "[0.4, 1]], collapse-epsilon = 0.1 } ]", "sweep.models[0].covariance", "symmetric"));
    c.add(with("covariance not positive definite", "models = [ { family = gaussian, dimension = 2, covariance = [[1, 2], "
        + "[2, 1]], collapse-epsilon = 0.1 } ]", "sweep.models[0].covariance", "positive definite"));
    c.add(with("covariance diagonal with a zero", "models = [ { family = gaussian, dimension = 3, covariance = [1, 0, 2], "
        + "collapse-epsilon = 0.1 } ]", "sweep.models[0].covariance", "positive definite"));
    c.add(with("covariance of the wrong dimension", "models = [ { family = gaussian, dimension = 3, covariance = [[1, 0], "
        + "[0, 1]], collapse-epsilon = 0.1 } ]", "sweep.models[0].covariance", "3x3"));
    c.add(with("covariance with a short row", "models = [ { family = gaussian, dimension = 2, covariance = [[1, 0], "
        + "[0]], collapse-epsilon = 0.1 } ]", "sweep.models[0].covariance", "row 1 has 1 numbers"));
    c.add(with("covariance as a word", "models = [ { family = gaussian, dimension = 2, covariance = diagonal, "
        + "collapse-epsilon = 0.1 } ]", "sweep.models[0].covariance", "identity"));
    c.add(with("covariance beside variance", "models = [ { family = gaussian, dimension = 2, variance = 2, "
        + "covariance = identity, collapse-epsilon = 0.1 } ]", "sweep.models[0].covariance", "not both"));
    c.add(with("covariance axis with a bad matrix", "models = [ { family = gaussian, dimension = 2, covariance = "
        + "[identity, [[1, 3], [3, 1]]], collapse-epsilon = 0.1 } ]", "sweep.models[0].covariance", "positive definite"));
    c.add(with("rate on a gaussian", "models = [ { family = gaussian, rate = 1, collapse-epsilon = 0.1 } ]",
        "sweep.models[0].rate", "does not apply to the gaussian family"));
    c.add(sweep("temperature on a model family", VALID_SWEEP_BODY + "models = [ { family = poisson, rate = 1 } ]\n"
        + "paradigms = [ { paradigm = fully-synthetic, n = 10, temperature = 0.8 } ]", "sweep.paradigms[0].temperature",
        "does not apply to the poisson family"));
    c.add(sweep("smoothing on a model family", VALID_SWEEP_BODY.replace("contexts", "# contexts")
        + "models = [ { family = gaussian, collapse-epsilon = 0.1 } ]\n"
        + "paradigms = [ { paradigm = fully-synthetic, n = 10, smoothing = 0.1, collapse-epsilon = 0.1 } ]",
        "sweep.paradigms[0].smoothing", "does not apply to the gaussian family"));
    c.add(sweep("gaussian unbiased with one point", VALID_SWEEP_BODY
        + "models = [ { family = gaussian, estimator = unbiased, collapse-epsilon = 0.1 } ]\n"
        + "paradigms = [ { paradigm = most-recent, n = 4, window = 4, allocation = literal } ]",
        "sweep.paradigms[0].window", "at least 2 points"));
    c.add(sweep("a pool too big for memory", VALID_SWEEP_BODY.replace("max-generations = 50", "max-generations = 100000")
        + "models = [ { family = poisson, rate = 1 } ]\n"
        + "paradigms = [ { paradigm = accumulate-subsample, n = 1000, rate = 1, pool = corpora } ]",
        "sweep.max-generations", "pool = fresh"));
    c.add(sweep("a pool of 10-dimensional points too big for memory", VALID_SWEEP_BODY.replace("max-generations = 50",
        "max-generations = 20000") + "models = [ { family = gaussian, dimension = 10, collapse-epsilon = 0.1 } ]\n"
        + "paradigms = [ { paradigm = accumulate-subsample, n = 1000, rate = 1, pool = corpora } ]",
        "sweep.max-generations", "80 bytes"));
    c.add(paradigms("n written as a word", "{ paradigm = fully-synthetic, n = ten }", "sweep.paradigms[0].n", "integer"));
    c.add(paradigms("n axis with a text element", "{ paradigm = fully-synthetic, n = [10, x] }", "sweep.paradigms[0].n[1]", "integer"));
    c.add(paradigms("empty n axis", "{ paradigm = fully-synthetic, n = [] }", "sweep.paradigms[0].n", "empty grid axis"));
    c.add(paradigms("top-p above 1", "{ paradigm = fully-synthetic, n = 10, top-p = 1.5 }", "sweep.paradigms[0].top-p", "(0, 1]"));
    c.add(paradigms("smoothing without collapse-epsilon", "{ paradigm = fully-synthetic, n = 10, smoothing = 0.1 }",
        "sweep.collapse-epsilon", "smoothing"));
    c.add(paradigms("real-anchor negative", "{ paradigm = fully-synthetic, n = 10, real-anchor = -1 }",
        "sweep.paradigms[0].real-anchor", ">= 0"));
    c.add(paradigms("unknown allocation", "{ paradigm = most-recent, n = 10, window = 2, allocation = spread }",
        "sweep.paradigms[0].allocation", "split, literal"));
    c.add(paradigms("literal allocation with window above n", "{ paradigm = most-recent, n = 4, window = 5, allocation = literal }",
        "sweep.paradigms[0].window", "<= n"));
    c.add(paradigms("unknown pool", "{ paradigm = accumulate-subsample, n = 10, pool = lake }", "sweep.paradigms[0].pool", "corpora, fresh"));
    c.add(paradigms("unknown source", "{ paradigm = randomly-sampled, n = 10, source = per-token }",
        "sweep.paradigms[0].source", "per-sample, per-generation"));
    c.add(paradigms("rate zero", "{ paradigm = accumulate, n = 10, rate = 0 }", "sweep.paradigms[0].rate", "> 0.0"));
    c.add(paradigms("rate too small for the pool to grow", "{ paradigm = accumulate, n = 10, rate = 0.01 }",
        "sweep.paradigms[0].rate", "round(rate * n)"));
    c.add(paradigms("the same parameter set twice", "{ paradigm = fully-synthetic, n = [5, 10] }, { paradigm = most-recent, n = 10, window = 1 }, "
        + "{ paradigm = fully-synthetic, n = 10 }", "sweep.paradigms[2]", "appears twice"));
    // spark
    c.add(new Case("misspelt spark master", "sweep {\n" + VALID_SWEEP_BODY + FS + "}\nspark { master = \"lcoal[2]\" }\n",
        "spark.master", "local[N]", List.of()));
    c.add(new Case("spark setting as a list", "sweep {\n" + VALID_SWEEP_BODY + FS + "}\nspark.executor.memory = [1g, 2g]\n",
        "spark.executor.memory", "not grid axes", List.of()));
    c.add(new Case("fault injection outside [0, 1]", "sweep {\n" + VALID_SWEEP_BODY + FS + "}\nspark.collapsefarm.inject.task-failures = 1.5\n",
        "spark.collapsefarm.inject.task-failures", "between 0 and 1", List.of()));
    c.add(new Case("slow tasks outside [0, 1]", "sweep {\n" + VALID_SWEEP_BODY + FS + "}\nspark.collapsefarm.inject.slow-tasks = -0.1\n",
        "spark.collapsefarm.inject.slow-tasks", "pauses", List.of()));
    // --set
    c.add(sweep("--set without =", VALID_SWEEP_BODY + FS, "--set sweep.seed", "key=value", "--set", "sweep.seed"));
    c.add(sweep("--set with a bad key", VALID_SWEEP_BODY + FS, "--set sweep..seed=1", "HOCON", "--set", "sweep..seed=1"));
    c.add(sweep("--set with a value that is no HOCON", VALID_SWEEP_BODY + FS, "sweep.seed", "text \"[1,\"", "--set", "sweep.seed=[1,"));
    c.add(sweep("--set of an unknown key", VALID_SWEEP_BODY + FS, "sweep.replicatess", "did you mean 'replicates'",
        "--set", "sweep.replicatess=3"));
    c.add(sweep("--set replicates to text", VALID_SWEEP_BODY + FS, "sweep.replicates", "integer", "--set", "sweep.replicates=many"));
    return c.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsOneErrorLineWithExitCode2AndNothingWritten(Case c) throws IOException {
    Path out = dir.resolve("out");
    Path conf = dir.resolve("sweep.conf");
    if ("@DIR@".equals(c.conf())) {
      Files.createDirectory(conf);
    } else if (c.conf() != null) {
      Files.writeString(conf, c.conf().replace("@OUT@", out.toString()));
    }
    List<String> before = FarmRunner.tree(dir);

    List<String> args = new ArrayList<>(List.of("validate", conf.toString()));
    args.addAll(c.overrides());
    FarmRunner.Result r = FarmRunner.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines()).as(r.err()).hasSize(1);
    String line = r.errLines().get(0);
    assertThat(line).startsWith("error: " + c.key().replace("@CONF@", conf.toString()) + ":");
    assertThat(line).contains(c.mention());
    assertThat(r.out()).isEmpty();
    assertThat(FarmRunner.tree(dir)).isEqualTo(before);
    assertThat(out).doesNotExist();
  }
}
