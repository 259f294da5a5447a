package dev.mark.sdk.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.mark.sdk.model.RefreshRequest;
import dev.mark.sdk.model.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Sends requests with the client's policy: one attempt, then up to {@code maxRetries} more on a
 * network error, a timeout or a retryable status, waiting as {@link RetryPolicy} says. A POST
 * that needs credentials gets one Idempotency-Key for all its attempts, so that a retry the
 * server already acted on replays the first answer instead of acting twice; the public calls of
 * {@link Access} get none, since the server keeps keys for authenticated calls only. Every other failure becomes a
 * {@link MarkException}; the JDK's checked exceptions never reach callers.
 *
 * <p>A call that needs credentials and is refused with a 401 for want of a valid access token
 * (an expired one: {@code invalid_token}), by a client that holds a refresh token, has the
 * session refreshed and is sent once more; calls that find the same token expired share that
 * one refresh. If the refresh fails, the call's own 401 is thrown. Never for an API key, never
 * for the auth calls, never twice for one call. Thread-safe.
 */
final class Transport {
  private final ClientConfig config;

  Transport(ClientConfig config) {
    this.config = config;
  }

  /** A JSON request body. */
  Body json(Object value) {
    try {
      return new Body(config.mapper.writeValueAsBytes(value), "application/json");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Mark: cannot write the request as JSON: " + e.getMessage(), e);
    }
  }

  /** The type of a {@code {data, has_more, next_cursor}} list of {@code itemType}. */
  JavaType listOf(JavaType itemType) {
    return config.mapper.getTypeFactory().constructParametricType(ListBody.class, itemType);
  }

  JavaType type(Class<?> type) {
    return config.mapper.constructType(type);
  }

  /** Sends a call that needs credentials and parses its JSON response into {@code type}; a 204 gives null data. */
  <T> MarkResponse<T> send(String method, String path, Map<String, Object> query, Body body,
      RequestOptions options, JavaType type) {
    return send(Access.AUTHENTICATED, method, path, query, body, options, type);
  }

  /** Like the other {@code send}, for a call with the given {@link Access}. */
  <T> MarkResponse<T> send(Access access, String method, String path, Map<String, Object> query, Body body,
      RequestOptions options, JavaType type) {
    if (access == Access.AUTHENTICATED && !config.authenticated) {
      throw new IllegalStateException(NO_CREDENTIALS);
    }
    SessionTokens.Tokens seen = config.session.current();
    HttpResponse<byte[]> response;
    try {
      response = send(access, method, path, query, body, options, seen);
    } catch (AuthenticationException e) {
      boolean renewed = renewsAfter(e, access, seen)
          && config.session.renewedSince(seen, () -> refreshSession(RequestOptions.NONE));
      if (!renewed) {
        throw e; // the caller's own 401, not the refresh's error
      }
      response = send(access, method, path, query, body, options, config.session.current());
    }
    return parse(response, type);
  }

  /** Signup, login or refresh: sends it, and tells {@code onSession} of the session it started. */
  MarkResponse<Session> startSession(String path, Object request, RequestOptions options) {
    MarkResponse<Session> started =
        send(Access.PUBLIC_ONCE, "POST", path, Map.of(), json(request), options, type(Session.class));
    config.onSession.accept(started.data());
    return started;
  }

  /** The refresh token of this client's session, if it holds one. */
  String ownRefreshToken() {
    return config.session.current().refreshToken;
  }

  /** Stops renewing this client's session if {@code refreshToken} is its refresh token. */
  void endSession(String refreshToken) {
    config.session.end(refreshToken);
  }

  /** Refreshes this client's own session, sharing the refresh under way if there is one. */
  MarkResponse<Session> renewSession(RequestOptions options) {
    SessionTokens.Renewal renewal = config.session.renew(() -> refreshSession(options));
    if (renewal.failure != null) {
      throw renewal.failure;
    }
    return renewal.session;
  }

  /**
   * One refresh of this client's session: its new tokens become the client's, then
   * {@code onSession} hears of them. A refused refresh token (401) can never work again, so it
   * is forgotten. Only an exception of {@code onSession} is thrown; the rest is the failure.
   */
  private SessionTokens.Renewal refreshSession(RequestOptions options) {
    String refreshToken = config.session.current().refreshToken;
    MarkResponse<Session> renewed;
    try {
      renewed = send(Access.PUBLIC_ONCE, "POST", REFRESH_PATH, Map.of(),
          json(new RefreshRequest().refreshToken(refreshToken)), options, type(Session.class));
    } catch (MarkException e) {
      if (e instanceof AuthenticationException) {
        config.session.end(refreshToken);
      }
      return SessionTokens.Renewal.failed(e);
    }
    config.session.adopt(renewed.data());
    config.onSession.accept(renewed.data());
    return SessionTokens.Renewal.renewed(renewed);
  }

