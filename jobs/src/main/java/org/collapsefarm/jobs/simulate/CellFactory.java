package org.collapsefarm.jobs.simulate;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.collapsefarm.jobs.config.Cells;
import org.collapsefarm.jobs.config.Group;
import org.collapsefarm.jobs.config.Trajectories;
import org.collapsefarm.random.CellSeeds;

/**
 * Makes the cells of a sweep from (group, replicate) alone — cell id, seed, commit chunk and
 * trajectory flag are functions of the sweep seed, the group and the replicate — so that executors
 * generate them from {@link CellRange}s and the driver never holds one object per cell.
 *
 * @param sweepSeed the sweep seed
 * @param trajectories which replicates record their trajectories
 * @param chunks the sweep's commit chunk count ({@link #chunkOf})
 */
public record CellFactory(long sweepSeed, Trajectories trajectories, int chunks) implements Serializable {
  /** {@link #cells}' chunk argument for the cells of every chunk. */
  public static final int ALL_CHUNKS = -1;

  public CellFactory {
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be >= 1, got " + chunks);
    }
  }

  /** Replicate r of a group, as a cell. */
  public CellTask cell(Group group, double cellCost, int r) {
    long key = Cells.key(group.groupId(), r);
    return cell(group, cellCost, r, key, chunkOf(key, chunks));
  }

  private CellTask cell(Group group, double cellCost, int r, long key, int chunk) {
    return new CellTask(
        Cells.cellId(group.groupId(), r),
        group.groupId(),
        group.contextId(),
        group.spec(),
        r,
        CellSeeds.cellSeed(sweepSeed, key),
        cellCost,
        chunk,
        trajectories.records(r));
  }

  /**
   * The cells of {@code ranges} in commit chunk {@code chunk} (or all, {@link #ALL_CHUNKS}), range by
   * range in replicate order, made one at a time as the iterator advances. Deciding a cell's chunk
   * costs one hash of its id (from the group's prefix state: no string built), so a chunk's scan of
   * the ranges is cheap next to running the cells it keeps.
   */
  public Iterable<CellTask> cells(List<CellRange> ranges, int chunk) {
    return () -> new Iterator<>() {
      private int range = -1;
      private Cells.KeySequence keys;
      private CellTask next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (range >= 0 && keys.replicate() < ranges.get(range).to()) {
            long key = keys.key();
            int c = chunkOf(key, chunks);
            if (chunk == ALL_CHUNKS || c == chunk) {
              CellRange current = ranges.get(range);
              next = cell(current.group(), current.cellCost(), keys.replicate(), key, c);
            }
            keys.next();
          } else if (range + 1 < ranges.size()) {
            range++;
            keys = new Cells.KeySequence(ranges.get(range).group().groupId(), ranges.get(range).from());
          } else {
            return false;
          }
        }
        return true;
      }

      @Override
      public CellTask next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        CellTask cell = next;
        next = null;
        return cell;
      }
    };
  }

  /**
   * The commit chunk of a cell: a hash of its id modulo the chunk count. It depends on the cell's
   * identity only (never on partitions or executors), so a restarted sweep finds the same chunks,
   * and expensive groups spread over all chunks instead of filling one.
   */
  public static int chunkOf(String cellId, int chunks) {
    return chunkOf(CellSeeds.key(cellId), chunks);
  }

  /** {@link #chunkOf(String, int)} from the cell id's key. */
  static int chunkOf(long cellKey, int chunks) {
    return (int) Math.floorMod(cellKey, (long) chunks);
  }
}
