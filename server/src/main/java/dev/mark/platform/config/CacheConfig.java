package dev.mark.platform.config;

import static dev.mark.platform.config.Variable.MARK_DATASET_CACHE_ENTRIES;
import static dev.mark.platform.config.Variable.MARK_DATASET_CACHE_MS;

import java.time.Duration;

/**
 * What each node keeps in memory to spare the database on hot reads.
 *
 * @param datasetTtl how long a dataset's metadata, once read, is served from memory
 *     ({@link Variable#MARK_DATASET_CACHE_MS}; 0 turns the cache off): the longest a change
 *     made through another node (rows added, dataset deleted) takes to show on this one. The
 *     node that made a change shows it at once.
 * @param datasetEntries how many datasets each node keeps
 *     ({@link Variable#MARK_DATASET_CACHE_ENTRIES}; the least useful are evicted first)
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

  static CacheConfig fromEnvironment(Environment env) {
    return new CacheConfig(env.millis(MARK_DATASET_CACHE_MS), env.whole(MARK_DATASET_CACHE_ENTRIES));
  }
}
