package dev.mark.platform.config;

import java.util.Map;

/**
 * How much one request may ask of the server.
 *
 * @param maxBodyBytes the largest body of an ordinary request ({@code MARK_MAX_BODY_BYTES},
 *     default 1 MiB)
 * @param maxBulkBodyBytes the largest body of a bulk upload, after decompression
 *     ({@code MARK_MAX_BULK_BODY_BYTES}, default 64 MiB)
 * @param maxIngestRows the most rows one ingest request may add ({@code MARK_MAX_INGEST_ROWS},
 *     default 100000)
 * @param queryTimeoutMillis how long a query may run before it is stopped
 *     ({@code MARK_QUERY_TIMEOUT_MS}, default 10000)
 */
public record LimitsConfig(
    long maxBodyBytes, long maxBulkBodyBytes, int maxIngestRows, long queryTimeoutMillis) {

  public LimitsConfig {
    require(maxBodyBytes >= 1_024, "MARK_MAX_BODY_BYTES must be at least 1024, got " + maxBodyBytes);
    require(maxBulkBodyBytes >= maxBodyBytes,
        "MARK_MAX_BULK_BODY_BYTES must be at least MARK_MAX_BODY_BYTES, got " + maxBulkBodyBytes);
    require(maxIngestRows >= 1, "MARK_MAX_INGEST_ROWS must be at least 1, got " + maxIngestRows);
    require(queryTimeoutMillis >= 1, "MARK_QUERY_TIMEOUT_MS must be at least 1, got " + queryTimeoutMillis);
  }

  public static LimitsConfig defaults() {
    return new LimitsConfig(1_048_576, 64L * 1_048_576, 100_000, 10_000);
  }

  static LimitsConfig fromEnvironment(Map<String, String> env) {
    LimitsConfig defaults = defaults();
    return new LimitsConfig(
        EnvValues.longValue(env, "MARK_MAX_BODY_BYTES", defaults.maxBodyBytes()),
        EnvValues.longValue(env, "MARK_MAX_BULK_BODY_BYTES", defaults.maxBulkBodyBytes()),
        Math.toIntExact(EnvValues.longValue(env, "MARK_MAX_INGEST_ROWS", defaults.maxIngestRows())),
        EnvValues.longValue(env, "MARK_QUERY_TIMEOUT_MS", defaults.queryTimeoutMillis()));
  }

  public LimitsConfig withMaxBodyBytes(long bytes) {
    return new LimitsConfig(bytes, Math.max(bytes, maxBulkBodyBytes), maxIngestRows, queryTimeoutMillis);
  }

  public LimitsConfig withMaxIngestRows(int rows) {
    return new LimitsConfig(maxBodyBytes, maxBulkBodyBytes, rows, queryTimeoutMillis);
  }

  public LimitsConfig withQueryTimeoutMillis(long millis) {
    return new LimitsConfig(maxBodyBytes, maxBulkBodyBytes, maxIngestRows, millis);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }
}
