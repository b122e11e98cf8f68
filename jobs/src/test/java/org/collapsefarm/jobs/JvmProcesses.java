package org.collapsefarm.jobs;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the extra JVMs of a test (the farm CLI, Spark master and workers). */
public final class JvmProcesses {
  private JvmProcesses() {}

  /** This JVM's java executable. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The test classpath (surefire's, not its manifest-only booter jar). */
  public static String testClasspath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** Spark 4.2's module flags as this JVM got them (surefire's argLine, from the root pom). */
  public static List<String> moduleFlags() {
    List<String> flags = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.equals("-XX:+IgnoreUnrecognizedVMOptions")
          || arg.startsWith("-Djdk.reflect.") || arg.startsWith("-Dio.netty.")) {
        flags.add(arg);
      }
    }
    return flags;
  }

  /** Starts {@code java <module flags> <jvmArgs> mainClass args}, output to {@code log}. */
  public static Process start(List<String> jvmArgs, String mainClass, List<String> args, Map<String, String> env, File log)
      throws java.io.IOException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(moduleFlags());
    command.addAll(jvmArgs);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Kills a process we started, by its pid (SIGKILL), and waits for it to go. */
  public static void kill(Process process) throws InterruptedException {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
