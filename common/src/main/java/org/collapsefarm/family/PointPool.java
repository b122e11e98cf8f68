package org.collapsefarm.family;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A {@link SamplePool} of raw points of fixed width in a {@link ShuffledPool}, the one shape of the
 * Gaussian and Poisson pools: a family says how to draw n points of a model into the array and what
 * the training set of n stored points is; adding, the real set and drawing without replacement are here.
 *
 * @param <D> the family's training set
 * @param <M> the family's model
 */
abstract class PointPool<D, M> implements SamplePool<D, M> {
  private final ShuffledPool points;
  private final M truth;

  /**
   * @param width doubles per point
   * @param capacity the most points the pool will hold
   * @param truth the model of the real points
   */
  PointPool(int width, long capacity, M truth) {
    this.points = new ShuffledPool(width, capacity);
    this.truth = truth;
  }

  /** Writes n points drawn from model into {@code x[offset ..]} (width doubles each). */
  abstract void draw(M model, double[] x, int offset, int n, UniformRandomProvider rng);

  /** The training set of the n points stored at {@code x[offset ..]}. */
  abstract D stats(double[] x, int offset, int n);

  @Override
  public D addReal(int n, UniformRandomProvider rng) {
    int offset = add(truth, n, rng);
    return stats(points.values(), offset, n);
  }

  @Override
  public void addSample(M model, int n, UniformRandomProvider rng) {
    add(model, n, rng);
  }

  @Override
  public D subsample(int n, UniformRandomProvider rng) {
    points.shuffle(n, rng);
    return stats(points.values(), 0, n);
  }

  private int add(M model, int n, UniformRandomProvider rng) {
    int offset = points.grow(n);
    draw(model, points.values(), offset, n, rng); // values() after grow: growing may move the array
    return offset;
  }
}
