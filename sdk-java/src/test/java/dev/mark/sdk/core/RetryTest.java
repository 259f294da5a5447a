package dev.mark.sdk.core;

import static dev.mark.sdk.core.ScriptedExchange.json;
import static dev.mark.sdk.core.ScriptedExchange.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.model.CreateDatasetRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry loop over a scripted network, with waits recorded instead of slept. */
class RetryTest {
  private static final String DATASET =
      "{\"id\":\"ds_1\",\"name\":\"x\",\"columns\":[],\"row_count\":0,"
          + "\"created_at\":\"2026-11-22T09:30:00.123456Z\",\"updated_at\":\"2026-11-22T09:30:00Z\"}";

  private final List<Duration> waits = new ArrayList<>();

  private MarkClient clientOver(ScriptedExchange exchange, int maxRetries) {
    return MarkClient.builder()
        .apiKey("mk_test_x")
        .baseUrl("http://mark.test")
        .maxRetries(maxRetries)
        .exchange(exchange)
        .sleeper(waits::add)
        .random(() -> 1.0)
        .build();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void retriesARetryableStatusAndReturnsTheSuccessThatFollows(int status) {
    ScriptedExchange exchange = ScriptedExchange.of(problem(status, "x"), json(200, DATASET));

    assertThat(clientOver(exchange, 2).datasets().retrieve("ds_1").data().getId()).isEqualTo("ds_1");
    assertThat(exchange.requests).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422})
  void neverRetriesAnotherClientError(int status) {
    ScriptedExchange exchange = ScriptedExchange.of(problem(status, "x"));

    MarkException e = catchThrowableOfType(MarkException.class, () -> clientOver(exchange, 2).datasets().retrieve("ds_1"));
    assertThat(e.status()).isEqualTo(status);
    assertThat(exchange.requests).hasSize(1);
  }

