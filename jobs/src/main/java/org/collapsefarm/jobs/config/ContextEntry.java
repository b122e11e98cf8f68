package org.collapsefarm.jobs.config;

import java.io.Serializable;
import org.collapsefarm.context.Context;
import org.collapsefarm.random.CellSeeds;

/**
 * One initial distribution p^(0) of a sweep (MATH.md §1) with its stable identity.
 *
 * @param contextId 16 lowercase hex digits of {@code CellSeeds.key(context.source())}: the
 *     canonical family text, so the same family and parameters give the same id in every sweep
 * @param context the distribution
 */
public record ContextEntry(String contextId, Context context) implements Serializable {

  /** The entry of {@code context}, its id derived from {@link Context#source()}. */
  public static ContextEntry of(Context context) {
    return new ContextEntry(Ids.hex(CellSeeds.key(context.source())), context);
  }
}
