package org.collapsefarm.jobs.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.collapsefarm.ParameterException;

/**
 * Typed reading of single configuration values, each error naming the value's full path. Strict on
 * purpose: a number written as text, a fraction where an integer is needed, or a list where one
 * value is needed is an error, never a silent conversion.
 */
final class Values {
  private Values() {}

  /** The kinds of value a key may hold. */
  enum Type {
    INT, LONG, DOUBLE, TEXT,
    /** A probability vector: a list of numbers (a list of such lists is a grid axis of vectors). */
    VECTOR,
    /**
     * A covariance matrix: {@code identity}, a list of numbers (the diagonal) or a list of rows (lists
     * of numbers); read as {@link Matrix}. A list of matrices (or of {@code identity}) is a grid axis.
     */
    MATRIX;

    /** Reads one value (one element of an axis) of this type. */
    Object read(String path, ConfigValue v) throws ConfigException {
      return switch (this) {
        case INT -> integer(path, v);
        case LONG -> longInteger(path, v);
        case DOUBLE -> number(path, v);
        case TEXT -> text(path, v);
        case VECTOR -> vector(path, v);
        case MATRIX -> matrix(path, v);
      };
    }
  }

  static int integer(String path, ConfigValue v) throws ConfigException {
    long l = longInteger(path, v);
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw new ConfigException(path, "must be an integer within ±" + Integer.MAX_VALUE + ", got " + l);
    }
    return (int) l;
  }

  static long longInteger(String path, ConfigValue v) throws ConfigException {
    if (v != null && v.valueType() == ConfigValueType.NUMBER) {
      Number x = (Number) v.unwrapped();
      if (x instanceof Integer || x instanceof Long) {
        return x.longValue();
      }
      double d = x.doubleValue();
      // 1e5 is a double in HOCON: accept it when it is a whole number that a long holds exactly.
      if (d == Math.rint(d) && Math.abs(d) <= (double) (1L << 53)) {
        return (long) d;
      }
    }
    throw new ConfigException(path, "must be an integer, got " + describe(v));
  }

  static double number(String path, ConfigValue v) throws ConfigException {
    if (v != null && v.valueType() == ConfigValueType.NUMBER) {
      return ((Number) v.unwrapped()).doubleValue();
    }
    throw new ConfigException(path, "must be a number, got " + describe(v));
  }

  static String text(String path, ConfigValue v) throws ConfigException {
    if (v != null && v.valueType() == ConfigValueType.STRING) {
      return (String) v.unwrapped();
    }
    throw new ConfigException(path, "must be a single word or quoted text, got " + describe(v));
  }

  static double[] vector(String path, ConfigValue v) throws ConfigException {
    if (v == null || v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
      throw new ConfigException(path, "must be a non-empty list of probabilities, got " + describe(v));
    }
    ConfigList list = (ConfigList) v;
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(path + "[" + i + "]", list.get(i));
    }
    return out;
  }

  /**
   * A covariance as written: {@code identity} (null rows), the diagonal or the rows; its dimension is
   * checked where the model is built.
   *
   * @param rows the rows, each as written (may be ragged); null for {@code identity}
   */
  record Matrix(double[][] rows) {
    static final String ALLOWED = "identity, a list of d variances (the diagonal) or a list of d rows of d numbers";
  }

  static Matrix matrix(String path, ConfigValue v) throws ConfigException {
    if (v != null && v.valueType() == ConfigValueType.STRING && "identity".equals(v.unwrapped())) {
      return new Matrix(null);
    }
    if (v == null || v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
      throw new ConfigException(path, "must be a covariance matrix, got " + describe(v), Matrix.ALLOWED);
    }
    ConfigList list = (ConfigList) v;
    int d = list.size();
    double[][] rows = new double[d][];
    if (list.get(0).valueType() == ConfigValueType.NUMBER) {
      for (int i = 0; i < d; i++) {
        rows[i] = new double[d];
        rows[i][i] = number(path + "[" + i + "]", list.get(i));
      }
      return new Matrix(rows);
    }
    for (int i = 0; i < d; i++) {
      String at = path + "[" + i + "]";
      ConfigValue row = list.get(i);
      if (row.valueType() != ConfigValueType.LIST) {
        throw new ConfigException(at, "must be a row of numbers, got " + describe(row), Matrix.ALLOWED);
      }
      ConfigList r = (ConfigList) row;
      rows[i] = new double[r.size()];
      for (int j = 0; j < r.size(); j++) {
        rows[i][j] = number(at + "[" + j + "]", r.get(j));
      }
    }
    return new Matrix(rows);
  }

  /**
   * The values of a grid axis: the elements of a list, or the single value. An empty list is an
   * empty grid, which is an error (the sweep would have no cells).
   */
  static List<Object> axis(String path, ConfigValue v, Type type) throws ConfigException {
    List<Object> values = new ArrayList<>();
    if (isAxis(v, type)) {
      ConfigList list = (ConfigList) v;
      if (list.isEmpty()) {
        throw new ConfigException(path, "is an empty grid axis, so the sweep would have no cells",
            "one value, or a list of one or more values");
      }
      for (int i = 0; i < list.size(); i++) {
        values.add(type.read(path + "[" + i + "]", list.get(i)));
      }
    } else {
      values.add(type.read(path, v));
    }
    return values;
  }

  /** A list is an axis, except a vector's own list of numbers (a list of lists is an axis of vectors). */
  private static boolean isAxis(ConfigValue v, Type type) {
    if (v == null || v.valueType() != ConfigValueType.LIST) {
      return false;
    }
    ConfigList list = (ConfigList) v;
    if (type == Type.MATRIX) {
      // An axis holds whole matrices: identity, or rows (a list of lists); a list of numbers or of rows is one matrix.
      ConfigValue first = list.isEmpty() ? null : list.get(0);
      return first == null || first.valueType() == ConfigValueType.STRING
          || (first.valueType() == ConfigValueType.LIST && !((ConfigList) first).isEmpty()
              && ((ConfigList) first).get(0).valueType() == ConfigValueType.LIST);
    }
    if (type != Type.VECTOR) {
      return true;
    }
    return list.isEmpty() || list.get(0).valueType() == ConfigValueType.LIST;
  }

  /** Reads a configuration name with {@code parse} (an enum's {@code fromConfig}); suggests a close name. */
  static <E> E choice(String path, Object name, Function<String, E> parse, Collection<String> allowed)
      throws ConfigException {
    try {
      return parse.apply((String) name);
    } catch (ParameterException e) {
      throw new ConfigException(path, "unknown value '" + name + "'" + DidYouMean.hint((String) name, allowed),
          String.join(", ", allowed));
    }
  }

  /**
   * Reads the required choice {@code key} of an entry, written as one name or as a list of names (a grid
   * axis), into the set of choices it names.
   */
  static <E extends Enum<E>> Set<E> choices(String path, ConfigObject entry, String key, Class<E> type,
      Function<String, E> parse, Collection<String> allowed) throws ConfigException {
    String at = path + "." + key;
    if (!entry.containsKey(key)) {
      throw new ConfigException(at, "is required", String.join(", ", allowed));
    }
    List<Object> names = axis(at, entry.get(key), Type.TEXT);
    Set<E> out = EnumSet.noneOf(type);
    for (int i = 0; i < names.size(); i++) {
      out.add(choice(names.size() == 1 ? at : at + "[" + i + "]", names.get(i), parse, allowed));
    }
    return out;
  }

  /** The object at {@code path}, or an error saying what was found instead. */
  static ConfigObject object(String path, ConfigValue v, String example) throws ConfigException {
    if (v != null && v.valueType() == ConfigValueType.OBJECT) {
      return (ConfigObject) v;
    }
    throw new ConfigException(path, "must be an object like " + example + ", got " + describe(v));
  }

  /** The non-empty list at {@code path}. */
  static ConfigList list(String path, ConfigValue v, String example) throws ConfigException {
    if (v == null) {
      throw new ConfigException(path, "is required, e.g. " + example);
    }
    if (v.valueType() != ConfigValueType.LIST) {
      throw new ConfigException(path, "must be a list like " + example + ", got " + describe(v));
    }
    ConfigList list = (ConfigList) v;
    if (list.isEmpty()) {
      throw new ConfigException(path, "is empty, so the sweep would have no cells", "a list of one or more entries like " + example);
    }
    return list;
  }

  /**
   * Rejects keys of {@code obj} outside {@code allowed}; {@code elsewhere} may explain a key that is
   * valid in another setting (e.g. for another paradigm), else a did-you-mean is offered.
   */
  static void checkKeys(String path, ConfigObject obj, Collection<String> allowed,
      Function<String, String> elsewhere) throws ConfigException {
    Set<String> sorted = new TreeSet<>(obj.keySet());
    for (String key : sorted) {
      if (!allowed.contains(key)) {
        String explanation = elsewhere.apply(key);
        String problem = explanation != null ? explanation : "unknown key" + DidYouMean.hint(key, allowed);
        throw new ConfigException(join(path, key), problem, String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A short description of a value for error messages, e.g. {@code string "ten"}. */
  static String describe(ConfigValue v) {
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      return "nothing (null)";
    }
    return switch (v.valueType()) {
      case STRING -> "text \"" + v.unwrapped() + "\"";
      case NUMBER -> String.valueOf(v.unwrapped());
      case BOOLEAN -> "boolean " + v.unwrapped();
      case LIST -> "a list " + abbreviate(v.render(com.typesafe.config.ConfigRenderOptions.concise()));
      case OBJECT -> "an object " + abbreviate(v.render(com.typesafe.config.ConfigRenderOptions.concise()));
      default -> v.valueType().name();
    };
  }

  private static String abbreviate(String s) {
    final int max = 60;
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
