package org.collapsefarm.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapsefarm.context.Context;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.Trajectories;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.random.CellSeeds;

/**
 * Small sweeps built directly (ids as in the farm contract), for tests of the simulate stage that
 * should not depend on the configuration loader.
 */
public final class TestSweeps {
  private TestSweeps() {}

  /** An explicit context on a small vocabulary. */
  public static ContextEntry context(double... probs) {
    int[] tokens = new int[probs.length];
    for (int i = 0; i < probs.length; i++) {
      tokens[i] = i;
    }
    StringBuilder source = new StringBuilder("explicit(probs=[");
    for (int i = 0; i < probs.length; i++) {
      source.append(i == 0 ? "" : ",").append(probs[i]);
    }
    source.append("])");
    Context c = new Context(probs.length, tokens, probs, source.toString());
    return new ContextEntry(hex(CellSeeds.key(c.source())), c);
  }

  /** A group of {@code spec} on {@code context} with cap M; estimated generations as given. */
  public static Group group(ContextEntry context, ParadigmSpec spec, int maxGenerations, double estimate) {
    String id = hex(CellSeeds.key(context.contextId() + "|" + spec.canonical() + "|max-generations=" + maxGenerations));
    return new Group(id, context.contextId(), spec, estimate);
  }

  /**
   * A mixed sweep: two contexts × fully synthetic n ∈ {2, 5, 20} and partially synthetic n = 5;
   * costs that differ by an order of magnitude, so balancing matters.
   */
  public static Sweep mixed(String name, String output, int replicates, int maxGenerations, Trajectories trajectories) {
    ContextEntry a = context(0.5, 0.3, 0.2);
    ContextEntry b = context(0.4, 0.3, 0.2, 0.05, 0.05);
    List<Group> groups = new ArrayList<>();
    for (ContextEntry c : List.of(a, b)) {
      for (int n : new int[] {2, 5, 20}) {
        groups.add(group(c, ParadigmSpec.fullySynthetic(n), maxGenerations, Math.min(maxGenerations, 2.0 * n)));
      }
      groups.add(
          group(c, ParadigmSpec.defaults(org.collapsefarm.paradigm.Paradigm.PARTIALLY_SYNTHETIC, 5).withRealN(10),
              maxGenerations, maxGenerations));
    }
    return sweep(name, output, 20240408L, replicates, maxGenerations, trajectories, List.of(a, b), groups);
  }

  public static Sweep sweep(String name, String output, long seed, int replicates, int maxGenerations,
      Trajectories trajectories, List<ContextEntry> contexts, List<Group> groups) {
    StringBuilder def = new StringBuilder();
    def.append(String.format(Locale.ROOT, "seed=%d;replicates=%d;max-generations=%d;trajectories=%s%n",
        seed, replicates, maxGenerations, trajectories.canonical()));
    contexts.forEach(c -> def.append("context ").append(c.contextId()).append(' ').append(c.context().source()).append('\n'));
    groups.forEach(g -> def.append("group ").append(g.groupId()).append('\n'));
    String definition = def.toString();
    return new Sweep(name, output, seed, replicates, maxGenerations, trajectories, null, Map.of(),
        contexts, groups, definition, sha256(definition));
  }

  static String hex(long key) {
    return String.format(Locale.ROOT, "%016x", key);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
