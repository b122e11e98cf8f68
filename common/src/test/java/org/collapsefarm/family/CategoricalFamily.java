package org.collapsefarm.family;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.collapsefarm.sampling.MultinomialSampler;

/**
 * The categorical model of MATH.md §1 written as a {@link ModelFamily} (tests only): a training set
 * is a count vector, a model its frequencies. Run through {@link FamilyRecursion} it must give the
 * optimised kernel's laws for every paradigm, which tests the paradigm layer against an independent
 * implementation of the same paradigms. Measures σ = Σ p_i² only.
 */
final class CategoricalFamily implements ModelFamily<int[], double[]> {
  private final double[] truth;

  CategoricalFamily(double[] truth) {
    this.truth = truth.clone();
  }

  @Override
  public String name() {
    return "categorical";
  }

  @Override
  public double[] truth() {
    return truth;
  }

  @Override
  public int[] real(int n, UniformRandomProvider rng) {
    return sample(truth, n, rng);
  }

  @Override
  public int[] sample(double[] model, int n, UniformRandomProvider rng) {
    int[] counts = new int[model.length];
    MultinomialSampler.sample(rng, n, model, model.length, counts);
    return counts;
  }

  @Override
  public int[] merge(int[] into, int[] other) {
    for (int i = 0; i < into.length; i++) {
      into[i] += other[i];
    }
    return into;
  }

  @Override
  public long size(int[] data) {
    long total = 0;
    for (int c : data) {
      total += c;
    }
    return total;
  }

  @Override
  public double[] fit(int[] data) {
    double total = size(data);
    double[] p = new double[data.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = data[i] / total;
    }
    return p;
  }

  @Override
  public List<String> metrics() {
    return List.of("sigma");
  }

  @Override
  public void measure(double[] model, double[] values) {
    double s = 0;
    for (double p : model) {
      s += p * p;
    }
    values[0] = s;
  }

  @Override
  public boolean collapsed(double[] model, double epsilon) {
    for (double p : model) {
      if (p >= 1.0 - epsilon) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean absorbing(double[] model) {
    return collapsed(model, 0.0);
  }

  @Override
  public long pooledSampleBytes() {
    return Double.BYTES;
  }

  @Override
  public SamplePool<int[], double[]> newPool(long capacity) {
    ShuffledPool tokens = new ShuffledPool(1, capacity);
    return new SamplePool<>() {
      @Override
      public int[] addReal(int n, UniformRandomProvider rng) {
        return counts(add(truth, n, rng), n);
      }

      @Override
      public void addSample(double[] model, int n, UniformRandomProvider rng) {
        add(model, n, rng);
      }

      @Override
      public int[] subsample(int n, UniformRandomProvider rng) {
        tokens.shuffle(n, rng);
        return counts(0, n);
      }

      private int add(double[] model, int n, UniformRandomProvider rng) {
        int[] c = sample(model, n, rng);
        int offset = tokens.grow(n);
        int at = offset;
        for (int i = 0; i < c.length; i++) {
          for (int j = 0; j < c[i]; j++) {
            tokens.values()[at++] = i;
          }
        }
        return offset;
      }

      private int[] counts(int offset, int n) {
        int[] c = new int[truth.length];
        for (int i = 0; i < n; i++) {
          c[(int) tokens.values()[offset + i]]++;
        }
        return c;
      }
    };
  }
}
