package org.collapsefarm.jobs.theory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.context.Context;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.jobs.config.ContextEntry;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.ModelEntry;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.text.TextTheoryGroups;
import org.collapsefarm.paradigm.ParadigmSpec;
import org.collapsefarm.theory.FamilyTheoryRows;
import org.collapsefarm.theory.TheoryRow;
import org.collapsefarm.theory.TheoryRows;

/**
 * The theory stage (issue 4 item 2): every closed form that applies to each group of the sweep
 * ({@link TheoryRows#forGroup}), written as the {@code theory} table. It needs the sweep only — the
 * closed forms depend on the context, the spec and the cap, not on the runs — so it can run before,
 * after or beside {@code simulate}. Groups are spread over the executors: most take microseconds, but
 * an exact chain near its guard takes seconds.
 */
public final class TheoryJob {
  /** Groups per task beyond one task per core: spreads the few slow exact chains, stays cheap. */
  private static final int GROUPS_PER_SLICE = 16;

  /** What the stage wrote. */
  public record Outcome(ResultsFolder folder, long groups, long rows) {}

  /** One group's inputs, shipped to an executor. */
  /** One group: a categorical context, or a model family's model (the other null). */
  record GroupSpec(String groupId, Context context, FamilySpec model, ParadigmSpec spec) implements Serializable {
    List<TheoryRow> rows(int maxGenerations) {
      return model != null ? FamilyTheoryRows.forGroup(model, spec, maxGenerations)
          : TheoryRows.forGroup(context, spec, maxGenerations);
    }
  }

  private TheoryJob() {}

  public static Outcome run(SparkSession spark, Sweep sweep) {
    ResultsFolder folder =
        new ResultsFolder(sweep.output(), sweep.name(), spark.sparkContext().hadoopConfiguration());
    // The theory stage may run first: mark the folder as this sweep's, so that no other sweep's
    // simulation can land beside this theory table (an identical marker is left alone).
    folder.writeDefinition(sweep.definition(), sweep.definitionHash());
    Map<String, Context> contexts =
        sweep.contexts().stream().collect(Collectors.toMap(ContextEntry::contextId, ContextEntry::context));
    List<GroupSpec> groups = new ArrayList<>();
    for (Group g : sweep.groups()) {
      ModelEntry model = sweep.model(g.contextId());
      groups.add(new GroupSpec(g.groupId(), contexts.get(g.contextId()), model == null ? null : model.spec(), g.spec()));
    }
    for (TextTheoryGroups.Unigram g : TextTheoryGroups.of(spark, sweep, folder)) {
      groups.add(new GroupSpec(g.groupId(), g.context(), null, g.spec()));
    }
    int maxGenerations = sweep.maxGenerations();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobDescription("theory: closed forms of " + groups.size() + " groups");
    int slices = Math.max(1, Math.min(groups.size(),
        Math.max(jsc.defaultParallelism(), (groups.size() + GROUPS_PER_SLICE - 1) / GROUPS_PER_SLICE)));
    JavaRDD<Row> rows = jsc.parallelize(groups, slices)
        .flatMap(g -> g.rows(maxGenerations).stream()
            .map(r -> TheoryTable.row(g.groupId(), r))
            .iterator());
    // One file per slice, each sorted: no global sort (and none of its 200 shuffle partitions) for a
    // table whose row order carries no meaning.
    var table = spark.createDataFrame(rows, TheoryTable.SCHEMA).sortWithinPartitions("group_id", "quantity",
        "generation");
    TableStore tables = new TableStore(folder);
    tables.write(table, TheoryTable.NAME);
    long written = tables.read(spark, TheoryTable.NAME).count();
    return new Outcome(folder, groups.size(), written);
  }
}
