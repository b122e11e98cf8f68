package org.collapsefarm.jobs.config;

import java.io.Serializable;
import org.collapsefarm.family.FamilySpec;
import org.collapsefarm.random.CellSeeds;

/**
 * One true model of a family beside the categorical contexts (DESIGN.md {@code sweep.models}, MATH.md
 * §7), with its stable identity. Its id lives in the same {@code context_id} column as a context's,
 * so groups, cells and runs name it the same way.
 *
 * @param contextId 16 lowercase hex digits of {@code CellSeeds.key(spec.source())}
 * @param spec the family and its true parameters
 */
public record ModelEntry(String contextId, FamilySpec spec) implements Serializable {

  /** The entry of {@code spec}, its id derived from {@link FamilySpec#source()}. */
  public static ModelEntry of(FamilySpec spec) {
    return new ModelEntry(Ids.hex(CellSeeds.key(spec.source())), spec);
  }
}
