package org.collapsefarm.jobs.theory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.collapsefarm.jobs.io.ResultsFolder;

/**
 * Writes a derived table (theory, comparison, collapse_times) so that a reader never sees a half
 * written one: Parquet goes to a temporary folder {@code <root>/_tmp/<table>-<uuid>}, which is then
 * renamed onto {@code <root>/<table>}. A re-run replaces the table whole, so the stages are
 * idempotent; the tables are a function of the sweep and the simulation tables only.
 */
public final class AtomicTables {
  /** The folder of temporary table attempts under the results root. */
  public static final String TEMPORARY = "_tmp";

  private AtomicTables() {}

  /** Writes {@code table} as {@code <root>/<name>}, replacing any previous version. */
  public static void write(Dataset<Row> table, ResultsFolder folder, String name) {
    FileSystem fs = folder.fs();
    Path tmpDir = new Path(folder.root(), TEMPORARY);
    Path attempt = new Path(tmpDir, name + "-" + UUID.randomUUID());
    Path target = new Path(folder.table(name));
    table.write().parquet(attempt.toString());
    try {
      fs.delete(target, true);
      if (!fs.rename(attempt, target)) {
        throw new IOException("could not rename " + attempt + " to " + target);
      }
      if (fs.exists(tmpDir) && fs.listStatus(tmpDir).length == 0) {
        fs.delete(tmpDir, false); // another stage may still be writing beside us: only when empty
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
