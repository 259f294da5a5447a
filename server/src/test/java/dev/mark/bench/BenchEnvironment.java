package dev.mark.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings a benchmark's server starts with: every {@code MARK_*} variable of the
 * benchmark's own environment, so a setting can be compared by running the script twice
 * (e.g. {@code MARK_ANALYTICS_PARALLEL_WORKERS=1 bench/explain.sh}), then the benchmark's own.
 */
final class BenchEnvironment {
  private BenchEnvironment() {}

  static Map<String, String> with(Map<String, String> benchmarkSettings) {
    Map<String, String> settings = new HashMap<>();
    System.getenv().forEach((name, value) -> {
      if (name.startsWith("MARK_")) {
        settings.put(name, value);
      }
    });
    settings.putAll(benchmarkSettings);
    return settings;
  }
}
