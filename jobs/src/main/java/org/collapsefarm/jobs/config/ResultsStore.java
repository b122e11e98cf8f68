package org.collapsefarm.jobs.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/**
 * The few read-only questions {@link OutputCheck} asks of the place where results go: a local folder
 * (a path or a {@code file:} URI, through java.nio) or any Hadoop file system (hdfs://, s3a://, …,
 * through Hadoop's FileSystem, which Spark brings). Nothing here writes.
 */
interface ResultsStore extends AutoCloseable {
  /** What is at a path. */
  enum Kind { MISSING, FILE, FOLDER }

  /** A URI scheme of two or more characters (so that a Windows drive letter is not one). */
  Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  /**
   * The store of {@code output}: local unless it is a URI of another scheme than {@code file}.
   *
   * @throws ConfigException when {@code output} is not a valid path or URI (java.nio and Hadoop say
   *     so with an IllegalArgumentException)
   */
  static ResultsStore of(String output) throws IOException, ConfigException {
    try {
      if (!SCHEME.matcher(output).matches()) {
        return new Local(Path.of(output).toAbsolutePath().normalize());
      }
      URI uri = URI.create(output);
      if ("file".equalsIgnoreCase(uri.getScheme())) {
        return new Local(Path.of(uri));
      }
      return new Hadoop(uri);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("sweep.output", "'" + output + "' is not a valid path or URI: " + e.getMessage(),
          "a folder path or a URI such as hdfs://host/path or file:///path");
    }
  }

  /** The root (the output folder) as text for messages. */
  String root();

  /** {@code root/relative}; {@code ""} is the root. */
  Kind kind(String relative) throws IOException;

  /** The names in folder {@code relative}. */
  List<String> children(String relative) throws IOException;

  /** The text of file {@code relative}. */
  String read(String relative) throws IOException;

  /**
   * The nearest path that exists on the way up from {@code root/relative} (itself included), or
   * null when not even a file-system root exists.
   */
  Existing nearestExisting(String relative) throws IOException;

  /**
   * An existing path.
   *
   * @param path as text for messages
   * @param kind file or folder
   * @param writable whether entries may be created in it
   */
  record Existing(String path, Kind kind, boolean writable) {}

  @Override
  void close() throws IOException;

  /** A local folder. */
  final class Local implements ResultsStore {
    private final Path root;

    Local(Path root) {
      this.root = root;
    }

    @Override
    public String root() {
      return root.toString();
    }

    private Path at(String relative) {
      return relative.isEmpty() ? root : root.resolve(relative);
    }

    @Override
    public Kind kind(String relative) {
      Path p = at(relative);
      return Files.isDirectory(p) ? Kind.FOLDER : Files.exists(p) ? Kind.FILE : Kind.MISSING;
    }

    @Override
    public List<String> children(String relative) throws IOException {
      try (var s = Files.list(at(relative))) {
        return s.map(p -> p.getFileName().toString()).sorted().toList();
      }
    }

    @Override
    public String read(String relative) throws IOException {
      return Files.readString(at(relative), StandardCharsets.UTF_8);
    }

    @Override
    public Existing nearestExisting(String relative) {
      Path p = at(relative);
      while (p != null && !Files.exists(p)) {
        p = p.getParent();
      }
      return p == null ? null
          : new Existing(p.toString(), Files.isDirectory(p) ? Kind.FOLDER : Kind.FILE, Files.isWritable(p));
    }

    @Override
    public void close() {}
  }

  /** A Hadoop file system (hdfs://, s3a://, …). */
  final class Hadoop implements ResultsStore {
    private final org.apache.hadoop.fs.Path root;
    private final FileSystem fs;

    Hadoop(URI uri) throws IOException {
      this.root = new org.apache.hadoop.fs.Path(uri);
      this.fs = FileSystem.newInstance(uri, new Configuration());
    }

    @Override
    public String root() {
      return root.toString();
    }

    private org.apache.hadoop.fs.Path at(String relative) {
      return relative.isEmpty() ? root : new org.apache.hadoop.fs.Path(root, relative);
    }

    @Override
    public Kind kind(String relative) throws IOException {
      return kindOf(at(relative));
    }

    private Kind kindOf(org.apache.hadoop.fs.Path p) throws IOException {
      if (!fs.exists(p)) {
        return Kind.MISSING;
      }
      return fs.getFileStatus(p).isDirectory() ? Kind.FOLDER : Kind.FILE;
    }

    @Override
    public List<String> children(String relative) throws IOException {
      List<String> names = new ArrayList<>();
      for (FileStatus s : fs.listStatus(at(relative))) {
        names.add(s.getPath().getName());
      }
      names.sort(null);
      return names;
    }

    @Override
    public String read(String relative) throws IOException {
      try (var in = fs.open(at(relative))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    @Override
    public Existing nearestExisting(String relative) throws IOException {
      org.apache.hadoop.fs.Path p = at(relative);
      while (p != null && !fs.exists(p)) {
        p = p.getParent();
      }
      return p == null ? null : new Existing(p.toString(), kindOf(p), writable(p));
    }

    private boolean writable(org.apache.hadoop.fs.Path p) throws IOException {
      try {
        fs.access(p, FsAction.WRITE);
        return true;
      } catch (AccessControlException e) {
        return false;
      }
    }

    @Override
    public void close() throws IOException {
      fs.close();
    }
  }
}
