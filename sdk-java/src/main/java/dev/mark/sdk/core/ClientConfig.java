package dev.mark.sdk.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mark.sdk.model.Session;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/** The settled configuration of a client, checked once, as {@link Transport} uses it. */
final class ClientConfig {
  final URI baseUri;
  /** User-Agent and default headers, already merged, sent with every call. */
  final Map<String, String> headers;
  /** The API key's header, sent with the calls that take credentials; the bearer token is the session's. */
  final Map<String, String> credentials;
  /** Whether an API key, a bearer token or a refresh token was configured. */
  final boolean authenticated;
  /** The user's session: the bearer token to send, and the refresh token that renews it. */
  final SessionTokens session;
  /** Told of every session started or renewed. */
  final Consumer<Session> onSession;
  final Duration timeout;
  final int maxRetries;
  final Exchange exchange;
  final Sleeper sleeper;
  final DoubleSupplier random;
  final ObjectMapper mapper;

  ClientConfig(URI baseUri, Map<String, String> headers, Map<String, String> credentials, boolean authenticated, SessionTokens session,
      Consumer<Session> onSession, Duration timeout, int maxRetries, Exchange exchange, Sleeper sleeper,
      DoubleSupplier random, ObjectMapper mapper) {
    this.baseUri = baseUri;
    this.headers = Map.copyOf(headers);
    this.credentials = Map.copyOf(credentials);
    this.authenticated = authenticated;
    this.session = session;
    this.onSession = onSession;
    this.timeout = checkTimeout(timeout);
    this.maxRetries = checkMaxRetries(maxRetries);
    this.exchange = exchange;
    this.sleeper = sleeper;
    this.random = random;
    this.mapper = mapper;
  }

  static Duration checkTimeout(Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("Mark: timeout must be positive, got " + timeout);
    }
    return timeout;
  }

  static int checkMaxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("Mark: maxRetries must be ≥ 0, got " + maxRetries);
    }
    return maxRetries;
  }

  static URI checkBaseUrl(String baseUrl) {
    URI uri;
    try {
      uri = URI.create(baseUrl.replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Mark: baseUrl is not a URL: " + baseUrl, e);
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("Mark: baseUrl is not an absolute URL: " + baseUrl);
    }
    return uri;
  }
}
