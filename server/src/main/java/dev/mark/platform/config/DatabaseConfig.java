package dev.mark.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the database is: an external PostgreSQL, or (when {@code external} is empty) an embedded
 * one in the data folder.
 *
 * @param external the JDBC URL, user and password of an external PostgreSQL
 */
public record DatabaseConfig(Optional<External> external) {

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
    Optional<String> url = env.text(Variable.DATABASE_URL).or(() -> env.text(Variable.MARK_DB_URL));
    if (url.isEmpty()) {
      return new DatabaseConfig(Optional.empty());
    }
    String user = env.text(Variable.MARK_DB_USER).orElse("");
    String password = env.text(Variable.MARK_DB_PASSWORD).orElse("");
    if (url.get().startsWith("jdbc:postgresql:")) {
      return new DatabaseConfig(Optional.of(new External(url.get(), user, password)));
    }
    if (url.get().startsWith("postgres://") || url.get().startsWith("postgresql://")) {
      return new DatabaseConfig(Optional.of(fromUri(url.get(), user, password)));
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
