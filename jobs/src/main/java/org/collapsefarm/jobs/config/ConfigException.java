package org.collapsefarm.jobs.config;

/**
 * A bad sweep configuration or command-line argument. The message is always one line of the form
 * {@code <key or path>: <problem>[; allowed: <what is allowed>]}; the command line prints it as
 * {@code error: <message>} and exits with code 2 before anything is written.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String key;

  /**
   * @param key the configuration key (full path, e.g. {@code sweep.paradigms[1].window}), or a file
   *     path, or {@code file:line} for a syntax error
   * @param problem what is wrong, without the key
   * @param allowed what would be accepted instead, or {@code null} when the problem says it
   */
  public ConfigException(String key, String problem, String allowed) {
    super(oneLine(key + ": " + problem + (allowed == null ? "" : "; allowed: " + allowed)));
    this.key = key;
  }

  public ConfigException(String key, String problem) {
    this(key, problem, null);
  }

  /** The configuration key or path the message is about. */
  public String key() {
    return key;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
