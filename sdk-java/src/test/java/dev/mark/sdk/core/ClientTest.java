package dev.mark.sdk.core;

import static dev.mark.sdk.core.ScriptedExchange.json;
import static dev.mark.sdk.core.ScriptedExchange.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.model.Dataset;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error mapping, metadata, configuration and pagination, over a scripted network. */
class ClientTest {
  private static final String DATASET =
      "{\"id\":\"ds_1\",\"name\":\"x\",\"columns\":[],\"row_count\":0,"
          + "\"created_at\":\"2026-11-22T09:30:00.123456Z\",\"updated_at\":\"2026-11-22T09:30:00Z\"}";

  private static MarkClient.Builder builderOver(ScriptedExchange exchange) {
    return MarkClient.builder()
        .apiKey("mk_test_x")
        .baseUrl("http://mark.test")
        .maxRetries(0)
        .exchange(exchange)
        .environmentVariables(name -> null);
  }

  @ParameterizedTest
  @CsvSource({
    "400, ValidationException", "401, AuthenticationException", "403, PermissionException",
    "404, NotFoundException", "409, ConflictException", "422, ValidationException",
    "429, RateLimitException", "500, InternalServerException", "503, InternalServerException",
    "413, MarkException"
  })
  void mapsEachStatusToItsExceptionCarryingTheProblem(int status, String type) {
    ScriptedExchange exchange = ScriptedExchange.of(problem(status, "some_code"));

    MarkException e = catchThrowableOfType(MarkException.class,
        () -> builderOver(exchange).build().datasets().retrieve("ds_1"));

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.code()).contains("some_code");
    assertThat(e.detail()).contains("why");
    assertThat(e.requestId()).contains("req_test");
    assertThat(e.headers().orElseThrow().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(e.body().orElseThrow()).contains("\"title\":\"some_code\"");
    assertThat(e.getMessage()).isEqualTo(status + " some_code: why");
  }

  @Test
  void keepsABodyThatIsNotJsonAsTextWithTheRequestIdFromTheHeader() {
    ScriptedExchange exchange =
        ScriptedExchange.of(new ScriptedExchange.Answer(502, "<html>Bad gateway</html>", "X-Request-Id", "req_p"));

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> builderOver(exchange).build().datasets().retrieve("ds_1"));

