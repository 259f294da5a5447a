package dev.mark.sdk.core;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * {@link MarkException}; the JDK's checked exceptions never reach callers. Thread-safe.
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
    HttpResponse<byte[]> response = send(access, method, path, query, body, options);
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
      RequestOptions options) {
    HttpRequest request = request(access, method, path, query, body, options);
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
      RequestOptions options) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path, query))
        .timeout(options.timeout().orElse(config.timeout))
        .header("Accept", "application/json");
    config.headers.forEach(builder::header);
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
      "Mark: no credentials. Set apiKey (or MARK_API_KEY) or bearerToken; without them a client can only sign up, log in, refresh and log out.";

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
