package org.collapsefarm.jobs.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text form every manifest shares: a header naming its kind and version, {@code key value} lines,
 * one {@code file <table> <path> <bytes>} line per data file, and a last line {@code end N} that counts
 * the lines before it, so a torn copy (possible where a file is visible while it is written) reads as
 * no manifest at all.
 */
final class ManifestText {
  private ManifestText() {}

  /** The manifest: {@code header}, the {@code key value} lines, the file lines, the end line. */
  static String render(String header, List<String> keyLines, List<DataFile> files) {
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(keyLines);
    for (DataFile f : files) {
      lines.add("file " + f.table() + " " + f.path() + " " + f.bytes());
    }
    return String.join("\n", lines) + "\nend " + lines.size() + "\n";
  }

  /**
   * The lines between the header and the end line, or empty when {@code text} is torn or not a
   * manifest of this {@code header}.
   */
  static Optional<List<String>> body(String header, String text) {
    String[] lines = text.split("\n");
    if (lines.length < 2 || !lines[0].equals(header) || !lines[lines.length - 1].equals("end " + (lines.length - 1))) {
      return Optional.empty();
    }
    return Optional.of(List.of(lines).subList(1, lines.length - 1));
  }

  /** The value of a {@code key value} line; IllegalArgumentException for another key. */
  static String value(String line, String key) {
    if (!line.startsWith(key + " ")) {
      throw new IllegalArgumentException("expected '" + key + " …', got " + line);
    }
    return line.substring(key.length() + 1);
  }

  /** A {@code file …} line's data file; IllegalArgumentException when it is not one. */
  static DataFile file(String line) {
    String[] f = value(line, "file").split(" ");
    if (f.length != 3) {
      throw new IllegalArgumentException("expected 'file <table> <path> <bytes>', got " + line);
    }
    return new DataFile(f[0], f[1], Long.parseLong(f[2]));
  }
}
