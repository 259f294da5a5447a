package dev.mark.platform.config;

import java.util.Optional;

/**
 * Every environment variable the server reads, with its default: the one place where either is
 * written. The configuration records read the environment only through these declarations
 * ({@link Environment}), and a test checks the README's configuration table against them, so the
 * table, the code and the defaults cannot drift apart. What each one means is said in the README
 * and in the Javadoc of the field it sets.
 */
public enum Variable {
  PORT("8080"),
  DATABASE_URL,
  MARK_DB_URL,
  MARK_DB_USER,
  MARK_DB_PASSWORD,
  /** Derived from the cores ({@link DatabaseConfig#defaultPoolSize}). */
  MARK_DB_POOL_SIZE,
  /** Derived from the cores ({@link DatabaseConfig#defaultAnalyticsPoolSize}). */
  MARK_ANALYTICS_POOL_SIZE,
  MARK_DATA_DIR("./.mark"),
  MARK_MAX_BODY_BYTES("1048576"),
  MARK_MAX_BULK_BODY_BYTES("67108864"),
  MARK_MAX_INGEST_ROWS("100000"),
  MARK_QUERY_TIMEOUT_MS("10000"),
  MARK_ANALYTICS_PARALLEL_WORKERS("1"),
  MARK_SHUTDOWN_GRACE_MS("10000"),
  MARK_METRICS_PORT,
  MARK_METRICS_HOST("127.0.0.1"),
  MARK_HSTS,
  MARK_RATE_LIMIT_BACKEND("memory"),
  MARK_REDIS_URL,
  MARK_REDIS_TIMEOUT_MS("1000"),
  MARK_PLANS_FILE,
  MARK_MARKETPLACE_PROXY_SECRET,
  MARK_CORS_ORIGINS,
  MARK_ACCESS_TOKEN_TTL_SECONDS("900"),
  /** 30 days. */
  MARK_REFRESH_TOKEN_TTL_SECONDS("2592000"),
  /** One day. */
  MARK_SIGNING_KEY_ROTATION_SECONDS("86400"),
  MARK_SIGNING_KEY_SECRET,
  MARK_LOGIN_ATTEMPTS_PER_EMAIL("10"),
  MARK_LOGIN_ATTEMPTS_PER_ADDRESS("100"),
  MARK_LOGIN_THROTTLE_WINDOW_SECONDS("900"),
  MARK_REFRESH_REUSE_GRACE_SECONDS("10"),
  MARK_KEY_CACHE_SECONDS("10"),
  MARK_AUTH_FAILURES_PER_ADDRESS("30"),
  MARK_DATASET_CACHE_MS("500"),
  MARK_DATASET_CACHE_ENTRIES("10000"),
  MARK_MAIL_OUTBOX;

  private final Optional<String> defaultValue;

  /** A variable that is unset unless given: what that means is the reader's to say. */
  Variable() {
    this.defaultValue = Optional.empty();
  }

  Variable(String defaultValue) {
    this.defaultValue = Optional.of(defaultValue);
  }

  /** The value used when the variable is unset or blank, as it would be written in the environment. */
  public Optional<String> defaultValue() {
    return defaultValue;
  }
}
