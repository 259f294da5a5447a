package dev.mark.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The Redis server that holds the rate limiter's buckets when {@code MARK_RATE_LIMIT_BACKEND} is
 * {@code redis}. {@link #toString()} leaves the password out.
 *
 * @param url {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://…} for
 *     TLS, for one server (or a proxy in front of several); or {@code redis-sentinel://…#masterName}
 *     for the master that Redis Sentinel names (see {@link SentinelUrl}); not Redis Cluster
 *     ({@link Variable#MARK_REDIS_URL})
 * @param timeout how long one Redis command may take before the call it serves is answered 503
 *     {@code rate_limiter_unavailable} ({@link Variable#MARK_REDIS_TIMEOUT_MS}); connecting
 *     may take 10 seconds, or this if longer
 */
public record RedisConfig(String url, Duration timeout) {

  private static final Pattern DATABASE = Pattern.compile("/?|/\\d{1,2}");
  private static final String SHAPE = "redis://[[user]:password@]host[:port][/database], rediss://… "
      + "or " + SentinelUrl.SHAPE;

  public RedisConfig {
    if (SentinelUrl.matches(url)) {
      SentinelUrl.parse(url);
    } else {
      validateServerUrl(url);
    }
    if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new ConfigException("MARK_REDIS_TIMEOUT_MS must be between 1 and 60000");
    }
  }

  private static void validateServerUrl(String url) {
    URI uri = parse(url);
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw new ConfigException("MARK_REDIS_URL must be " + SHAPE + ", got the scheme '"
          + uri.getScheme() + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new ConfigException("MARK_REDIS_URL must name a host: " + SHAPE);
    }
    if (uri.getRawPath() != null && !DATABASE.matcher(uri.getRawPath()).matches()) {
      throw new ConfigException("MARK_REDIS_URL's path must be a database number, e.g. /0; got '"
          + uri.getRawPath() + "'");
    }
  }

  /** {@code MARK_REDIS_URL} and {@code MARK_REDIS_TIMEOUT_MS}; the URL must be present. */
  static RedisConfig fromEnvironment(Environment env) {
    return new RedisConfig(env.text(Variable.MARK_REDIS_URL).orElseThrow(),
        env.millis(Variable.MARK_REDIS_TIMEOUT_MS));
  }

  /** The URL without its user information: safe to log and to show in error messages. */
  public String redactedUrl() {
    if (SentinelUrl.matches(url)) {
      return SentinelUrl.parse(url).redacted();
    }
    URI uri = parse(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  @Override
  public String toString() {
    return "RedisConfig[" + redactedUrl() + ", timeout=" + timeout + "]";
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      // the reason only: the input may hold a password
      throw new ConfigException("MARK_REDIS_URL is not a valid URL (" + SHAPE + ")");
    }
  }
}
