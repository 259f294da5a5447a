package dev.mark;

import static dev.mark.support.Problems.assertBodyIssues;
import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.fixtures.OrdersGenerator;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(RunningServer.Extension.class)
class IngestTest {

  private static final String TYPES = """
      {"name": "Types", "columns": [
        {"name": "s", "type": "string"}, {"name": "n", "type": "number"},
        {"name": "i", "type": "integer"}, {"name": "b", "type": "boolean"},
        {"name": "d", "type": "date"}, {"name": "t", "type": "timestamp"},
        {"name": "must", "type": "string", "required": true}]}""";

  @Test
  void jsonRowsAreStoredWithTheirTypesAndCounted(RunningServer server) {
    Dataset ds = Dataset.create(server, TYPES);
    HttpResult result = ds.client.postJson(ds.path + "/rows", """
        {"rows": [
          {"s": "tab\\there, \\"quoted\\", back\\\\slash\\nnew line", "n": 0.1, "i": 9007199254740993,
           "b": true, "d": "2026-02-28", "t": "2026-03-29T02:30:00+02:00", "must": "x"},
          {"must": "only the required one"},
          {"must": "far east", "t": "2026-01-01T00:00:00+18:00", "d": "2026-01-01"}]}""");

    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(result.json().get("inserted").asLong()).isEqualTo(3);
    assertThat(result.json().get("dataset").get("row_count").asLong()).isEqualTo(3);

    JsonNode rows = ds.client.get(ds.path + "/rows").json().get("data");
    JsonNode first = rows.get(0);
    assertThat(first.get("s").asString()).isEqualTo("tab\there, \"quoted\", back\\slash\nnew line");
    assertThat(first.get("n").decimalValue()).isEqualByComparingTo("0.1");
    assertThat(first.get("i").asLong()).isEqualTo(9007199254740993L);
    assertThat(first.get("b").asBoolean()).isTrue();
    assertThat(first.get("d").asString()).isEqualTo("2026-02-28");
    assertThat(first.get("t").asString()).isEqualTo("2026-03-29T00:30:00Z");
    JsonNode second = rows.get(1);
    assertThat(second.get("s").isNull()).isTrue();
    assertThat(second.get("must").asString()).isEqualTo("only the required one");
    // an offset Java reads but PostgreSQL would refuse is stored by its instant
    assertThat(rows.get(2).get("t").asString()).isEqualTo("2025-12-31T06:00:00Z");
  }

