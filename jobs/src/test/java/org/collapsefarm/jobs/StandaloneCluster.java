package org.collapsefarm.jobs;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on the loopback interface made from Maven's jars: a Master on
 * 127.0.0.1 and Workers (one core, 1 GiB each) on hosts of their own, 127.0.0.2, 127.0.0.3, …, each
 * its own JVM started here and stopped here by pid, with the executors the Workers launched.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  private final Path sparkHome;
  private final Path logs;
  private final List<Process> processes = new ArrayList<>();
  private final int port;
  private final int webPort;

  /**
   * @param sparkHome a folder whose {@code jars/} holds Spark and its dependencies
   * @param workDir where logs and worker folders go
   */
  public StandaloneCluster(Path sparkHome, Path workDir, int workers) throws Exception {
    this.sparkHome = sparkHome;
    this.logs = workDir;
    this.port = freePort();
    this.webPort = freePort();
    try {
      start("master", "org.apache.spark.deploy.master.Master",
          List.of("--host", "127.0.0.1", "--port", "" + port, "--webui-port", "" + webPort), "127.0.0.1");
      for (int w = 0; w < workers; w++) {
        Path work = Files.createDirectories(workDir.resolve("worker-" + w));
        // Each Worker on a loopback address of its own: Spark never runs a speculative copy on the
        // host of the attempt it races, and a host is an address.
        String host = workerHost(w);
        start("worker-" + w, "org.apache.spark.deploy.worker.Worker",
            List.of(masterUrl(), "--cores", "1", "--memory", "1g", "--host", host,
                "--webui-port", "" + freePort(), "--work-dir", work.toString()), host);
      }
      awaitWorkers(workers);
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + port;
  }

  /** The environment every cluster JVM (and spark-submit) gets. */
  public Map<String, String> env() {
    return env("127.0.0.1");
  }

  private Map<String, String> env(String localIp) {
    return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", localIp);
  }

  /** Worker w's address (and its executors'): 127.0.0.(w + 2), all on Linux's loopback interface. */
  private static String workerHost(int w) {
    return "127.0.0." + (w + 2);
  }

  /** The master's state as JSON (workers, running and completed applications). */
  public String state() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/json/"))
        .timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private void start(String name, String mainClass, List<String> args, String localIp) throws IOException {
    String classpath = sparkHome.resolve("conf") + File.pathSeparator + sparkHome.resolve("jars") + File.separator + "*";
    processes.add(JvmProcesses.start(List.of("-Xmx512m", "-cp", classpath), mainClass, args, env(localIp),
        logs.resolve(name + ".log").toFile()));
  }

  private void awaitWorkers(int workers) throws Exception {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException("a cluster JVM exited early; see logs in " + logs);
        }
      }
      try {
        last = state();
        Matcher m = ALIVE_WORKERS.matcher(last);
        if (m.find() && Integer.parseInt(m.group(1)) == workers) {
          return;
        }
      } catch (IOException notYetListening) {
        // the master's web UI is still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("workers did not register within " + READY_TIMEOUT + ": " + last);
  }

  /**
   * Kills Worker {@code w} and the executors it launched (SIGKILL, by pid), as a machine lost
   * mid-job would: the driver loses the executor, the Master the Worker.
   */
  public void killWorker(int w) throws InterruptedException {
    Process worker = processes.get(1 + w);
    List<ProcessHandle> executors = worker.descendants().toList();
    executors.forEach(ProcessHandle::destroyForcibly);
    JvmProcesses.kill(worker);
    executors.forEach(e -> e.onExit().join());
  }

  /** Stops executors, workers and the master: every JVM this cluster started, by pid. */
  @Override
  public void close() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      List<ProcessHandle> children = p.descendants().toList();
      for (ProcessHandle child : children) {
        child.destroyForcibly();
      }
      JvmProcesses.kill(p);
      for (ProcessHandle child : children) {
        child.onExit().join();
      }
    }
    processes.clear();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
