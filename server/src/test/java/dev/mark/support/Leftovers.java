package dev.mark.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a stopped server may have left behind: ports still bound, or an embedded PostgreSQL
 * still running on its data folder (as a process of its own, it outlives a JVM that did not
 * stop it, and keeps its port).
 */
public final class Leftovers {

  private Leftovers() {}

  /** Asserts that each port can be bound again and that no process runs on {@code dataDir}. */
  public static void assertNone(Path dataDir, int... ports) throws IOException {
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(port));
      } catch (IOException e) {
        throw new AssertionError("port " + port + " is still bound", e);
      }
    }
    assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")))
        .as("the embedded PostgreSQL was stopped").isFalse();
    List<String> running = ProcessHandle.allProcesses()
        .map(process -> process.info().commandLine().orElse(""))
        .filter(command -> command.contains(dataDir.toString()))
        .toList();
    assertThat(running).as("processes still running on " + dataDir).isEmpty();
  }
}