  /**
   * Whether {@code error} says the call went without a valid access token, and a refresh could
   * give it one: {@code invalid_token} for an expired one, {@code unauthorized} for none (a client
   * given only a refresh token).
   */
  private boolean renewsAfter(AuthenticationException error, Access access, SessionTokens.Tokens seen) {
    if (access != Access.AUTHENTICATED || !config.session.renewable()) {
      return false;
    }
    String code = error.code().orElse("");
    return code.equals(INVALID_TOKEN) || (code.equals(UNAUTHORIZED) && seen.accessToken == null);
  }

  private <T> MarkResponse<T> parse(HttpResponse<byte[]> response, JavaType type) {
    ResponseMeta meta = new ResponseMeta(response.statusCode(), response.headers());
    if (type == null || response.body().length == 0) {
      return new MarkResponse<>(null, meta);
    }
    try {
      return new MarkResponse<>(config.mapper.readValue(response.body(), type), meta);
    } catch (IOException e) {
      throw new UncheckedIOException("Mark answered " + response.statusCode() + " with a body that is not " + type, e);
    }
  }

  private HttpResponse<byte[]> send(Access access, String method, String path, Map<String, Object> query, Body body,
      RequestOptions options, SessionTokens.Tokens tokens) {
    HttpRequest request = request(access, method, path, query, body, options, tokens);
    int maxRetries = options.maxRetries().orElse(access == Access.PUBLIC_ONCE ? 0 : config.maxRetries);
    for (int retriesDone = 0; ; retriesDone++) {
      boolean lastChance = retriesDone >= maxRetries;
      HttpResponse<byte[]> response;
      try {
        response = config.exchange.send(request);
      } catch (HttpTimeoutException e) {
        retryOrThrow(lastChance, retriesDone, new TimeoutException("No response within " + request.timeout().orElse(null), MarkException.ErrorParts.NONE, e));
        continue;
      } catch (IOException e) {
        retryOrThrow(lastChance, retriesDone, new ConnectionException("Connection error: " + e, MarkException.ErrorParts.NONE, e));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the caller's cancellation: never retried
        throw new ConnectionException("Interrupted", MarkException.ErrorParts.NONE, e);
      }
      int status = response.statusCode();
      if (status < 300) {
        return response;
      }
      Optional<Duration> delay = RetryPolicy.delay(retriesDone, status, response.headers(), config.random);
      if (lastChance || !RetryPolicy.isRetryable(status) || delay.isEmpty()) {
        throw ErrorFactory.fromResponse(config.mapper, status, response.headers(), response.body());
      }
      sleep(delay.get());
    }
  }

  private void retryOrThrow(boolean lastChance, int retriesDone, MarkException failure) {
    if (lastChance) {
      throw failure;
    }
    sleep(RetryPolicy.delay(retriesDone, 0, null, config.random).orElseThrow());
  }

  private void sleep(Duration delay) {
    try {
      config.sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("Interrupted while waiting to retry", MarkException.ErrorParts.NONE, e);
    }
  }

  private HttpRequest request(Access access, String method, String path, Map<String, Object> query, Body body,
      RequestOptions options, SessionTokens.Tokens tokens) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path, query))
        .timeout(options.timeout().orElse(config.timeout))
        .header("Accept", "application/json");
    config.headers.forEach(builder::header);
    if (tokens.accessToken != null) {
      builder.setHeader("Authorization", "Bearer " + tokens.accessToken);
    }
    if (body != null) {
      builder.header("Content-Type", body.contentType);
    }
    if ("POST".equals(method) && access == Access.AUTHENTICATED) {
      builder.header("Idempotency-Key", options.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString()));
    }
    options.headers().forEach(builder::setHeader);
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes);
    return builder.method(method, publisher).build();
  }

  private URI uri(String path, Map<String, Object> query) {
    StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> {
      if (value != null) {
        params.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
      }
    });
    return URI.create(config.baseUri + path + params);
  }

  static final String NO_CREDENTIALS =
      "Mark: no credentials. Set apiKey (or MARK_API_KEY) or bearerToken (and refreshToken); without them a client can only sign up, log in, refresh and log out.";

  static final String REFRESH_PATH = "/v1/auth/refresh";
  /** The 401 codes of a call without a valid access token: an expired, ended or bad one, or none. */
  private static final String INVALID_TOKEN = "invalid_token";
  private static final String UNAUTHORIZED = "unauthorized";

  /** What a call needs, and how it may be repeated. */
  enum Access {
    /** Credentials; a POST is retried with one Idempotency-Key. */
    AUTHENTICATED,
    /** No credentials, and safe to repeat (log out). */
    PUBLIC,
    /**
     * No credentials, and sent once unless the call's own maxRetries asks for more: the server
     * keeps no Idempotency-Key for it (sign up, log in, refresh).
     */
    PUBLIC_ONCE
  }

  /** A request body, serialised once so that every attempt sends the same bytes. */
  static final class Body {
    final byte[] bytes;
    final String contentType;

    private Body(byte[] bytes, String contentType) {
      this.bytes = bytes;
      this.contentType = contentType;
    }

    static Body text(String text, String contentType) {
      return new Body(text.getBytes(StandardCharsets.UTF_8), contentType);
    }
  }
}
