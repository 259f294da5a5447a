package dev.mark.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL still running on the embedded database's own data folder, left behind by a
 * server that died without stopping it ({@code kill -9}, a crash): it keeps the folder locked, so
 * a new embedded start would wait for it and fail. Found through the folder's
 * {@code postmaster.pid} (its first line is the postmaster's PID, the second its data folder),
 * and only stopped when that process is verifiably the postmaster of this very folder: on Linux,
 * the postmaster works in its data folder ({@code /proc/<pid>/cwd}); elsewhere, a process named
 * postgres with that PID. A PID of the file that now belongs to another process (after a reboot)
 * is not touched; PostgreSQL then replaces the stale file itself.
 */
final class OrphanedPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

  private final Path dataDir;
  private final Duration stopGrace;

  /** @param stopGrace how long the orphan may take to stop cleanly before it is killed */
  OrphanedPostmaster(Path dataDir, Duration stopGrace) {
    this.dataDir = dataDir;
    this.stopGrace = stopGrace;
  }

  /** Stops the postmaster of the folder if one runs, and waits until it is gone. */
  void stopIfRunning() {
    Optional<ProcessHandle> orphan = find();
    if (orphan.isEmpty()) {
      return;
    }
    ProcessHandle postmaster = orphan.get();
    log.warn("The embedded PostgreSQL in {} still runs (PID {}), left by a server that did not"
        + " stop (e.g. kill -9): stopping it before starting again", dataDir, postmaster.pid());
    // SIGTERM: a smart shutdown, which the orphan does at once since its clients are gone;
    // whatever its last server committed is kept, and it writes a clean checkpoint
    postmaster.destroy();
    if (!awaitExit(postmaster, stopGrace)) {
      log.warn("The orphaned PostgreSQL (PID {}) did not stop within {}: killing it; the next"
          + " start recovers from its write-ahead log", postmaster.pid(), stopGrace);
      postmaster.destroyForcibly();
      if (!awaitExit(postmaster, stopGrace)) {
        throw new IllegalStateException("the PostgreSQL (PID " + postmaster.pid()
            + ") that still runs on " + dataDir + " cannot be stopped");
      }
    }
  }

  /** The live postmaster of the folder, if any. */
  Optional<ProcessHandle> find() {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
    } catch (NoSuchFileException stoppedCleanly) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + dataDir.resolve("postmaster.pid"), e);
    }
    if (lines.size() < 2 || !lines.getFirst().strip().matches("[0-9]{1,10}")) {
      return Optional.empty(); // being written by a starting postmaster, or not ours to judge
    }
    long pid = Long.parseLong(lines.getFirst().strip());
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(process -> runsOn(process, Path.of(lines.get(1).strip())));
  }

  private boolean runsOn(ProcessHandle process, Path namedFolder) {
    try {
      Path ours = dataDir.toRealPath();
      if (!Files.isSameFile(namedFolder, ours)) {
        return false; // the folder was copied or moved: the PID is another folder's postmaster
      }
      Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
      if (Files.exists(Path.of("/proc/self/cwd"))) {
        return Files.readSymbolicLink(cwd).equals(ours);
      }
    } catch (NoSuchFileException gone) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("could not tell whether PID " + process.pid()
          + " is the PostgreSQL of " + dataDir, e);
    }
    return process.info().command()
        .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
        .orElse(false);
  }

  private static boolean awaitExit(ProcessHandle process, Duration limit) {
    try {
      process.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
