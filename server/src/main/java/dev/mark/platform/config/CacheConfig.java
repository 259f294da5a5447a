package dev.mark.platform.config;

import java.time.Duration;
import java.util.Map;

/**
 * What each node keeps in memory to spare the database on hot reads.
 *
 * @param datasetTtl how long a dataset's metadata, once read, is served from memory
 *     ({@code MARK_DATASET_CACHE_MS}, default 500; 0 turns the cache off): the longest a change
 *     made through another node (rows added, dataset deleted) takes to show on this one. The
 *     node that made a change shows it at once.
 * @param datasetEntries how many datasets each node keeps ({@code MARK_DATASET_CACHE_ENTRIES},
 *     default 10000; the least useful are evicted first)
 */
public record CacheConfig(Duration datasetTtl, long datasetEntries) {

  public CacheConfig {
    if (datasetTtl.isNegative() || datasetTtl.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new ConfigException("MARK_DATASET_CACHE_MS must be between 0 and 60000, got "
          + datasetTtl.toMillis());
    }
    if (datasetEntries < 1) {
      throw new ConfigException("MARK_DATASET_CACHE_ENTRIES must be at least 1, got " + datasetEntries);
    }
  }

  public static CacheConfig defaults() {
    return new CacheConfig(Duration.ofMillis(500), 10_000);
  }

  static CacheConfig fromEnvironment(Map<String, String> env) {
    CacheConfig defaults = defaults();
    return new CacheConfig(
        Duration.ofMillis(EnvValues.longValue(env, "MARK_DATASET_CACHE_MS", defaults.datasetTtl().toMillis())),
        EnvValues.longValue(env, "MARK_DATASET_CACHE_ENTRIES", defaults.datasetEntries()));
  }

  public CacheConfig withDatasetTtl(Duration ttl) {
    return new CacheConfig(ttl, datasetEntries);
  }
}
