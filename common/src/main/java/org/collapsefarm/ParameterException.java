package org.collapsefarm;

/**
 * A parameter outside its allowed range. The message always names the parameter (with the key name
 * of the sweep configuration, e.g. {@code window}) and the allowed values, so the command line can
 * print it as one clear line.
 */
public final class ParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public ParameterException(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  /** The configuration key of the offending parameter, e.g. {@code top-p}. */
  public String parameter() {
    return parameter;
  }

  /** Throws unless {@code value >= min}. */
  public static int requireAtLeast(String parameter, int value, int min) {
    if (value < min) {
      throw new ParameterException(parameter, "must be an integer >= " + min + ", got " + value);
    }
    return value;
  }

  /** Throws unless {@code value} is finite and {@code value >= min}. */
  public static double requireAtLeast(String parameter, double value, double min) {
    if (!(value >= min) || Double.isInfinite(value)) {
      throw new ParameterException(parameter, "must be a finite number >= " + min + ", got " + value);
    }
    return value;
  }

  /** Throws unless {@code value} is finite and {@code value > min}. */
  public static double requireAbove(String parameter, double value, double min) {
    if (!(value > min) || Double.isInfinite(value)) {
      throw new ParameterException(parameter, "must be a finite number > " + min + ", got " + value);
    }
    return value;
  }
}
