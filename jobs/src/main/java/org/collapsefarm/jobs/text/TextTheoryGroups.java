package org.collapsefarm.jobs.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.collapsefarm.jobs.io.TableStore;
import org.collapsefarm.context.Context;
import org.collapsefarm.jobs.config.Sweep;
import org.collapsefarm.jobs.config.TextSweep;
import org.collapsefarm.jobs.io.ResultsFolder;
import org.collapsefarm.jobs.simulate.Tables;
import org.collapsefarm.paradigm.Paradigm;
import org.collapsefarm.paradigm.ParadigmSpec;

/**
 * The text groups that the closed forms of the categorical family apply to (MATH.md §8, "exact link
 * to §4"): order 1, fully synthetic, no knob. A generation of such a run is Mult(n, p^(m−1)) over
 * V_0 with p^(0) the training part's unigram distribution, so [S] Theorem 1, Proposition 1 and the
 * exact chain hold as for a categorical context with that p^(0) — which the {@code contexts} table
 * written by the simulate stage holds. The theory and compare stages add these groups to the
 * categorical ones; without that table (theory run before simulate) there are none.
 */
public final class TextTheoryGroups {
  /** A text group as the categorical checks see it. */
  public record Unigram(String groupId, Context context, ParadigmSpec spec) {}

  private TextTheoryGroups() {}

  public static List<Unigram> of(SparkSession spark, Sweep sweep, ResultsFolder folder) {
    List<Unigram> out = new ArrayList<>();
    TableStore tables = new TableStore(folder);
    if (!sweep.isText() || !tables.exists(Tables.CONTEXTS)) {
      return out;
    }
    Map<String, Context> contexts = new HashMap<>();
    for (Row r : tables.read(spark, Tables.CONTEXTS).where(org.apache.spark.sql.functions.col("order").equalTo(1)).collectAsList()) {
      List<Integer> tokens = r.getList(r.fieldIndex("tokens"));
      List<Double> probs = r.getList(r.fieldIndex("probs"));
      contexts.put(r.getString(r.fieldIndex("context_id")), new Context(r.getInt(r.fieldIndex("vocabulary")),
          tokens.stream().mapToInt(Integer::intValue).toArray(), probs.stream().mapToDouble(Double::doubleValue).toArray(),
          r.getString(r.fieldIndex("source"))));
    }
    for (TextSweep.Group g : sweep.text().groups()) {
      Context c = contexts.get(g.contextId());
      if (c != null && g.order() == 1 && g.spec().paradigm() == Paradigm.FULLY_SYNTHETIC && g.spec().isPlain()) {
        out.add(new Unigram(g.groupId(), c, g.spec()));
      }
    }
    return out;
  }
}
