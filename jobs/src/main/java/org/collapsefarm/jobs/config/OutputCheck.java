package org.collapsefarm.jobs.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Checks the results folder {@code <output>/<name>/} before anything is written (issue 3, item 3):
 * the output must be a folder (or creatable), writable, and a results folder that already exists
 * must come from the same sweep definition, so that a re-run resumes it instead of mixing two
 * sweeps' rows. Reads only.
 */
public final class OutputCheck {
  /** The marker folder inside a results folder, written by the simulate stage. */
  public static final String MARKER_FOLDER = "_sweep";
  /** The marker with the hex SHA-256 of the definition. */
  public static final String DEFINITION_HASH = MARKER_FOLDER + "/definition.sha256";
  /** The marker with the definition text. */
  public static final String DEFINITION_TEXT = MARKER_FOLDER + "/definition.conf";

  /** What a run would find at the results folder. */
  public enum Status {
    /** No results yet: a run starts from scratch. */
    NEW,
    /** Results of this very definition: a run resumes them, computing only the missing cells. */
    RESUME
  }

  private OutputCheck() {}

  /**
   * Throws when the output is a file, is not writable, or holds the results of a different sweep
   * definition ({@code <output>/<name>/_sweep/definition.sha256} differs).
   *
   * <p>Only what the file system says (I/O and permission errors) is bad configuration; any other
   * exception is a bug and goes on, to exit 1 with its stack trace under {@code --verbose}.
   *
   * @return whether a run would start afresh or resume
   */
  public static Status check(Sweep s) throws ConfigException {
    try (ResultsStore store = ResultsStore.of(s.output())) {
      return check(s, store);
    } catch (IOException | UncheckedIOException | SecurityException e) {
      throw new ConfigException("sweep.output", "cannot inspect '" + s.output() + "': " + e.getMessage(),
          "a reachable, writable folder");
    }
  }

  static Status check(Sweep s, ResultsStore store) throws ConfigException, IOException {
    if (store.kind("") == ResultsStore.Kind.FILE) {
      throw new ConfigException("sweep.output", "'" + store.root() + "' is a file, not a folder",
          "a folder (created if missing)");
    }
    ResultsStore.Existing existing = store.nearestExisting(s.name());
    if (existing == null) {
      throw new ConfigException("sweep.output", "no part of '" + store.root() + "' exists", "a path on an existing file system");
    }
    if (existing.kind() == ResultsStore.Kind.FILE) {
      throw new ConfigException(existing.path().length() > store.root().length() ? "sweep.name" : "sweep.output",
          "'" + existing.path() + "' is a file, so the results folder cannot be created there",
          "a folder (created if missing)");
    }
    if (!existing.writable()) {
      throw new ConfigException("sweep.output", "'" + existing.path() + "' is not writable", "a writable folder");
    }
    return store.kind(s.name()) == ResultsStore.Kind.FOLDER ? checkSameSweep(s, store) : Status.NEW;
  }

  private static Status checkSameSweep(Sweep s, ResultsStore store) throws ConfigException, IOException {
    String folder = store.root() + "/" + s.name();
    String marker = s.name() + "/" + DEFINITION_HASH;
    if (store.kind(marker) == ResultsStore.Kind.FILE) {
      String stored = store.read(marker).trim();
      if (!stored.equals(s.definitionHash())) {
        throw new ConfigException("sweep.name",
            "results folder '" + folder + "' holds a different sweep definition (sha256 " + abbreviate(stored)
                + " there, " + abbreviate(s.definitionHash()) + " now; see " + DEFINITION_TEXT + ")",
            "the same definition to resume it, another sweep.name (e.g. --set sweep.name=" + s.name()
                + "-2), or delete the folder");
      }
      return Status.RESUME;
    }
    List<String> foreign = store.children(s.name()).stream()
        .filter(n -> !n.startsWith(".") && !n.equals(MARKER_FOLDER)).toList();
    if (!foreign.isEmpty()) {
      throw new ConfigException("sweep.name",
          "'" + folder + "' exists and is not a collapse-farm results folder (no " + DEFINITION_HASH
              + "; it holds " + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
              + (foreign.size() > 3 ? ", …" : "") + ")",
          "another sweep.name or sweep.output, or delete the folder");
    }
    return Status.NEW;
  }

  private static String abbreviate(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }
}
