package dev.mark.platform.config;

import static dev.mark.platform.config.Variable.MARK_ANALYTICS_PARALLEL_WORKERS;
import static dev.mark.platform.config.Variable.MARK_MAX_BODY_BYTES;
import static dev.mark.platform.config.Variable.MARK_MAX_BULK_BODY_BYTES;
import static dev.mark.platform.config.Variable.MARK_MAX_INGEST_ROWS;
import static dev.mark.platform.config.Variable.MARK_QUERY_TIMEOUT_MS;

/**
 * How much one request may ask of the server.
 *
 * @param maxBodyBytes the largest body of an ordinary request ({@link Variable#MARK_MAX_BODY_BYTES})
 * @param maxBulkBodyBytes the largest body of a bulk upload, after decompression
 *     ({@link Variable#MARK_MAX_BULK_BODY_BYTES})
 * @param maxIngestRows the most rows one ingest request may add ({@link Variable#MARK_MAX_INGEST_ROWS})
 * @param queryTimeoutMillis how long a query may run before it is stopped
 *     ({@link Variable#MARK_QUERY_TIMEOUT_MS})
 * @param analyticsParallelWorkers how many parallel workers PostgreSQL may add to one analytics
 *     statement ({@link Variable#MARK_ANALYTICS_PARALLEL_WORKERS}): each is a process of its own
 *     on a core, beyond the node's analytics places
 */
public record LimitsConfig(
    long maxBodyBytes, long maxBulkBodyBytes, int maxIngestRows, long queryTimeoutMillis,
    int analyticsParallelWorkers) {

  /** PostgreSQL's own bound of {@code max_parallel_workers_per_gather}. */
  static final int MOST_PARALLEL_WORKERS = 1_024;

  public LimitsConfig {
    require(maxBodyBytes >= 1_024, "MARK_MAX_BODY_BYTES must be at least 1024, got " + maxBodyBytes);
    require(maxBulkBodyBytes >= maxBodyBytes,
        "MARK_MAX_BULK_BODY_BYTES must be at least MARK_MAX_BODY_BYTES, got " + maxBulkBodyBytes);
    require(maxIngestRows >= 1, "MARK_MAX_INGEST_ROWS must be at least 1, got " + maxIngestRows);
    require(queryTimeoutMillis >= 1, "MARK_QUERY_TIMEOUT_MS must be at least 1, got " + queryTimeoutMillis);
    require(analyticsParallelWorkers >= 0 && analyticsParallelWorkers <= MOST_PARALLEL_WORKERS,
        "MARK_ANALYTICS_PARALLEL_WORKERS must be between 0 and " + MOST_PARALLEL_WORKERS + ", got "
            + analyticsParallelWorkers);
  }

  static LimitsConfig fromEnvironment(Environment env) {
    return new LimitsConfig(
        env.whole(MARK_MAX_BODY_BYTES),
        env.whole(MARK_MAX_BULK_BODY_BYTES),
        env.integer(MARK_MAX_INGEST_ROWS),
        env.whole(MARK_QUERY_TIMEOUT_MS),
        env.integer(MARK_ANALYTICS_PARALLEL_WORKERS));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }
}
