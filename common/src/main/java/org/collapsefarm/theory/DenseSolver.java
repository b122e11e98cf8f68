package org.collapsefarm.theory;

/**
 * Solves a small dense linear system {@code A x = b} by Gaussian elimination with partial pivoting.
 * The exact chains of this package need only this (systems of at most a few thousand unknowns,
 * diagonally dominant M-matrices {@code I − Q}), so a linear-algebra dependency is not worth it.
 */
final class DenseSolver {
  private DenseSolver() {}

  /**
   * Returns x with {@code A x = b}. Both arguments are overwritten.
   *
   * @throws ArithmeticException if A is singular to working precision
   */
  static double[] solve(double[][] a, double[] b) {
    int size = b.length;
    for (int col = 0; col < size; col++) {
      int pivot = col;
      for (int row = col + 1; row < size; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      if (a[pivot][col] == 0.0) {
        throw new ArithmeticException("singular system at column " + col);
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      double tb = b[col];
      b[col] = b[pivot];
      b[pivot] = tb;
      double[] pivotRow = a[col];
      double inv = 1.0 / pivotRow[col];
      for (int row = col + 1; row < size; row++) {
        double[] r = a[row];
        double factor = r[col] * inv;
        if (factor != 0.0) {
          for (int k = col; k < size; k++) {
            r[k] -= factor * pivotRow[k];
          }
          b[row] -= factor * b[col];
        }
      }
    }
    double[] x = new double[size];
    for (int row = size - 1; row >= 0; row--) {
      double s = b[row];
      double[] r = a[row];
      for (int k = row + 1; k < size; k++) {
        s -= r[k] * x[k];
      }
      x[row] = s / r[row];
    }
    return x;
  }
}
