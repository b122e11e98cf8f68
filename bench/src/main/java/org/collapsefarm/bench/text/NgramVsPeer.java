package org.collapsefarm.bench.text;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.family.FamilyRecursion;
import org.collapsefarm.measure.GenerationSink;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;
import org.collapsefarm.text.BuiltinCorpus;
import org.collapsefarm.text.DocumentSplit;
import org.collapsefarm.text.EdgeText;
import org.collapsefarm.text.Language;
import org.collapsefarm.text.NgramModel;
import org.collapsefarm.text.TextCorpus;
import org.collapsefarm.text.TextFamily;
import org.collapsefarm.text.TextSetup;
import org.collapsefarm.text.TokenCorpus;
import org.collapsefarm.text.Tokenizer;

/**
 * The n-gram kernel against {@code ../shared/peers/ngram/peer.py bench} (bench/ngram-vs-peer.sh):
 * the built-in English corpus with the words tokenizer, every document in training; fully synthetic
 * at order k with n tokens per generation, G generations; generated and counted tokens per
 * CPU-second of this thread (one core). Also the whole cell per generation (sample, fit and every
 * measurement of MATH.md §8 through {@link FamilyRecursion}) for comparison.
 *
 * <p>Usage: {@code NgramVsPeer --export FILE} writes the corpus, one document per line, tokens
 * separated by spaces, for the peer; {@code NgramVsPeer --orders 2,3 --tokens 1000000 --generations 5 [--min-cpu 2]}
 * prints one JSON line per order.
 */
public final class NgramVsPeer {
  /** CPU seconds of untimed repeats first, so that the timed ones run compiled code. */
  private static final double WARM_UP_CPU_S = 1.0;
  private NgramVsPeer() {}

  public static void main(String[] args) throws IOException {
    String export = null;
    List<Integer> orders = List.of(2, 3);
    int tokens = 1_000_000;
    int generations = 5;
    double minCpu = 2.0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--export" -> export = args[++i];
        case "--orders" -> orders = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--tokens" -> tokens = Integer.parseInt(args[++i]);
        case "--generations" -> generations = Integer.parseInt(args[++i]);
        case "--min-cpu" -> minCpu = Double.parseDouble(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    TextCorpus corpus = TextCorpus.of(BuiltinCorpus.documents(),
        new TextCorpus.Options(Tokenizer.WORDS, true, Language.ENGLISH, new DocumentSplit(0, 0), Integer.MAX_VALUE));
    if (export != null) {
      export(corpus, Path.of(export));
      return;
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int order : orders) {
      TextSetup setup = new TextSetup(corpus, order, List.of());
      NgramModel model = new NgramModel(setup.graph(), 1, 1);
      int[] counts = new int[setup.graph().edges()];
      TokenCorpus train = corpus.training();
      for (int i = 0; i < train.size(); i++) {
        counts[setup.graph().trainingEdge(i)]++;
      }
      int[] corpusCounts = counts.clone();
      EdgeText text = new EdgeText(tokens);
      UniformRandomProvider rng = CellSeeds.stream(order);
      // The peer's workload, G generations from the corpus, repeated: untimed until the JIT has had
      // WARM_UP_CPU_S, then timed until minCpu. Repeating the same G generations (rather than running
      // more of them) keeps the workload the peer's: later generations of a collapsing chain have fewer
      // states and run faster.
      long warmUpEnd = cpu.getCurrentThreadCpuTime() + (long) (WARM_UP_CPU_S * 1e9);
      while (cpu.getCurrentThreadCpuTime() < warmUpEnd) {
        generations(model, corpusCounts, counts, text, tokens, generations, rng);
      }
      long start = cpu.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      int repeats = 0;
      do {
        generations(model, corpusCounts, counts, text, tokens, generations, rng);
        repeats++;
      } while (cpu.getCurrentThreadCpuTime() - start < minCpu * 1e9);
      double cpuS = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
      double wallS = (System.nanoTime() - wall) / 1e9;
      // The whole cell: sample, fit and every measurement, through the paradigm layer.
      ParadigmSpec spec = ParadigmSpec.fullySynthetic(tokens);
      long cellStart = cpu.getCurrentThreadCpuTime();
      FamilyRecursion.run(new TextFamily(setup, spec, 600, 1, 0, null), spec, generations, 1, GenerationSink.NONE);
      double cellS = (cpu.getCurrentThreadCpuTime() - cellStart) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long used = rt.totalMemory() - rt.freeMemory();
      System.out.printf(Locale.ROOT,
          "{\"order\": %d, \"tokens\": %d, \"generations\": %d, \"repeats\": %d, \"states\": %d, \"edges\": %d, \"cpu_s\": %.3f, "
              + "\"wall_s\": %.3f, \"tokens_per_cpu_s\": %.4g, \"cell_cpu_s\": %.3f, \"cell_tokens_per_cpu_s\": %.4g, "
              + "\"heap_used_mb\": %.1f, \"max_heap_mb\": %.0f}%n",
          order, tokens, generations * repeats, repeats, setup.graph().states(), setup.graph().edges(), cpuS, wallS,
          (double) tokens * generations * repeats / cpuS, cellS, (double) tokens * (generations + 1) / cellS,
          used / 1048576.0, rt.maxMemory() / 1048576.0);
    }
  }

  /** G generations of fully synthetic training from the corpus's counts. */
  private static void generations(NgramModel model, int[] corpusCounts, int[] counts, EdgeText text, int tokens,
      int generations, UniformRandomProvider rng) {
    System.arraycopy(corpusCounts, 0, counts, 0, counts.length);
    for (int g = 0; g < generations; g++) {
      model.prepare(counts);
      text.clear();
      model.generate(tokens, 600, rng, text);
      java.util.Arrays.fill(counts, 0);
      text.addTo(counts);
    }
  }

  private static void export(TextCorpus corpus, Path file) throws IOException {
    TokenCorpus train = corpus.training();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int d = 0; d < train.documents(); d++) {
        List<String> words = new ArrayList<>();
        for (int id : train.document(d)) {
          if (id != org.collapsefarm.text.Vocabulary.EOS) {
            words.add(corpus.vocabulary().type(id));
          }
        }
        w.write(String.join(" ", words));
        w.newLine();
      }
    }
  }
}
