package dev.mark.platform.config;

import static dev.mark.platform.config.Variable.MARK_ACCESS_TOKEN_TTL_SECONDS;
import static dev.mark.platform.config.Variable.MARK_CORS_ORIGINS;
import static dev.mark.platform.config.Variable.MARK_LOGIN_ATTEMPTS_PER_ADDRESS;
import static dev.mark.platform.config.Variable.MARK_LOGIN_ATTEMPTS_PER_EMAIL;
import static dev.mark.platform.config.Variable.MARK_LOGIN_THROTTLE_WINDOW_SECONDS;
import static dev.mark.platform.config.Variable.MARK_REFRESH_REUSE_GRACE_SECONDS;
import static dev.mark.platform.config.Variable.MARK_REFRESH_TOKEN_TTL_SECONDS;
import static dev.mark.platform.config.Variable.MARK_SIGNING_KEY_ROTATION_SECONDS;
import static dev.mark.platform.config.Variable.MARK_SIGNING_KEY_SECRET;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sessions of people logging in to Mark's web app, and the browser origins that may call.
 *
 * @param accessTokenTtl how long an access token lasts ({@link Variable#MARK_ACCESS_TOKEN_TTL_SECONDS})
 * @param refreshTokenTtl how long a session lasts without logging in again
 *     ({@link Variable#MARK_REFRESH_TOKEN_TTL_SECONDS})
 * @param signingKeyRotation how old the signing key may get before a new one signs
 *     ({@link Variable#MARK_SIGNING_KEY_ROTATION_SECONDS})
 * @param corsOrigins the browser origins allowed to call with credentials, e.g.
 *     {@code https://app.mark.dev} ({@link Variable#MARK_CORS_ORIGINS}, comma-separated; unset:
 *     none)
 * @param loginAttemptsPerEmail failed logins allowed per email from one address per throttle
 *     window
 *     ({@link Variable#MARK_LOGIN_ATTEMPTS_PER_EMAIL})
 * @param loginAttemptsPerAddress signups and logins allowed per client address per window
 *     ({@link Variable#MARK_LOGIN_ATTEMPTS_PER_ADDRESS})
 * @param loginThrottleWindow the throttle window ({@link Variable#MARK_LOGIN_THROTTLE_WINDOW_SECONDS})
 * @param refreshReuseGrace how long after its use a refresh token sent as a cookie may be sent
 *     again without ending the session, so that browser tabs refreshing at the same moment with
 *     the same cookie do not look like a theft ({@link Variable#MARK_REFRESH_REUSE_GRACE_SECONDS};
 *     0 turns it off). Tokens sent in the body get no grace: their client can refresh once for
 *     all its requests.
 * @param signingKeySecret wraps the signing keys' private halves in the database
 *     ({@link Variable#MARK_SIGNING_KEY_SECRET}); empty: they are stored as they are
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

  // the secret is trimmed, like the other secrets: a trailing newline from a secrets file is
  // not part of it
  static AuthConfig fromEnvironment(Environment env) {
    return new AuthConfig(
        env.seconds(MARK_ACCESS_TOKEN_TTL_SECONDS),
        env.seconds(MARK_REFRESH_TOKEN_TTL_SECONDS),
        env.seconds(MARK_SIGNING_KEY_ROTATION_SECONDS),
        origins(env.text(MARK_CORS_ORIGINS).orElse("")),
        env.integer(MARK_LOGIN_ATTEMPTS_PER_EMAIL),
        env.integer(MARK_LOGIN_ATTEMPTS_PER_ADDRESS),
        env.seconds(MARK_LOGIN_THROTTLE_WINDOW_SECONDS),
        env.seconds(MARK_REFRESH_REUSE_GRACE_SECONDS),
        env.text(MARK_SIGNING_KEY_SECRET).map(SigningKeySecret::new));
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

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException(name + " must be positive");
    }
  }
}
