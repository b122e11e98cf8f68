package org.collapsefarm.jobs.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical text of everything that determines a sweep's results, and its SHA-256. A results
 * folder remembers the hash of the sweep that made it ({@code _sweep/definition.sha256}); a re-run is
 * the same sweep exactly when the hash is the same. Spark settings and the output path are left out
 * on purpose: the same sweep may be resumed on another master or read from a moved folder.
 */
final class Definition {
  /** First line of the text; bump when the format changes (that makes every old folder "different"). */
  static final String HEADER = "collapse-farm sweep definition v1";

  private Definition() {}

  static String text(String name, long seed, int replicates, int maxGenerations, Trajectories trajectories,
      List<ContextEntry> contexts, List<ModelEntry> models, List<Group> groups) {
    StringBuilder b = new StringBuilder(HEADER).append('\n')
        .append("name=").append(name).append('\n')
        .append("seed=").append(seed).append('\n')
        .append("replicates=").append(replicates).append('\n')
        .append("max-generations=").append(maxGenerations).append('\n')
        .append("record.trajectories=").append(trajectories.canonical()).append('\n');
    for (ContextEntry c : contexts) {
      b.append("context ").append(c.contextId()).append(' ').append(c.context().source()).append('\n');
    }
    // Model lines exist only in sweeps with models, so every earlier sweep keeps its text and hash.
    for (ModelEntry m : models) {
      b.append("model ").append(m.contextId()).append(' ').append(m.spec().source()).append('\n');
    }
    for (Group g : groups) {
      b.append("group ").append(g.groupId()).append(" context=").append(g.contextId())
          .append(' ').append(g.spec().canonical()).append('\n');
    }
    return b.toString();
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
