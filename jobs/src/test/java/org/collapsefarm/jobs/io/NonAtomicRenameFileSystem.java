package org.collapsefarm.jobs.io;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local disk as an object store sees renames: {@code nonatomic:///path} is the local {@code
 * /path}, but renaming a folder copies its files one by one and then deletes the source — as S3A and
 * the GCS connector do — so a crash part-way leaves a half-copied folder behind. A single file still
 * appears whole (one object copy). Crashes are simulated by throwing an {@link IOException}:
 * {@link #crashAfterFileCopies} in the middle of a folder's copy, {@link #crashOnCreate} instead of
 * creating a matching file (e.g. a manifest).
 *
 * <p>Registered with {@code fs.nonatomic.impl}; state is static (one JVM, local Spark).
 */
public class NonAtomicRenameFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "nonatomic";
  /** File copies left before the next one throws (negative: never). */
  public static final AtomicInteger crashAfterFileCopies = new AtomicInteger(-1);
  /** Creating a file whose path matches throws, once per match (then the predicate is cleared). */
  public static volatile Predicate<Path> crashOnCreate = p -> false;
  /** Folder renames done as copies, for the tests to check the path was taken. */
  public static final AtomicInteger folderCopies = new AtomicInteger();

  /** Registers the scheme in a Hadoop configuration. */
  public static void register(Configuration conf) {
    conf.set("fs." + SCHEME + ".impl", NonAtomicRenameFileSystem.class.getName());
    conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
    setConf(conf);
  }

  @Override
  public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
      Progressable progress) throws IOException {
    crashIfAsked(f);
    return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    crashIfAsked(f);
    return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
  }

  private static void crashIfAsked(Path f) throws IOException {
    Predicate<Path> crash = crashOnCreate;
    if (crash.test(f)) {
      crashOnCreate = p -> false;
      throw new IOException("simulated crash: creating " + f);
    }
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    if (!exists(src)) {
      return false;
    }
    Path target = exists(dst) && getFileStatus(dst).isDirectory() ? new Path(dst, src.getName()) : dst;
    if (getFileStatus(src).isDirectory()) {
      folderCopies.incrementAndGet();
    }
    copy(src, target);
    return delete(src, true);
  }

  private void copy(Path src, Path dst) throws IOException {
    FileStatus status = getFileStatus(src);
    if (status.isDirectory()) {
      mkdirs(dst);
      for (FileStatus child : listStatus(src)) {
        copy(child.getPath(), new Path(dst, child.getPath().getName()));
      }
      return;
    }
    if (crashAfterFileCopies.getAndDecrement() == 0) {
      throw new IOException("simulated crash: copying " + src + " to " + dst);
    }
    // One object copy: written aside, then made visible whole (a local rename of one file).
    Path aside = new Path(dst.getParent(), "." + dst.getName() + ".copying");
    try (FSDataInputStream in = open(src); FSDataOutputStream out = super.create(aside, true, 1 << 16, (short) 1, 1 << 26, null)) {
      in.transferTo(out);
    }
    if (!super.rename(aside, dst)) {
      throw new IOException("could not place " + dst);
    }
  }
}