  @Test
  void keepsOneGeneratedIdempotencyKeyAcrossTheAttemptsOfAPost() {
    ScriptedExchange exchange =
        ScriptedExchange.of(new ConnectException("refused"), problem(503, "unavailable"), json(201, DATASET));

    clientOver(exchange, 2).datasets().create(new CreateDatasetRequest().name("x"));

    List<String> keys = exchange.requests.stream()
        .map(r -> r.headers().firstValue("Idempotency-Key").orElse(null))
        .collect(Collectors.toList());
    assertThat(keys).hasSize(3).doesNotContainNull();
    assertThat(keys.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(keys).containsOnly(keys.get(0));
  }

  @Test
  void givesEachPostItsOwnKeyAndUsesTheCallersWhenGiven() {
    ScriptedExchange exchange = ScriptedExchange.of(json(201, DATASET), json(201, DATASET), json(201, DATASET));
    MarkClient client = clientOver(exchange, 0);

    client.datasets().create(new CreateDatasetRequest());
    client.datasets().create(new CreateDatasetRequest());
    client.datasets().create(new CreateDatasetRequest(), RequestOptions.builder().idempotencyKey("mine").build());

    List<String> keys = exchange.requests.stream()
        .map(r -> r.headers().firstValue("Idempotency-Key").orElseThrow())
        .collect(Collectors.toList());
    assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
    assertThat(keys.get(2)).isEqualTo("mine");
  }

  @Test
  void sendsNoIdempotencyKeyOnAGet() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, DATASET));
    clientOver(exchange, 0).datasets().retrieve("ds_1");
    assertThat(exchange.requests.get(0).headers().firstValue("Idempotency-Key")).isEmpty();
  }

  @Test
  void waitsAsLongAsRetryAfterSays() {
    ScriptedExchange exchange = ScriptedExchange.of(problem(429, "rate_limited", "Retry-After", "3"), json(200, DATASET));
    clientOver(exchange, 2).datasets().retrieve("ds_1");
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void onA429WithoutRetryAfterWaitsForTheRateLimitReset() {
    ScriptedExchange exchange = ScriptedExchange.of(
        problem(429, "rate_limited", "RateLimit", "\"burst\";r=0;t=2", "RateLimit-Policy", "\"burst\";q=10;w=1"),
        json(200, DATASET));
    clientOver(exchange, 2).datasets().retrieve("ds_1");
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void backsOffExponentiallyWithJitterUpToTheCap() {
    assertThat(RetryPolicy.delay(0, 503, null, () -> 0.0)).contains(Duration.ofMillis(500));
    assertThat(RetryPolicy.delay(1, 503, null, () -> 1.0)).contains(Duration.ofMillis(750));
    assertThat(RetryPolicy.delay(3, 503, null, () -> 0.0)).contains(Duration.ofMillis(4000));
    assertThat(RetryPolicy.delay(30, 503, null, () -> 0.0)).contains(Duration.ofMillis(8000));
  }

  @Test
  void waitsLongerAfterEachNetworkError() throws Exception {
    IOException down = new IOException("reset");
    ScriptedExchange exchange = ScriptedExchange.of(down, down, down, json(200, DATASET));
    clientOver(exchange, 3).datasets().retrieve("ds_1");
    assertThat(waits).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(1500));
  }

  @Test
  void throwsTheLastErrorTypedOnceTheRetriesAreUsedUp() {
    ScriptedExchange exchange =
        ScriptedExchange.of(problem(503, "a"), problem(503, "b"), problem(503, "unavailable"));

    InternalServerException e =
        catchThrowableOfType(InternalServerException.class, () -> clientOver(exchange, 2).datasets().retrieve("ds_1"));
    assertThat(e.code()).contains("unavailable");
    assertThat(exchange.requests).hasSize(3);
  }

  @Test
  void a429ThatOutlastsTheRetriesIsARateLimitExceptionWithItsRetryAfter() {
    ScriptedExchange exchange = ScriptedExchange.of(problem(429, "rate_limited", "Retry-After", "1"));
    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> clientOver(exchange, 0).datasets().retrieve("ds_1"));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
  }

  @Test
  void doesNotWaitForAServerThatAsksForMoreThanAMinute() {
    ScriptedExchange exchange = ScriptedExchange.of(problem(503, "unavailable", "Retry-After", "3600"));
    catchThrowableOfType(InternalServerException.class, () -> clientOver(exchange, 2).datasets().retrieve("ds_1"));
    assertThat(exchange.requests).hasSize(1);
  }

  @Test
  void aConnectionThatKeepsFailingEndsInAConnectionExceptionWithItsCause() {
    ConnectException refused = new ConnectException("Connection refused");
    ScriptedExchange exchange = ScriptedExchange.of(refused, refused, refused);
    ConnectionException e =
        catchThrowableOfType(ConnectionException.class, () -> clientOver(exchange, 2).datasets().retrieve("ds_1"));
    assertThat(e).hasCause(refused).isNotInstanceOf(TimeoutException.class);
    assertThat(e.status()).isZero();
  }

  @Test
  void aTimeoutIsATimeoutExceptionRetriedLikeANetworkError() {
    HttpTimeoutException slow = new HttpTimeoutException("request timed out");
    ScriptedExchange exchange = ScriptedExchange.of(slow, slow);
    catchThrowableOfType(TimeoutException.class, () -> clientOver(exchange, 1).datasets().retrieve("ds_1"));
    assertThat(exchange.requests).hasSize(2);
    assertThat(waits).hasSize(1);
  }

  @Test
  void sendsTheTimeoutAndMaxRetriesOfTheCallOverTheClients() {
    ScriptedExchange exchange = ScriptedExchange.of(problem(500, "internal_error"));
    RequestOptions options = RequestOptions.builder().maxRetries(0).timeout(Duration.ofSeconds(2)).build();

    catchThrowableOfType(InternalServerException.class, () -> clientOver(exchange, 2).datasets().retrieve("ds_1", options));

    HttpRequest sent = exchange.requests.get(0);
    assertThat(sent.timeout()).contains(Duration.ofSeconds(2));
    assertThat(exchange.requests).hasSize(1);
  }
}
