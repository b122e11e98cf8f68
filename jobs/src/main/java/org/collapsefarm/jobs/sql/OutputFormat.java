package org.collapsefarm.jobs.sql;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How {@code farm sql} prints a result: an aligned table for people (at most {@link #TABLE_ROWS}
 * rows and {@link #TABLE_CELL_WIDTH} characters a cell, then a row-count line), CSV with a header,
 * or JSON lines (one object per row, Spark's own JSON encoding) for programs. CSV and JSON print
 * every row, streamed through {@link Dataset#toLocalIterator()} so large results do not sit on the
 * driver at once.
 */
public enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  /** Rows shown by the table format; the row-count line says how many there were in all. */
  public static final int TABLE_ROWS = 50;
  /** Longest cell shown by the table format; longer values end in an ellipsis. */
  public static final int TABLE_CELL_WIDTH = 40;

  /** Prints {@code result} in this format. */
  public void print(Dataset<Row> result, PrintWriter out) {
    switch (this) {
      case TABLE -> table(result, out);
      case CSV -> csv(result, out);
      case JSON -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
      default -> throw new IllegalStateException(name());
    }
    out.flush();
  }

  private static void table(Dataset<Row> result, PrintWriter out) {
    String[] columns = result.columns();
    List<Row> rows = result.limit(TABLE_ROWS + 1).collectAsList();
    boolean more = rows.size() > TABLE_ROWS;
    List<String[]> cells = new ArrayList<>();
    for (Row row : rows.subList(0, Math.min(rows.size(), TABLE_ROWS))) {
      String[] line = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        line[i] = truncate(row.isNullAt(i) ? "NULL" : text(row.get(i)));
      }
      cells.add(line);
    }
    int[] width = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      width[i] = columns[i].length();
      for (String[] line : cells) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    out.println(join(columns, width));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    out.println(rule);
    cells.forEach(line -> out.println(join(line, width)));
    if (more) {
      out.printf("(%,d rows; first %d shown — use --format csv or json for all)%n", result.count(), TABLE_ROWS);
    } else {
      out.printf("(%d row%s)%n", cells.size(), cells.size() == 1 ? "" : "s");
    }
  }

  private static String join(String[] values, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : "  ");
      b.append(i == values.length - 1 ? values[i] : String.format("%-" + width[i] + "s", values[i]));
    }
    return b.toString();
  }

  private static String truncate(String s) {
    String flat = s.replaceAll("[\\r\\n\\t]+", " ");
    return flat.length() <= TABLE_CELL_WIDTH ? flat : flat.substring(0, TABLE_CELL_WIDTH - 1) + "…";
  }

  /** Arrays print as {@code [a, b]} rather than as Scala's {@code ArraySeq(a, b)}. */
  private static String text(Object value) {
    if (value instanceof scala.collection.Seq<?> seq) {
      StringBuilder b = new StringBuilder("[");
      Iterator<?> it = scala.jdk.javaapi.CollectionConverters.asJava(seq).iterator();
      while (it.hasNext()) {
        b.append(it.next()).append(it.hasNext() ? ", " : "");
      }
      return b.append(']').toString();
    }
    return String.valueOf(value);
  }

  private static void csv(Dataset<Row> result, PrintWriter out) {
    String[] columns = result.columns();
    List<String> header = new ArrayList<>();
    for (String c : columns) {
      header.add(csvField(c));
    }
    Iterator<Row> rows = result.toLocalIterator();
    // hasNext() runs the first partition: a query that fails at once fails before the header.
    rows.hasNext();
    out.println(String.join(",", header));
    while (rows.hasNext()) {
      Row row = rows.next();
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < columns.length; i++) {
        b.append(i == 0 ? "" : ",").append(row.isNullAt(i) ? "" : csvField(text(row.get(i))));
      }
      out.println(b);
    }
  }

  /** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
  static String csvField(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
