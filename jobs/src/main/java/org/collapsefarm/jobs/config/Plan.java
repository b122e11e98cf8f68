package org.collapsefarm.jobs.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.collapsefarm.context.Context;
import org.collapsefarm.jobs.simulate.HeapEstimate;
import org.collapsefarm.jobs.simulate.SimulateJob;
import org.collapsefarm.jobs.simulate.TimeEstimate;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * The human-readable plan of a sweep, printed by {@code validate}: contexts, parameter sets, groups,
 * cells, the estimated work (MATH.md §4: a fully synthetic run lasts about {@code −2n Σ(1−p_i)ln(1−p_i)}
 * generations) and the time simulate would take ({@link TimeEstimate}: measured rates per paradigm
 * family and the farm's start-up).
 */
public final class Plan {
  /** Lines listed per section before "… and N more". */
  static final int MAX_LINES = 12;

  private static final String MEMORY_FRACTION = "spark.memory.fraction";
  private static final Pattern LOCAL_CORES = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?\\]");

  private Plan() {}

  /** Contexts, groups, cells, estimated work and the output folder. */
  public static String describe(Sweep s) {
    StringBuilder b = new StringBuilder();
    line(b, "sweep %s -> %s", s.name(), resultsFolder(s));
    line(b, "  definition sha256 %s", s.definitionHash());
    line(b, "  seed %d, %s replicates per group, max-generations M = %s, trajectories: %s",
        s.seed(), count(s.replicates()), count(s.maxGenerations()), s.trajectories().canonical());

    if (s.groups().isEmpty() && s.isText()) {
      describeText(b, s);
      spark(b, s);
      return b.toString();
    }
    line(b, "contexts: %d", s.contexts().size());
    int shown = 0;
    for (ContextEntry c : s.contexts()) {
      if (shown++ == MAX_LINES) {
        line(b, "  ... and %d more", s.contexts().size() - MAX_LINES);
        break;
      }
      Context p = c.context();
      line(b, "  %s  %s  (support %s of %s, S_0 = %.4g, H = %.4g nats)", c.contextId(), p.source(),
          count(p.support()), count(p.vocabulary()), p.s0(), p.entropy());
    }

    if (!s.models().isEmpty()) {
      line(b, "models: %d", s.models().size());
      for (ModelEntry m : s.models().subList(0, Math.min(MAX_LINES, s.models().size()))) {
        line(b, "  %s  %s", m.contextId(), m.spec().source());
      }
    }

    Map<ParadigmSpec, double[]> perSpec = new LinkedHashMap<>();
    for (Group g : s.groups()) {
      double[] sum = perSpec.computeIfAbsent(g.spec(), k -> new double[2]);
      sum[0] += g.estimatedGenerations();
      sum[1]++;
    }
    line(b, "parameter sets: %d (each on every context), est. generations per run (mean over contexts):", perSpec.size());
    int width = perSpec.keySet().stream().mapToInt(spec -> label(spec).length()).max().orElse(0);
    shown = 0;
    for (Map.Entry<ParadigmSpec, double[]> e : perSpec.entrySet()) {
      if (shown++ == MAX_LINES) {
        line(b, "  ... and %d more", perSpec.size() - MAX_LINES);
        break;
      }
      line(b, "  %-" + width + "s %8s", label(e.getKey()), approx(e.getValue()[0] / e.getValue()[1]));
    }

    double total = s.groups().stream().mapToDouble(Group::estimatedGenerations).sum() * s.replicates();
    if (s.models().isEmpty()) {
      line(b, "groups: %s = %d contexts x %d parameter sets", count(s.groups().size()), s.contexts().size(), perSpec.size());
    } else {
      // a Gaussian model's own collapse-epsilon makes its parameter sets differ from the contexts'
      line(b, "groups: %s = (%d contexts + %d models) x the parameter sets of sweep.paradigms", count(s.groups().size()),
          s.contexts().size(), s.models().size());
    }
    line(b, "cells:  %s = %s groups x %s replicates", count((long) s.groups().size() * s.replicates()), count(s.groups().size()), count(s.replicates()));
    line(b, "work:   about %s generations in all (fully synthetic: Wright-Fisher E[T] = -2n sum (1-p_i) ln(1-p_i), "
        + "capped at M; other paradigms run to M)", approx(total));
    double coreSeconds = TimeEstimate.workCoreSeconds(s);
    int cores = localCores(s.sparkMaster());
    if (cores > 0) {
      line(b, "time:   simulate about %s on %d cores: %s of start-up (JVM, Spark, tables) + %s core-seconds of kernel "
          + "work at the rates measured per paradigm family (BENCHMARKS.md)", duration(TimeEstimate.wallSeconds(s, cores)),
          cores, duration(TimeEstimate.STARTUP_SECONDS), approx(coreSeconds));
      HeapEstimate heap = HeapEstimate.of(s, SimulateJob.AUTOMATIC_CHUNKS, 0, cores,
          s.sparkConf().containsKey(MEMORY_FRACTION) ? Double.parseDouble(s.sparkConf().get(MEMORY_FRACTION))
              : HeapEstimate.DEFAULT_MEMORY_FRACTION);
      line(b, "memory: simulate needs %s of heap on %d cores; this JVM has %,d MiB%s", heap.describe(), cores,
          Runtime.getRuntime().maxMemory() >> 20, heap.bytes() > Runtime.getRuntime().maxMemory()
              ? String.format(Locale.ROOT, " (set FARM_JAVA_OPTS=-Xmx%dg)", heap.suggestedGib()) : "");
    } else {
      line(b, "time:   simulate about %s core-seconds of kernel work at the rates measured per paradigm family "
          + "(BENCHMARKS.md); divide by the cluster's cores and add Spark's start-up", approx(coreSeconds));
    }
    if (s.isText()) {
      describeText(b, s); // the lines above count the contexts' and models' groups; these the text groups
    }
    spark(b, s);
    return b.toString();
  }

  private static void spark(StringBuilder b, Sweep s) {
    line(b, "spark:  master %s%s", s.sparkMaster() == null ? "not set (local[*] unless spark-submit sets one)" : s.sparkMaster(),
        s.sparkConf().isEmpty() ? "" : ", " + String.join(", ", s.sparkConf().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).toList()));
  }

  /** The text part (MATH.md §8): corpora, orders, groups, cells and the tokens they generate. */
  private static void describeText(StringBuilder b, Sweep s) {
    TextSweep t = s.text();
    line(b, "text: %d corpora (read, tokenised and counted when the simulation starts), max-length %d, probes %s, "
        + "kneser-ney %s, %d sample documents per generation", t.corpora().size(), t.maxLength(),
        t.probes().isEmpty() ? "none" : String.join(" | ", t.probes()), t.kneserNey() ? "on" : "off", t.samples());
    for (CorpusEntry c : t.corpora()) {
      line(b, "  %s  %s (%s, tokenizer %s, language %s, max-vocabulary %s, validation %s)", c.corpusId(), c.name(),
          c.builtin() ? "built-in Europarl" : c.path() + ", " + c.format(), c.tokenizer().configName(),
          c.language().configName(), count(c.maxVocabulary()), c.split().fraction());
    }
    double tokens = 0;
    for (TextSweep.Group g : t.groups()) {
      tokens += (double) g.spec().n() * s.maxGenerations();
    }
    line(b, "groups: %s = %d corpora x %d orders x %d parameter sets", count(t.groups().size()), t.corpora().size(),
        t.groups().stream().map(TextSweep.Group::order).distinct().count(),
        t.groups().stream().map(TextSweep.Group::spec).distinct().count());
    line(b, "cells:  %s = %s groups x %s replicates", count((long) t.groups().size() * s.replicates()), count(t.groups().size()), count(s.replicates()));
    line(b, "work:   about %s tokens generated in all (n per generation, M generations; runs absorbed early stop sooner)",
        approx(tokens * s.replicates()));
  }

  /** The results folder as the user will find it. */
  static String resultsFolder(Sweep s) {
    if (ResultsStore.SCHEME.matcher(s.output()).matches()) {
      return s.output().replaceAll("/+$", "") + "/" + s.name() + "/";
    }
    return Path.of(s.output()).toAbsolutePath().normalize().resolve(s.name()) + "/";
  }

  /** The neutral values of the knobs, as {@link ParadigmSpec#canonical()} writes them. */
  private static final Set<String> NEUTRAL_KNOBS =
      Set.of("temperature=1.0", "top-p=1.0", "smoothing=0.0", "collapse-epsilon=0.0", "real-anchor=0");

  /** A parameter set without the knobs left at their neutral values, e.g. {@code fully-synthetic n=10}. */
  public static String label(ParadigmSpec spec) {
    return Arrays.stream(spec.canonical().split(";")).filter(p -> !NEUTRAL_KNOBS.contains(p))
        .collect(Collectors.joining(" "));
  }

  /** The cores of a local master, or 0 for a cluster. Unset means local[*]. */
  static int localCores(String master) {
    if (master == null || master.equals("local[*]")) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (master.equals("local")) {
      return 1;
    }
    Matcher m = LOCAL_CORES.matcher(master);
    if (m.matches()) {
      return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
    }
    return 0;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Whole numbers below 10,000 as they are, larger ones with two significant digits, e.g. {@code 1.9e6}. */
  static String approx(double x) {
    return x < 1e4 ? String.format(Locale.ROOT, "%.0f", x)
        : String.format(Locale.ROOT, "%.2g", x).replace("e+0", "e").replace("e+", "e");
  }

  private static String duration(double seconds) {
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    if (seconds < 7200) {
      return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
