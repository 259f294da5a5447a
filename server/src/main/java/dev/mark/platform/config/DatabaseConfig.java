package dev.mark.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the database is: an external PostgreSQL, or (when {@code external} is empty) an embedded
 * one in the data folder; and how many connections a node keeps to it.
 *
 * @param external the JDBC URL, user and password of an external PostgreSQL
 * @param poolSize the connections of reads, writes and authentication
 *     ({@link Variable#MARK_DB_POOL_SIZE})
 * @param analyticsPoolSize the connections of analytics, which is also how many analytics
 *     operations the node runs at once ({@link Variable#MARK_ANALYTICS_POOL_SIZE})
 */
public record DatabaseConfig(Optional<External> external, int poolSize, int analyticsPoolSize) {

  /** The most connections of either pool: far beyond PostgreSQL's default of 100 in all. */
  static final int MOST_CONNECTIONS = 1_000;

  public DatabaseConfig {
    if (poolSize < 2 || poolSize > MOST_CONNECTIONS) {
      throw new ConfigException("MARK_DB_POOL_SIZE must be between 2 and " + MOST_CONNECTIONS
          + ", got " + poolSize);
    }
    if (analyticsPoolSize < 1 || analyticsPoolSize > MOST_CONNECTIONS) {
      throw new ConfigException("MARK_ANALYTICS_POOL_SIZE must be between 1 and "
          + MOST_CONNECTIONS + ", got " + analyticsPoolSize);
    }
  }

  /** {@code external} with the pools sized for this machine's cores. */
  public DatabaseConfig(Optional<External> external) {
    this(external, defaultPoolSize(cores()), defaultAnalyticsPoolSize(cores()));
  }

  /**
   * Four connections a core, at least 16: reads, writes and logins are short statements that
   * mostly wait on the network and the disk, so a few per core keep the cores busy.
   */
  public static int defaultPoolSize(int cores) {
    return Math.max(16, 4 * cores);
  }

  /**
   * Half the cores, at least one: a heavy analytics statement keeps a core busy for as long as
   * it runs, and the other half stays free for reads, writes and logins (issue 11: four heavy
   * statements on two cores put another tenant's reads at p99 157 ms). The cores counted are
   * the node's, which are the database's when it is embedded; with an external database, set
   * it from the database's cores.
   */
  public static int defaultAnalyticsPoolSize(int cores) {
    return Math.max(1, cores / 2);
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** An external PostgreSQL. */
  public record External(String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
      return "External[" + jdbcUrl + ", user=" + user + "]";
    }
  }

  /**
   * Reads {@link Variable#DATABASE_URL} (or its alias {@link Variable#MARK_DB_URL}): either
   * {@code postgresql://user:pass@host:5432/db} or a JDBC URL, whose user and password then
   * come from {@link Variable#MARK_DB_USER} and {@link Variable#MARK_DB_PASSWORD}. Unset: the
   * embedded database.
   */
  static DatabaseConfig fromEnvironment(Environment env) {
    int poolSize = env.optionalInteger(Variable.MARK_DB_POOL_SIZE).orElse(defaultPoolSize(cores()));
    int analyticsPoolSize = env.optionalInteger(Variable.MARK_ANALYTICS_POOL_SIZE)
        .orElse(defaultAnalyticsPoolSize(cores()));
    return new DatabaseConfig(where(env), poolSize, analyticsPoolSize);
  }

  private static Optional<External> where(Environment env) {
    Optional<String> url = env.text(Variable.DATABASE_URL).or(() -> env.text(Variable.MARK_DB_URL));
    if (url.isEmpty()) {
      return Optional.empty();
    }
    String user = env.text(Variable.MARK_DB_USER).orElse("");
    String password = env.text(Variable.MARK_DB_PASSWORD).orElse("");
    if (url.get().startsWith("jdbc:postgresql:")) {
      return Optional.of(new External(url.get(), user, password));
    }
    if (url.get().startsWith("postgres://") || url.get().startsWith("postgresql://")) {
      return Optional.of(fromUri(url.get(), user, password));
    }
    throw new ConfigException(
        "DATABASE_URL must be postgresql://user:pass@host:port/db or a jdbc:postgresql: URL");
  }

  private static External fromUri(String url, String defaultUser, String defaultPassword) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
        throw new ConfigException("DATABASE_URL must name a host and a database");
      }
      int port = uri.getPort() == -1 ? 5432 : uri.getPort();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
      String user = defaultUser;
      String password = defaultPassword;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = decode(parts[0]);
        password = parts.length > 1 ? decode(parts[1]) : password;
      }
      return new External(jdbcUrl, user, password);
    } catch (URISyntaxException e) {
      throw new ConfigException("DATABASE_URL is not a valid URL: " + e.getReason());
    }
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
