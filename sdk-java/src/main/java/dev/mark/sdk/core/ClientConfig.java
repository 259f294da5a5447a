package dev.mark.sdk.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;

/** The settled configuration of a client, checked once, as {@link Transport} uses it. */
final class ClientConfig {
  final URI baseUri;
  /** Authentication, User-Agent and default headers, already merged. */
  final Map<String, String> headers;
  /** Whether an API key or a bearer token was configured. */
  final boolean authenticated;
  final Duration timeout;
  final int maxRetries;
  final Exchange exchange;
  final Sleeper sleeper;
  final DoubleSupplier random;
  final ObjectMapper mapper;

  ClientConfig(URI baseUri, Map<String, String> headers, boolean authenticated, Duration timeout, int maxRetries,
      Exchange exchange, Sleeper sleeper, DoubleSupplier random, ObjectMapper mapper) {
    this.baseUri = baseUri;
    this.headers = Map.copyOf(headers);
    this.authenticated = authenticated;
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
