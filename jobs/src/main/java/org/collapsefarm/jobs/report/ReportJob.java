package org.collapsefarm.jobs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.io.MissingInputException;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.simulate.Tables;

/**
 * The report stage (DESIGN.md data flow, issue 5): reads the tables of {@code <output>/<name>/},
 * draws every figure kind that has data into {@code figures/} (PNG and SVG) and writes
 * {@code report.md} beside the tables. Re-running replaces the figures and the report.
 */
public final class ReportJob {
  public static final String FIGURES = "figures";
  public static final String REPORT = "report.md";

  /** What the stage wrote. */
  public record Outcome(Path report, List<Figure> figures, Map<FigureKind, String> skipped) {}

  private ReportJob() {}

  /** Runs the stage; the simulate tables must exist (a {@link MissingInputException} says so). */
  public static Outcome run(SparkSession spark, Sweep sweep) {
    ResultsFolder folder = new ResultsFolder(sweep.output(), sweep.name(), spark.sparkContext().hadoopConfiguration());
    try {
      if (!new TableStore(folder).exists(Tables.GENERATION_STATS)) {
        throw new MissingInputException("no tables in " + folder.root() + ": run simulate first");
      }
      ReportData data = ReportData.load(spark, folder);
      Path figures = new Path(folder.root(), FIGURES);
      folder.fs().delete(figures, true);
      folder.fs().mkdirs(figures);
      FigureSink sink = new FigureSink(folder.fs(), figures);
      new CollapseTimeFigures(data, sink).draw();
      new CurveFigures(data, sink).draw();
      new WindowFigures(data, sink).draw();
      new SimplexFigures(data, sink).draw();
      new AccumulateFigures(data, sink).draw();
      new MitigationFigures(data, sink).draw();
      new FamilyFigures(FamilyData.load(spark, folder), data, sink).draw();
      String samples = new TextFigures(spark, folder, sink).draw();
      Path report = new Path(folder.root(), REPORT);
      String text = ReportMarkdown.render(sweep.name(), folder.root().toString(), data, sink.figures(), sink.skipped())
          + samples;
      try (OutputStream out = folder.fs().create(report, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return new Outcome(report, sink.figures(), sink.skipped());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