  @Test
  void csvRowsGzippedOrNotAreStoredLikeJsonOnes(RunningServer server) throws IOException {
    Dataset ds = Dataset.create(server, TYPES);
    String csv = "must,s,n,i,b,d,t\r\n"
        + "x,\"a, \"\"quoted\"\" value\",12.50,-3,false,2026-01-31,2026-01-31T23:59:59Z\r\n"
        + "y,,,,,,\r\n";
    assertThat(ds.client.send("POST", ds.path + "/rows", "text/csv; charset=utf-8", csv).status()).isEqualTo(200);
    HttpResult gzipped = gzipPost(ds, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(gzipped.status()).as(gzipped.body()).isEqualTo(200);
    assertThat(gzipped.json().get("dataset").get("row_count").asLong()).isEqualTo(4);

    JsonNode rows = ds.client.get(ds.path + "/rows").json().get("data");
    assertThat(rows.get(0).get("s").asString()).isEqualTo("a, \"quoted\" value");
    assertThat(rows.get(0).get("n").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(rows.get(1).get("n").isNull()).isTrue();
    assertThat(rows.get(2)).isEqualTo(rows.get(0));
  }

  @Test
  void oneBadValueRejectsTheWholeRequestNamingEachBadValue(RunningServer server) {
    Dataset ds = Dataset.create(server, TYPES);
    HttpResult result = ds.client.postJson(ds.path + "/rows", """
        {"rows": [
          {"must": "ok", "n": 1},
          {"must": "ok", "n": "12,50", "i": 1.5, "b": "yes", "d": "22/11/2026", "t": "2026-11-22 09:30"},
          {"s": 7, "colour": "red"},
          {"must": "ok", "i": 92233720368547758070},
          {"must": "ok", "n": 1e-999999, "d": "0000-01-01", "t": "0000-12-31T23:00:00Z"}]}""");

    assertProblem(result, 422, "invalid_rows");
    JsonNode problem = result.json();
    assertBodyIssues(problem, "/rows/1/n type", "/rows/1/i type", "/rows/1/b type", "/rows/1/d type",
        "/rows/1/t type", "/rows/2/s type", "/rows/2/colour unknown_column", "/rows/2/must required",
        "/rows/3/i out_of_range", "/rows/4/n out_of_range", "/rows/4/d out_of_range", "/rows/4/t out_of_range");
    assertNothingWritten(ds);
  }

  @Test
  void badCsvIsRejectedWithLinesNamed(RunningServer server) {
    Dataset ds = Dataset.create(server, TYPES);
    HttpResult badValues = ds.client.send("POST", ds.path + "/rows", "text/csv",
        "must,n,b\nok,1,true\nok,abc,true\n,2,maybe\nok,1\n");
    assertProblem(badValues, 422, "invalid_rows");
    assertBodyIssues(badValues.json(), "/rows/1/n type", "/rows/2/must required", "/rows/2/b type",
        "/rows/3 field_count");
    assertThat(badValues.body()).contains("CSV line 3");

    HttpResult badHeader = ds.client.send("POST", ds.path + "/rows", "text/csv", "n,colour,n\n1,red,2\n");
    assertProblem(badHeader, 422, "invalid_rows");
    assertBodyIssues(badHeader.json(), "/header/1 unknown_column", "/header/2 duplicate", "/header required");
    assertNothingWritten(ds);
  }

  @Test
  void malformedBodiesAreClearErrors(RunningServer server) {
    Dataset ds = Dataset.create(server, TYPES);
    assertProblem(ds.client.postJson(ds.path + "/rows", "{\"rows\": []}"), 400, "validation_failed");
    assertProblem(ds.client.postJson(ds.path + "/rows", "{\"rows\": [1, 2]}"), 400, "validation_failed");
    assertProblem(ds.client.postJson(ds.path + "/rows", "{\"rows\": [{\"must\": \"x\"}"), 400, "malformed_json");
    assertProblem(ds.client.send("POST", ds.path + "/rows", "application/xml", "<rows/>"), 415, "unsupported_media_type");
    assertProblem(ds.client.withHeader("Content-Encoding", "gzip")
        .send("POST", ds.path + "/rows", "text/csv", "must\nnot gzip\n"), 400, "malformed_body");
    assertProblem(ds.client.withHeader("Content-Encoding", "br")
        .send("POST", ds.path + "/rows", "text/csv", "must\nx\n"), 415, "unsupported_content_encoding");
    assertProblem(ds.client.postJson(ds.path + "/rows", "{\"rows\": [{\"must\": \"nul \\u0000 inside\"}]}"),
        422, "invalid_rows");
    assertNothingWritten(ds);
  }

  @Test
  void tooManyRowsOrTooLargeABodyIsA413(RunningServer server) throws IOException {
    Dataset ds = Dataset.create(server, OrdersGenerator.DATASET);
    var orders = new dev.mark.fixtures.OrdersGenerator(1).next(RunningServer.MAX_INGEST_ROWS + 1);
    assertProblem(ds.client.postJson(ds.path + "/rows", OrdersGenerator.json(orders)), 413, "too_many_rows");
    assertProblem(ds.client.send("POST", ds.path + "/rows", "text/csv", OrdersGenerator.csv(orders)),
        413, "too_many_rows");
    // a gzip bomb: small on the wire, huge once inflated (empty lines, which CSV skips)
    byte[] lines = new byte[80 * 1024 * 1024];
    java.util.Arrays.fill(lines, (byte) '\n');
    HttpResult bomb = gzipPost(ds, "text/csv", lines);
    assertProblem(bomb, 413, "payload_too_large");
    // one of zeros is a field longer than CSV reads
    assertProblem(gzipPost(ds, "text/csv", new byte[80 * 1024 * 1024]), 422, "invalid_rows");
    assertNothingWritten(ds);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyWritesNothingTwice(RunningServer server) {
    Dataset ds = Dataset.create(server, TYPES);
    TestClient retrying = ds.client.withHeader("Idempotency-Key", "ingest-1");
    String body = "{\"rows\": [{\"must\": \"a\"}, {\"must\": \"b\"}]}";
    HttpResult first = retrying.postJson(ds.path + "/rows", body);
    HttpResult retry = retrying.postJson(ds.path + "/rows", body);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(ds.client.get(ds.path).json().get("row_count").asLong()).isEqualTo(2);
  }

  @Test
  void rowsAreReadInInsertionOrderAcrossPages(RunningServer server) {
    Dataset ds = Dataset.create(server, TYPES);
    StringBuilder csv = new StringBuilder("must,i\n");
    for (int i = 0; i < 250; i++) {
      csv.append("row,").append(i).append('\n');
    }
    ds.client.send("POST", ds.path + "/rows", "text/csv", csv.toString());
    ds.client.postJson(ds.path + "/rows", "{\"rows\": [{\"must\": \"last\", \"i\": 250}]}");

    long expected = 0;
    String page = ds.path + "/rows?limit=100";
    while (page != null) {
      JsonNode body = ds.client.get(page).json();
      for (JsonNode row : body.get("data")) {
        assertThat(row.get("i").asLong()).isEqualTo(expected++);
      }
      page = body.get("has_more").asBoolean()
          ? ds.path + "/rows?limit=100&cursor=" + body.get("next_cursor").asString()
          : null;
    }
    assertThat(expected).isEqualTo(251);
    assertIssue(ds.client.get(ds.path + "/rows?cursor=bm9wZQ").json(), "query", "/cursor", "invalid_cursor");
  }

  @Test
  void anotherAccountCannotAddOrReadRows(RunningServer server) {
    Dataset ds = Dataset.create(server, TYPES);
    TestClient stranger = server.newAccountClient();
    assertProblem(stranger.postJson(ds.path + "/rows", "{\"rows\": [{\"must\": \"x\"}]}"), 404, "not_found");
    assertProblem(stranger.get(ds.path + "/rows"), 404, "not_found");
    assertProblem(stranger.postJson(ds.path + "/query", "{\"measures\": [{\"agg\": \"count\"}]}"), 404, "not_found");
    assertNothingWritten(ds);
  }

  private static void assertNothingWritten(Dataset ds) {
    assertThat(ds.client.get(ds.path).json().get("row_count").asLong()).isZero();
    assertThat(ds.client.get(ds.path + "/rows").json().get("data")).isEmpty();
  }

  private static HttpResult gzipPost(Dataset ds, String contentType, byte[] body) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(body);
    }
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(ds.baseUrl + ds.path + "/rows"))
              .header("X-API-Key", ds.key)
              .header("Content-Type", contentType)
              .header("Content-Encoding", "gzip")
              .POST(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      return new HttpResult(response.statusCode(), response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A new dataset in a new account. */
  record Dataset(TestClient client, String key, String baseUrl, String path) {

    static Dataset create(RunningServer server, String definition) {
      String key = server.accounts().create("Ingest test", "test").apiKey();
      TestClient client = server.clientWithKey(key);
      String id = client.postJson("/v1/datasets", definition).json().get("id").asString();
      return new Dataset(client, key, server.baseUrl(), "/v1/datasets/" + id);
    }
  }
}
