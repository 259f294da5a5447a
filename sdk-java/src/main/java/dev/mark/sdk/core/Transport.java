package dev.mark.sdk.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Sends the calls of the generated resources with the client's policy, as each {@link Endpoint}'s
 * traits say: one attempt, then up to {@code maxRetries} more on a network error, a timeout or a
 * retryable status, waiting as {@link RetryPolicy} says. An operation that takes an
 * Idempotency-Key gets one key for all its attempts, so that a retry the server already acted on
 * replays the first answer instead of acting twice; a POST without one is sent once
 * ({@link Endpoint#retriedByDefault()}). A public operation is sent without credentials. Every
 * other failure becomes a {@link MarkException}; the JDK's checked exceptions never reach callers.
 *
 * <p>A call that needs credentials and is refused with a 401 for want of a valid access token
 * ({@link ProblemCodes#INVALID_TOKEN}), by a client that holds a refresh token, has the session
 * refreshed and is sent once more; calls that find the same token expired share that one
 * refresh. If the refresh fails, the call's own 401 is thrown. Never for an API key, never for
 * public calls, never twice for one call. The operations that start, renew or end a session go
 * through {@link SessionCalls}. Thread-safe.
 */
final class Transport {
  static final String NO_CREDENTIALS =
      "Mark: no credentials. Set apiKey (or MARK_API_KEY) or bearerToken (and refreshToken); without them a client can only call public operations (sign up, log in, refresh, log out, plans, health).";

  private final ClientConfig config;
  private final SessionCalls sessions;

  Transport(ClientConfig config, List<Endpoint> endpoints) {
    this.config = config;
    this.sessions = new SessionCalls(this, config, Endpoint.withSession(endpoints, Endpoint.SessionRole.RENEW));
  }

  /** A JSON request body. */
  Body json(Object value) {
    return Body.json(config.mapper, value);
  }

  /** The endpoint's path with the given values in its placeholders. */
  String path(String template, Object... values) {
    return Paths.expand(template, values);
  }

  /** The type of a {@code {data, has_more, next_cursor}} list of {@code item}. */
  JavaType listOf(TypeReference<?> item) {
    JavaType itemType = config.mapper.getTypeFactory().constructType(item);
    return config.mapper.getTypeFactory().constructParametricType(ListBody.class, itemType);
  }

  /** Sends a generated resource's call and parses its JSON response; a null type or a 204 gives null data. */
  <T> MarkResponse<T> call(Endpoint endpoint, String path, Map<String, Object> query, Body body,
      RequestOptions options, TypeReference<T> type) {
    return dispatch(endpoint, path, query, body, options,
        type == null ? null : config.mapper.getTypeFactory().constructType(type));
  }

  /** Like {@link #call}, for a type known at run time: to the session code, or straight on. */
  <T> MarkResponse<T> dispatch(Endpoint endpoint, String path, Map<String, Object> query, Body body,
      RequestOptions options, JavaType type) {
    switch (endpoint.session) {
      case START:
        return sessions.start(endpoint, path, body, options, type);
      case RENEW:
        return sessions.renew(endpoint, path, body, options, type);
      case END:
        return sessions.end(endpoint, path, body, options, type);
      case SHOW:
      case NONE:
      default:
        return send(endpoint, path, query, body, options, type);
    }
  }

  /** Sends a call as its endpoint says, refreshing an expired session once. */
  <T> MarkResponse<T> send(Endpoint endpoint, String path, Map<String, Object> query, Body body,
      RequestOptions options, JavaType type) {
    if (endpoint.authenticated && !config.authenticated) {
      throw new IllegalStateException(NO_CREDENTIALS);
    }
    SessionTokens.Tokens seen = config.session.current();
    HttpResponse<byte[]> response;
    try {
      response = send(endpoint, path, query, body, options, seen);
    } catch (AuthenticationException e) {
      boolean renewed = renewsAfter(e, endpoint, seen)
          && config.session.renewedSince(seen, () -> sessions.refreshOwn(RequestOptions.NONE));
      if (!renewed) {
        throw e; // the caller's own 401, not the refresh's error
      }
      response = send(endpoint, path, query, body, options, config.session.current());
    }
    return parse(response, type);
  }

  /**
   * Whether {@code error} says the call went without a valid access token, and a refresh could
   * give it one: an expired one, or none (a client given only a refresh token).
   */
  private boolean renewsAfter(AuthenticationException error, Endpoint endpoint, SessionTokens.Tokens seen) {
    if (!endpoint.authenticated || !config.session.renewable()) {
      return false;
    }
    String code = error.code().orElse("");
    return code.equals(ProblemCodes.INVALID_TOKEN) || (code.equals(ProblemCodes.UNAUTHORIZED) && seen.accessToken == null);
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

  private HttpResponse<byte[]> send(Endpoint endpoint, String path, Map<String, Object> query, Body body,
      RequestOptions options, SessionTokens.Tokens tokens) {
    HttpRequest request = request(endpoint, path, query, body, options, tokens);
    int maxRetries = options.maxRetries().orElse(endpoint.retriedByDefault() ? config.maxRetries : 0);
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

  private HttpRequest request(Endpoint endpoint, String path, Map<String, Object> query, Body body,
      RequestOptions options, SessionTokens.Tokens tokens) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path, query))
        .timeout(options.timeout().orElse(config.timeout))
        .header("Accept", "application/json");
    config.headers.forEach(builder::header);
    if (endpoint.authenticated) {
      config.credentials.forEach(builder::header);
      if (tokens.accessToken != null) {
        builder.setHeader("Authorization", "Bearer " + tokens.accessToken);
      }
    }
    if (body != null) {
      builder.header("Content-Type", body.contentType);
      if (body.contentEncoding != null) {
        builder.header("Content-Encoding", body.contentEncoding);
      }
    }
    if (endpoint.idempotencyKey) {
      builder.header(Endpoint.IDEMPOTENCY_KEY, options.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString()));
    }
    options.headers().forEach(builder::setHeader);
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes);
    return builder.method(endpoint.method, publisher).build();
  }

  /** RFC 3339 for a time, with its seconds (toString() drops zero seconds, which the contract refuses). */
  private static String queryValue(Object value) {
    return value instanceof OffsetDateTime
        ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value)
        : String.valueOf(value);
  }

  private URI uri(String path, Map<String, Object> query) {
    StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> {
      if (value != null) {
        params.add(name + "=" + URLEncoder.encode(queryValue(value), StandardCharsets.UTF_8));
      }
    });
    return URI.create(config.baseUri + path + params);
  }
}
