package org.collapsefarm.jobs.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.collapsefarm.ParameterException;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.text.DocumentSplit;
import org.collapsefarm.text.Language;
import org.collapsefarm.text.NgramGraph;
import org.collapsefarm.text.NgramModel;
import org.collapsefarm.text.Tokenizer;

/**
 * Reads {@code sweep.corpora} and {@code sweep.text} (DESIGN.md, "Model families beyond the
 * categorical context") into a {@link TextSweep}. Only checks that need no corpus happen here; the
 * rest (an empty corpus, no document of the language, probes outside V_0, real-n above the training
 * part) when the simulate stage has read the corpus, before it writes anything.
 */
final class TextConfig {
  static final Set<String> CORPUS_KEYS = Set.of("name", "source", "path", "format", "column", "tokenizer", "lowercase",
      "language", "max-vocabulary", "validation-fraction", "seed");
  static final Set<String> TEXT_KEYS = Set.of("order", "max-length", "probes", "evaluation", "samples");
  static final List<String> EVALUATIONS = List.of("coverage", "kneser-ney");
  private static final String EXAMPLE = "{ name = europarl-en, source = builtin }";

  private TextConfig() {}

  /** The text part of a sweep: {@link TextSweep#NONE} when {@code corpora} is absent. */
  static TextSweep read(ConfigObject sweep, List<ParadigmSpec> specs, int maxGenerations) throws ConfigException {
    if (!sweep.containsKey("corpora")) {
      return TextSweep.NONE;
    }
    ConfigList list = Values.list("sweep.corpora", sweep.get("corpora"), EXAMPLE);
    List<CorpusEntry> corpora = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "sweep.corpora[" + i + "]";
      CorpusEntry c = corpus(path, Values.object(path, list.get(i), EXAMPLE));
      for (CorpusEntry other : corpora) {
        if (other.name().equals(c.name())) {
          throw new ConfigException(path + ".name", "'" + c.name() + "' names two corpora", "distinct names");
        }
      }
      corpora.add(c);
    }
    ConfigObject text = Values.object("sweep.text", sweep.get("text"), "{ order = [2, 3] }");
    Values.checkKeys("sweep.text", text, TEXT_KEYS, key -> null);
    List<Integer> orders = new ArrayList<>();
    for (Object o : Values.axis("sweep.text.order", text.get("order"), Values.Type.INT)) {
      int k = (Integer) o;
      try {
        NgramGraph.checkOrder(k, 2);
      } catch (ParameterException e) {
        throw new ConfigException("sweep.text.order", "must be an integer in 1.." + NgramGraph.MAX_ORDER + ", got " + k);
      }
      if (orders.contains(k)) {
        throw new ConfigException("sweep.text.order", "lists order " + k + " twice", "distinct orders");
      }
      orders.add(k);
    }
    int maxLength = Values.integer("sweep.text.max-length", text.get("max-length"));
    if (maxLength < 1) {
      throw new ConfigException("sweep.text.max-length", "must be an integer >= 1, got " + maxLength);
    }
    int samples = Values.integer("sweep.text.samples", text.get("samples"));
    if (samples < 0) {
      throw new ConfigException("sweep.text.samples", "must be an integer >= 0, got " + samples);
    }
    List<String> probes = texts("sweep.text.probes", text.get("probes"));
    List<String> evaluation = texts("sweep.text.evaluation", text.get("evaluation"));
    for (String e : evaluation) {
      if (!EVALUATIONS.contains(e)) {
        throw new ConfigException("sweep.text.evaluation", "unknown value '" + e + "'", String.join(", ", EVALUATIONS));
      }
    }
    List<TextSweep.Group> groups = new ArrayList<>();
    for (CorpusEntry c : corpora) {
      for (int k : orders) {
        for (ParadigmSpec spec : specs) {
          check(spec, k, maxGenerations);
          groups.add(TextSweep.Group.of(c, k, spec, maxLength, maxGenerations));
        }
      }
    }
    return new TextSweep(corpora, maxLength, probes, evaluation.contains("kneser-ney"), samples, groups);
  }

  /** What can be refused before the corpus is read. */
  private static void check(ParadigmSpec spec, int order, int maxGenerations) throws ConfigException {
    checkTokensKept(spec, maxGenerations);
    if (spec.smoothing() != 0) {
      throw new ConfigException("sweep.paradigms.smoothing", "does not apply to text (n-gram models are maximum "
          + "likelihood), got " + spec.smoothing(), "0 (the default)");
    }
    if (spec.n() < order) {
      throw new ConfigException("sweep.paradigms.n", "a budget of n = " + spec.n() + " tokens is smaller than one "
          + "document of order " + order + " (k - 1 BOS of padding and one token)", "n >= " + order);
    }
  }

  /**
   * Accumulate trains on every token so far, n + (M − 1)·round(k·n) at M, and an n-gram model indexes
   * its training set with ints ({@link NgramModel#MAX_TRAINING_TOKENS}); accumulate-subsample with pool
   * = corpora keeps that many tokens of 4 bytes in its pool, held to the limit of every family
   * ({@link FamilyRecursion#checkPool}). Refused here, before the corpus is read, instead of hours into
   * the run.
   */
  private static void checkTokensKept(ParadigmSpec spec, int maxGenerations) throws ConfigException {
    long tokens = FamilyRecursion.poolCapacity(spec, maxGenerations);
    if (spec.paradigm() == Paradigm.ACCUMULATE && tokens > NgramModel.MAX_TRAINING_TOKENS) {
      throw new ConfigException("sweep.max-generations", String.format(Locale.ROOT, "accumulate trains on every "
          + "token so far: n + (M - 1)·round(rate·n) = %,d tokens at M, above the n-gram model's %,d (lower "
          + "max-generations, n or rate)", tokens, NgramModel.MAX_TRAINING_TOKENS));
    }
    try {
      FamilyRecursion.checkPool(spec, maxGenerations, Integer.BYTES);
    } catch (ParameterException e) {
      throw new ConfigException("sweep.max-generations", e.getMessage().substring("max-generations: ".length()));
    }
  }

  private static CorpusEntry corpus(String path, ConfigObject entry) throws ConfigException {
    Values.checkKeys(path, entry, CORPUS_KEYS, key -> null);
    String name = Values.text(path + ".name", required(path + ".name", entry.get("name")));
    if (!SweepLoader.SAFE_NAME.matcher(name).matches()) {
      throw new ConfigException(path + ".name", "'" + name + "' is not a safe name", "letters, digits, '.', '_' or '-'");
    }
    String source = entry.containsKey("source") ? Values.text(path + ".source", entry.get("source")) : null;
    String location = entry.containsKey("path") ? Values.text(path + ".path", entry.get("path")) : null;
    if (source != null && !source.equals("builtin")) {
      throw new ConfigException(path + ".source", "unknown value '" + source + "'", "builtin (or give path instead)");
    }
    if ((source == null) == (location == null)) {
      throw new ConfigException(path, "needs exactly one of source = builtin or path = \"...\"");
    }
    if (location != null && location.isBlank()) {
      throw new ConfigException(path + ".path", "is empty", "a file, folder or glob on a Hadoop file system");
    }
    String format = "builtin";
    if (location != null) {
      format = entry.containsKey("format") ? Values.text(path + ".format", entry.get("format")) : "lines";
      if (!CorpusEntry.FORMATS.contains(format)) {
        throw new ConfigException(path + ".format", "unknown value '" + format + "'", String.join(", ", CorpusEntry.FORMATS));
      }
    } else if (entry.containsKey("format")) {
      throw new ConfigException(path + ".format", "applies only to a corpus given by path");
    }
    String column = entry.containsKey("column") ? Values.text(path + ".column", entry.get("column")) : "text";
    if (entry.containsKey("column") && !"parquet".equals(format)) {
      throw new ConfigException(path + ".column", "applies only to format = parquet");
    }
    String tokName = entry.containsKey("tokenizer") ? Values.text(path + ".tokenizer", entry.get("tokenizer")) : "words";
    Tokenizer tokenizer = Values.choice(path + ".tokenizer", tokName, Tokenizer::of,
        Arrays.stream(Tokenizer.values()).map(Tokenizer::configName).toList());
    boolean lowercase = true;
    if (entry.containsKey("lowercase")) {
      ConfigValue v = entry.get("lowercase");
      if (v.valueType() != ConfigValueType.BOOLEAN) {
        throw new ConfigException(path + ".lowercase", "must be true or false, got " + Values.describe(v));
      }
      lowercase = (Boolean) v.unwrapped();
    }
    String langName = entry.containsKey("language") ? Values.text(path + ".language", entry.get("language"))
        : location == null ? "english" : "any";
    Language language = Values.choice(path + ".language", langName, Language::of,
        Arrays.stream(Language.values()).map(Language::configName).toList());
    int maxVocabulary = entry.containsKey("max-vocabulary")
        ? Values.integer(path + ".max-vocabulary", entry.get("max-vocabulary")) : 50_000;
    if (maxVocabulary < 1) {
      throw new ConfigException(path + ".max-vocabulary", "must be an integer >= 1, got " + maxVocabulary);
    }
    double fraction = entry.containsKey("validation-fraction")
        ? Values.number(path + ".validation-fraction", entry.get("validation-fraction")) : 0.05;
    if (!(fraction >= 0 && fraction < 1)) {
      throw new ConfigException(path + ".validation-fraction", "must be in [0, 1), got " + fraction);
    }
    long seed = entry.containsKey("seed") ? Values.longInteger(path + ".seed", entry.get("seed")) : 0;
    return new CorpusEntry(name, location, format, column, tokenizer, lowercase, language, maxVocabulary,
        new DocumentSplit(fraction, seed));
  }

  private static List<String> texts(String path, ConfigValue v) throws ConfigException {
    List<String> out = new ArrayList<>();
    if (v == null || (v.valueType() == ConfigValueType.LIST && ((ConfigList) v).isEmpty())) {
      return out;
    }
    for (Object o : Values.axis(path, v, Values.Type.TEXT)) {
      out.add((String) o);
    }
    return out;
  }

  private static ConfigValue required(String path, ConfigValue v) throws ConfigException {
    if (v == null) {
      throw new ConfigException(path, "is required");
    }
    return v;
  }
}