    assertThat(e.body()).contains("<html>Bad gateway</html>");
    assertThat(e.requestId()).contains("req_p");
    assertThat(e.code()).isEmpty();
  }

  @Test
  void carriesTheFieldErrorsOfA422() {
    String body = "{\"type\":\"t\",\"title\":\"t\",\"status\":422,\"code\":\"invalid_rows\",\"request_id\":\"r\","
        + "\"errors\":[{\"location\":\"body\",\"pointer\":\"/rows/0/revenue\",\"code\":\"type\",\"message\":\"m\"}]}";
    ScriptedExchange exchange = ScriptedExchange.of(new ScriptedExchange.Answer(422, body));

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> builderOver(exchange).build().rows().ingest("ds_1", List.of(Map.of("revenue", "x"))));

    assertThat(e.errors()).extracting(f -> f.getPointer()).containsExactly("/rows/0/revenue");
  }

  @Test
  void exposesTheRequestIdAndTheDraftRateLimitHeaders() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, DATASET,
        "X-Request-Id", "req_1", "RateLimit", "\"burst\";r=42;t=7", "RateLimit-Policy", "\"burst\";q=100;w=60"));

    ResponseMeta meta = builderOver(exchange).build().datasets().retrieve("ds_1").meta();

    assertThat(meta.requestId()).contains("req_1");
    RateLimitState limit = meta.rateLimit().orElseThrow();
    assertThat(limit.limit()).hasValue(100);
    assertThat(limit.remaining()).hasValue(42);
    assertThat(limit.resetSeconds()).hasValue(7);
  }

  @Test
  void fallsBackOnXRateLimitAndIsEmptyWhenThereIsNone() {
    ScriptedExchange exchange = ScriptedExchange.of(
        json(200, DATASET, "X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "9", "X-RateLimit-Reset", "1"),
        json(200, DATASET));
    MarkClient client = builderOver(exchange).build();

    RateLimitState legacy = client.datasets().retrieve("a").meta().rateLimit().orElseThrow();
    assertThat(legacy.limit()).hasValue(10);
    assertThat(legacy.remaining()).hasValue(9);
    assertThat(client.datasets().retrieve("a").meta().rateLimit()).isEmpty();
  }

  @Test
  void keepsTheServersTimesToTheMicrosecond() {
    Dataset dataset = builderOver(ScriptedExchange.of(json(200, DATASET))).build().datasets().retrieve("ds_1").data();
    assertThat(dataset.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:30:00.123456Z"));
  }

  @Test
  void sendsTheApiKeyAndAUserAgentNamingTheSdkAndItsVersion() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, DATASET));
    builderOver(exchange).header("X-Team", "a").build().datasets().retrieve("ds_1");

    HttpRequest sent = exchange.requests.get(0);
    assertThat(sent.headers().firstValue("X-API-Key")).contains("mk_test_x");
    assertThat(sent.headers().firstValue("X-Team")).contains("a");
    assertThat(sent.headers().firstValue("User-Agent").orElseThrow())
        .startsWith("mark-sdk-java/" + System.getProperty("mark.sdk.version") + " java/");
  }

  @Test
  void readsMarkApiKeyAndMarkBaseUrlWhenNotGiven() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, DATASET));
    Map<String, String> env = Map.of("MARK_API_KEY", "mk_test_env", "MARK_BASE_URL", "http://env.test/");
    MarkClient.builder().exchange(exchange).environmentVariables(env::get).build().datasets().retrieve("ds_1");

    HttpRequest sent = exchange.requests.get(0);
    assertThat(sent.headers().firstValue("X-API-Key")).contains("mk_test_env");
    assertThat(sent.uri()).hasToString("http://env.test/v1/datasets/ds_1");
  }

  @Test
  void sendsABearerToken() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, DATASET));
    MarkClient.builder().bearerToken("jwt").baseUrl("http://mark.test").exchange(exchange)
        .environmentVariables(name -> null).build().datasets().retrieve("ds_1");
    assertThat(exchange.requests.get(0).headers().firstValue("Authorization")).contains("Bearer jwt");
    assertThat(exchange.requests.get(0).headers().firstValue("X-API-Key")).isEmpty();
  }

  @Test
  void withoutCredentialsACallThatNeedsThemFailsBeforeSendingAnything() {
    ScriptedExchange exchange = ScriptedExchange.of();
    MarkClient anonymous = MarkClient.builder().exchange(exchange).environmentVariables(name -> null).build();

    assertThatThrownBy(() -> anonymous.datasets().retrieve("ds_1")).hasMessageContaining("no credentials");
    assertThatThrownBy(() -> anonymous.auth().me()).hasMessageContaining("no credentials");
    assertThat(exchange.requests).isEmpty();
  }

  @Test
  void sendsMarkEnvironmentOnlyWhenAnEnvironmentIsChosen() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, DATASET), json(200, DATASET));
    MarkClient client = builderOver(exchange).build();

    client.datasets().retrieve("a");
    client.newBuilder().environment(Environment.LIVE).build().datasets().retrieve("a");

    assertThat(exchange.requests).extracting(r -> r.headers().firstValue("Mark-Environment").orElse(null))
        .containsExactly(null, "live");
  }

  @Test
  void aBearerTokenKeepsMarkApiKeyOut() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, DATASET));
    MarkClient.builder().bearerToken("jwt").exchange(exchange)
        .environmentVariables(Map.of("MARK_API_KEY", "mk_test_server", "MARK_BASE_URL", "http://mark.test")::get)
        .build().datasets().retrieve("a");
    assertThat(exchange.requests.get(0).headers().firstValue("X-API-Key")).isEmpty();
  }

  @Test
  void failsAtBuildOnABadOptionNamingIt() {
    MarkClient.Builder none = MarkClient.builder().environmentVariables(name -> null);
    assertThatThrownBy(() -> none.apiKey("k").maxRetries(-1).build()).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> none.apiKey("k").maxRetries(1).timeout(java.time.Duration.ZERO).build())
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> none.apiKey("k").timeout(java.time.Duration.ofSeconds(1)).baseUrl("api.mark.dev").build())
        .hasMessageContaining("baseUrl");
  }

  @Test
  void newBuilderDerivesAClientAndLeavesTheFirstUnchanged() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, DATASET), json(200, DATASET));
    MarkClient client = builderOver(exchange).build();
    MarkClient other = client.newBuilder().apiKey("mk_test_other").build();

    other.datasets().retrieve("a");
    client.datasets().retrieve("a");

    assertThat(exchange.requests).extracting(r -> r.headers().firstValue("X-API-Key").orElseThrow())
        .containsExactly("mk_test_other", "mk_test_x");
  }

  @Test
  void escapesTheDatasetIdIntoItsPath() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, DATASET));
    builderOver(exchange).build().datasets().retrieve("../keys?x");
    assertThat(exchange.requests.get(0).uri().getRawPath()).isEqualTo("/v1/datasets/..%2Fkeys%3Fx");
  }

  @Test
  void walksEveryPageLazilyPassingEachNextCursor() {
    ScriptedExchange exchange = ScriptedExchange.of(page("c1", "a", "b"), page("c2", "c"), page(null));
    Page<Dataset> first = builderOver(exchange).build().datasets().list(ListParams.limit(2), RequestOptions.NONE);
    assertThat(exchange.requests).hasSize(1);

    List<String> ids = first.stream().map(Dataset::getId).collect(Collectors.toList());

    assertThat(ids).containsExactly("a", "b", "c");
    assertThat(exchange.requests).extracting(r -> r.uri().getQuery())
        .containsExactly("limit=2", "limit=2&cursor=c1", "limit=2&cursor=c2");
  }

  @Test
  void aPageTellsItsCursorAndWhetherMoreFollow() {
    Page<Dataset> page = builderOver(ScriptedExchange.of(page("c1", "a"))).build().datasets().list();
    assertThat(page.data()).extracting(Dataset::getId).containsExactly("a");
    assertThat(page.hasNextPage()).isTrue();
    assertThat(page.nextCursor()).contains("c1");
  }

  private static ScriptedExchange.Answer page(String next, String... ids) {
    String data = java.util.Arrays.stream(ids).map(id -> DATASET.replace("ds_1", id)).collect(Collectors.joining(","));
    String cursor = next == null ? "null" : "\"" + next + "\"";
    return json(200, "{\"data\":[" + data + "],\"has_more\":" + (next != null) + ",\"next_cursor\":" + cursor + "}");
  }
}
