package dev.mark.sdk.core;

import static dev.mark.sdk.core.ScriptedExchange.bodyOf;
import static dev.mark.sdk.core.ScriptedExchange.bytesOf;
import static dev.mark.sdk.core.ScriptedExchange.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.model.Filter;
import dev.mark.sdk.model.FilterOperator;
import dev.mark.sdk.model.Measure;
import dev.mark.sdk.model.Aggregation;
import dev.mark.sdk.model.QueryRequest;
import dev.mark.sdk.model.QueryResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generated resources send, as the contract's traits say, over a scripted network. */
class ResourcesTest {
  private static final String CSV = "region,revenue\nEMEA,129.90\nAPAC,48.00\n";
  private static final String INGESTED = "{\"inserted\":2,\"dataset\":{\"id\":\"ds_1\",\"name\":\"x\",\"columns\":[],"
      + "\"row_count\":2,\"created_at\":\"2026-11-22T09:30:00Z\",\"updated_at\":\"2026-11-22T09:30:00Z\"}}";

  private static MarkClient over(ScriptedExchange exchange) {
    return MarkClient.builder().apiKey("mk_test_x").baseUrl("http://mark.test").maxRetries(2)
        .exchange(exchange).sleeper(delay -> { }).random(() -> 0.5).environmentVariables(name -> null).build();
  }

  @Test
  void publicOperationsAreSentWithoutCredentials() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, "{\"data\":[]}"), json(200, "{\"status\":\"ok\"}"),
        json(200, "{\"data\":[],\"has_more\":false,\"next_cursor\":null}"));
    MarkClient client = over(exchange);

    client.plans().list();
    client.health().liveness();
    client.datasets().list();

    assertThat(exchange.requests).extracting(r -> r.uri().getPath() + " " + r.headers().firstValue("X-API-Key").orElse("-"))
        .containsExactly("/v1/plans -", "/healthz -", "/v1/datasets mk_test_x");
  }

  @Test
  void aCsvStreamIsSentGzippedAndItsRetryResendsTheSameBytesWithTheSameKey() throws IOException {
    ScriptedExchange exchange = ScriptedExchange.of(new ScriptedExchange.Answer(503, ""), json(200, INGESTED));
    InputStream csv = new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8));

    assertThat(over(exchange).rows().ingestCsv("ds_1", csv).data().getInserted()).isEqualTo(2);

    HttpRequest first = exchange.requests.get(0);
    HttpRequest retry = exchange.requests.get(1);
    assertThat(first.headers().firstValue("Content-Type")).contains("text/csv");
    assertThat(first.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gunzip(bytesOf(first))).isEqualTo(CSV);
    assertThat(bytesOf(retry)).isEqualTo(bytesOf(first));
    assertThat(retry.headers().firstValue("Idempotency-Key")).isPresent()
        .isEqualTo(first.headers().firstValue("Idempotency-Key"));
  }

  @Test
  void anAlreadyGzippedFileIsSentAsItIs(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("orders.csv.gz");
    byte[] gzipped = gzip(CSV);
    Files.write(file, gzipped);
    ScriptedExchange exchange = ScriptedExchange.of(json(200, INGESTED));

    over(exchange).rows().ingestCsv("ds_1", file);

    assertThat(bytesOf(exchange.requests.get(0))).isEqualTo(gzipped);
    assertThat(exchange.requests.get(0).headers().firstValue("Content-Encoding")).contains("gzip");
  }

  @Test
  void csvTextIsSentAsItIs() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, INGESTED));
    over(exchange).rows().ingestCsv("ds_1", CSV);
    assertThat(bodyOf(exchange.requests.get(0))).isEqualTo(CSV);
    assertThat(exchange.requests.get(0).headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void aFilterSendsOnlyWhatWasSet() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, "{\"columns\":[],\"rows\":[],\"row_count\":0}"));
    over(exchange).analytics().query("ds_1", new QueryRequest()
        .measures(List.of(new Measure().agg(Aggregation.COUNT)))
        .filters(List.of(new Filter().column("returned").op(FilterOperator.EQ).value(false))));

    // no "or": [] nor "values": [], which the contract refuses
    assertThat(bodyOf(exchange.requests.get(0)))
        .contains("\"filters\":[{\"column\":\"returned\",\"op\":\"eq\",\"value\":false}]")
        .doesNotContain("\"or\"", "\"values\"", "\"dimensions\"", "\"order\"");
  }

  @Test
  void decimalsOfResultsAndRowsAreExact() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200,
        "{\"columns\":[{\"name\":\"revenue\",\"type\":\"number\"}],\"rows\":[[47523071.92],[0.1]],"
            + "\"totals\":{\"revenue\":47523072.02},\"row_count\":2}"));

    QueryResult result = over(exchange).analytics().query("ds_1",
        new QueryRequest().measures(List.of(new Measure().agg(Aggregation.SUM).column("revenue")))).data();

    assertThat(result.getRows()).containsExactly(List.of(new BigDecimal("47523071.92")), List.of(new BigDecimal("0.1")));
    assertThat(result.getTotals()).containsEntry("revenue", new BigDecimal("47523072.02"));
  }

  @Test
  void theMessageOfAValidationErrorNamesEachInvalidPart() {
    ScriptedExchange exchange = ScriptedExchange.of(json(400,
        "{\"status\":400,\"code\":\"validation_failed\",\"detail\":\"2 parts of the request are not valid\","
            + "\"errors\":[{\"pointer\":\"/filters/0/or\",\"code\":\"min_items\",\"message\":\"must have at least 2 items\"},"
            + "{\"pointer\":\"/limit\",\"code\":\"maximum\",\"message\":\"must be at most 10000\"}]}"));

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> over(exchange).analytics()
        .query("ds_1", new QueryRequest().measures(List.of(new Measure().agg(Aggregation.COUNT)))));

    assertThat(e.getMessage()).isEqualTo("400 validation_failed: 2 parts of the request are not valid: "
        + "/filters/0/or (min_items) must have at least 2 items; /limit (maximum) must be at most 10000");
    assertThat(e.code()).contains(ProblemCodes.VALIDATION_FAILED);
  }

  @Test
  void aTimeInTheQueryKeepsItsSeconds() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, "{\"granularity\":\"day\",\"from\":\"2026-11-01T00:00:00Z\","
        + "\"to\":\"2026-11-02T00:00:00Z\",\"data\":[],\"quota\":null}"));
    over(exchange).usage().get(java.time.OffsetDateTime.parse("2026-11-01T00:00Z"), null, dev.mark.sdk.model.UsageGranularity.DAY);
    assertThat(exchange.requests.get(0).uri().getQuery()).isEqualTo("from=2026-11-01T00:00:00Z&granularity=day");
  }

  @Test
  void theDeprecatedRetrieveIsGet() {
    ScriptedExchange exchange = ScriptedExchange.of(json(200, INGESTED.substring(INGESTED.indexOf("{\"id\""), INGESTED.length() - 1)));
    @SuppressWarnings("deprecation")
    String id = over(exchange).datasets().retrieve("ds_1").data().getId();
    assertThat(id).isEqualTo("ds_1");
    assertThat(exchange.requests.get(0).uri().getPath()).isEqualTo("/v1/datasets/ds_1");
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static String gunzip(byte[] gzipped) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
