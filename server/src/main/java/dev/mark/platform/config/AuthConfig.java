package dev.mark.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions of people logging in to Mark's web app, and the browser origins that may call.
 *
 * @param accessTokenTtl how long an access token lasts ({@code MARK_ACCESS_TOKEN_TTL_SECONDS},
 *     default 900)
 * @param refreshTokenTtl how long a session lasts without logging in again
 *     ({@code MARK_REFRESH_TOKEN_TTL_SECONDS}, default 30 days)
 * @param signingKeyRotation how old the signing key may get before a new one signs
 *     ({@code MARK_SIGNING_KEY_ROTATION_SECONDS}, default 1 day)
 * @param corsOrigins the browser origins allowed to call with credentials, e.g.
 *     {@code https://app.mark.dev} ({@code MARK_CORS_ORIGINS}, comma-separated; default none)
 * @param loginAttemptsPerEmail failed logins allowed per email per throttle window
 *     ({@code MARK_LOGIN_ATTEMPTS_PER_EMAIL}, default 10)
 * @param loginAttemptsPerAddress signups and logins allowed per client address per window
 *     ({@code MARK_LOGIN_ATTEMPTS_PER_ADDRESS}, default 100)
 * @param loginThrottleWindow the throttle window ({@code MARK_LOGIN_THROTTLE_WINDOW_SECONDS},
 *     default 900)
 * @param refreshReuseGrace how long after its use a refresh token sent as a cookie may be sent
 *     again without ending the session, so that browser tabs refreshing at the same moment with
 *     the same cookie do not look like a theft ({@code MARK_REFRESH_REUSE_GRACE_SECONDS},
 *     default 10; 0 turns it off). Tokens sent in the body get no grace: their client can
 *     refresh once for all its requests.
 * @param signingKeySecret wraps the signing keys' private halves in the database
 *     ({@code MARK_SIGNING_KEY_SECRET}); empty: they are stored as they are
 */
public record AuthConfig(Duration accessTokenTtl, Duration refreshTokenTtl,
    Duration signingKeyRotation, List<String> corsOrigins, int loginAttemptsPerEmail,
    int loginAttemptsPerAddress, Duration loginThrottleWindow, Duration refreshReuseGrace,
    Optional<SigningKeySecret> signingKeySecret) {

  public AuthConfig {
    corsOrigins = List.copyOf(corsOrigins);
    requirePositive(accessTokenTtl, "MARK_ACCESS_TOKEN_TTL_SECONDS");
    requirePositive(refreshTokenTtl, "MARK_REFRESH_TOKEN_TTL_SECONDS");
    requirePositive(signingKeyRotation, "MARK_SIGNING_KEY_ROTATION_SECONDS");
    requirePositive(loginThrottleWindow, "MARK_LOGIN_THROTTLE_WINDOW_SECONDS");
    if (refreshReuseGrace.isNegative()) {
      throw new ConfigException("MARK_REFRESH_REUSE_GRACE_SECONDS must not be negative");
    }
    if (loginAttemptsPerEmail < 1 || loginAttemptsPerAddress < 1) {
      throw new ConfigException("MARK_LOGIN_ATTEMPTS_PER_EMAIL and MARK_LOGIN_ATTEMPTS_PER_ADDRESS must be at least 1");
    }
    if (refreshTokenTtl.compareTo(accessTokenTtl) < 0) {
      throw new ConfigException("MARK_REFRESH_TOKEN_TTL_SECONDS must not be shorter than MARK_ACCESS_TOKEN_TTL_SECONDS");
    }
  }

  public static AuthConfig defaults() {
    return new AuthConfig(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(1),
        List.of(), 10, 100, Duration.ofMinutes(15), Duration.ofSeconds(10), Optional.empty());
  }

  static AuthConfig fromEnvironment(Map<String, String> env) {
    AuthConfig d = defaults();
    return new AuthConfig(
        seconds(env, "MARK_ACCESS_TOKEN_TTL_SECONDS", d.accessTokenTtl()),
        seconds(env, "MARK_REFRESH_TOKEN_TTL_SECONDS", d.refreshTokenTtl()),
        seconds(env, "MARK_SIGNING_KEY_ROTATION_SECONDS", d.signingKeyRotation()),
        origins(env.getOrDefault("MARK_CORS_ORIGINS", "")),
        (int) EnvValues.longValue(env, "MARK_LOGIN_ATTEMPTS_PER_EMAIL", d.loginAttemptsPerEmail()),
        (int) EnvValues.longValue(env, "MARK_LOGIN_ATTEMPTS_PER_ADDRESS", d.loginAttemptsPerAddress()),
        seconds(env, "MARK_LOGIN_THROTTLE_WINDOW_SECONDS", d.loginThrottleWindow()),
        seconds(env, "MARK_REFRESH_REUSE_GRACE_SECONDS", d.refreshReuseGrace()),
        signingKeySecret(env.get("MARK_SIGNING_KEY_SECRET")));
  }

  public AuthConfig withCorsOrigins(List<String> origins) {
    return new AuthConfig(accessTokenTtl, refreshTokenTtl, signingKeyRotation, origins,
        loginAttemptsPerEmail, loginAttemptsPerAddress, loginThrottleWindow, refreshReuseGrace,
        signingKeySecret);
  }

  public AuthConfig withLoginThrottle(int perEmail, int perAddress, Duration window) {
    return new AuthConfig(accessTokenTtl, refreshTokenTtl, signingKeyRotation, corsOrigins,
        perEmail, perAddress, window, refreshReuseGrace, signingKeySecret);
  }

  public AuthConfig withTokenLifetimes(Duration access, Duration rotation) {
    return new AuthConfig(access, refreshTokenTtl, rotation, corsOrigins,
        loginAttemptsPerEmail, loginAttemptsPerAddress, loginThrottleWindow, refreshReuseGrace,
        signingKeySecret);
  }

  public AuthConfig withRefreshReuseGrace(Duration grace) {
    return new AuthConfig(accessTokenTtl, refreshTokenTtl, signingKeyRotation, corsOrigins,
        loginAttemptsPerEmail, loginAttemptsPerAddress, loginThrottleWindow, grace, signingKeySecret);
  }

  // trimmed, like the other secrets: a trailing newline from a secrets file is not part of it
  private static Optional<SigningKeySecret> signingKeySecret(String raw) {
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(new SigningKeySecret(raw.trim()));
  }

  /**
   * The origins of a comma-separated list, each as browsers send it in {@code Origin}
   * ({@code scheme://host[:port]}, lower case, no path).
   */
  static List<String> origins(String list) {
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(origin -> !origin.isEmpty())
        .map(AuthConfig::origin)
        .toList();
  }

  private static String origin(String raw) {
    try {
      URI uri = new URI(raw);
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getUserInfo() == null;
      if (!web || uri.getHost() == null || !bare) {
        throw new ConfigException("MARK_CORS_ORIGINS: '" + raw
            + "' is not an origin like https://app.example.com or http://localhost:3000");
      }
      return raw.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      throw new ConfigException("MARK_CORS_ORIGINS: '" + raw + "' is not a URL: " + e.getMessage());
    }
  }

  private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
    return Duration.ofSeconds(EnvValues.longValue(env, name, fallback.toSeconds()));
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException(name + " must be positive");
    }
  }
}
