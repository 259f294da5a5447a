package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that are valid JSON (or CSV) but that PostgreSQL or Java cannot take are a 4xx naming
 * them, never a 500: NUL characters and unpaired surrogates in any text, numbers of absurd
 * exponent (short to send, endless to write out), PostgreSQL's system column names, and
 * documents nested past the parser's limit. Each case is sent as a real request; the server
 * still answers after them all.
 */
@ExtendWith(RunningServer.Extension.class)
class HostileValueTest {

  private static final String NUL = "a\\u0000b";
  private static final String SURROGATE = "a\\ud800b";
  private static final String HUGE = "1E+2147483648";

  private static RunningServer server;
  private static TestClient client;
  private static String rows;
  private static String query;

  @BeforeAll
  static void createADataset(RunningServer running) {
    server = running;
    client = running.newAccountClient();
    String path = "/v1/datasets/" + client.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    rows = path + "/rows";
    query = path + "/query";
  }

  /** A request, and the problem it must get: status, code, and the issue's pointer and code. */
  record Case(String method, String path, String contentType, String body) {}

  static Stream<Arguments> hostileRequests() {
    return Stream.of(
        body("a NUL in a dataset's name", "/v1/datasets", dataset("\"" + NUL + "\"", "\"d\"", "region"),
            400, "validation_failed", "/name", "invalid_character"),
        body("a NUL in a dataset's description", "/v1/datasets", dataset("\"n\"", "\"" + NUL + "\"", "region"),
            400, "validation_failed", "/description", "invalid_character"),
        body("an unpaired surrogate in a dataset's name", "/v1/datasets", dataset("\"" + SURROGATE + "\"", "\"d\"", "region"),
            400, "validation_failed", "/name", "invalid_character"),
        body("a huge exponent as a dataset's name", "/v1/datasets", dataset(HUGE, "\"d\"", "region"),
            400, "validation_failed", "/name", "out_of_range"),
        body("a NUL in a property name", "/v1/datasets", "{\"" + NUL + "\": 1}",
            400, "validation_failed", "/a\u0000b", "invalid_character"),
        body("a NUL in an API key's name", "/v1/api-keys", "{\"name\": \"" + NUL + "\", \"scopes\": [\"read\"]}",
            400, "validation_failed", "/name", "invalid_character"),
        body("a NUL in a signup email", "/v1/auth/signup",
            "{\"email\": \"x" + NUL + "@example.com\", \"password\": \"correct horse battery staple\"}",
            400, "validation_failed", "/email", "invalid_character"),
        body("a NUL in a signup token", "/v1/auth/signup/confirm",
            "{\"token\": \"mst_" + NUL + "\"}",
            400, "validation_failed", "/token", "invalid_character"),
        body("a NUL in a login email", "/v1/auth/login",
            "{\"email\": \"x" + NUL + "@example.com\", \"password\": \"whatever it is\"}",
            400, "validation_failed", "/email", "invalid_character"),
        body("an unpaired surrogate in a login password", "/v1/auth/login",
            "{\"email\": \"x@example.com\", \"password\": \"" + SURROGATE + "\"}",
            400, "validation_failed", "/password", "invalid_character"),
        body("a huge exponent as a query's limit", "QUERY",
            "{\"measures\": [{\"agg\": \"count\"}], \"limit\": " + HUGE + "}",
            400, "validation_failed", "/limit", "out_of_range"),
        body("a huge negative exponent as a query's limit", "QUERY",
            "{\"measures\": [{\"agg\": \"count\"}], \"limit\": 1E-2147483648}",
            400, "validation_failed", "/limit", "out_of_range"),
        body("a huge exponent as a filter value", "QUERY", filter("revenue", "gt", HUGE),
            400, "validation_failed", "/filters/0/value", "out_of_range"),
        body("1E+2147483647 as a filter value", "QUERY", filter("quantity", "eq", "1E+2147483647"),
            400, "validation_failed", "/filters/0/value", "out_of_range"),
        body("a NUL in a filter value", "QUERY", filter("region", "eq", "\"" + NUL + "\""),
            400, "validation_failed", "/filters/0/value", "invalid_character"),
        body("an unpaired surrogate in a contains filter", "QUERY", filter("region", "contains", "\"" + SURROGATE + "\""),
            400, "validation_failed", "/filters/0/value", "invalid_character"),
        body("PostgreSQL's xmin as a column name", "/v1/datasets", dataset("\"n\"", "\"d\"", "xmin"),
            422, "invalid_dataset", "/columns/0/name", "reserved"),
        body("PostgreSQL's cmin as a column name", "/v1/datasets", dataset("\"n\"", "\"d\"", "cmin"),
            422, "invalid_dataset", "/columns/0/name", "reserved"),
        body("PostgreSQL's cmax as a column name", "/v1/datasets", dataset("\"n\"", "\"d\"", "cmax"),
            422, "invalid_dataset", "/columns/0/name", "reserved"),
        body("PostgreSQL's xmax as a column name", "/v1/datasets", dataset("\"n\"", "\"d\"", "xmax"),
            422, "invalid_dataset", "/columns/0/name", "reserved"),
        body("PostgreSQL's ctid as a column name", "/v1/datasets", dataset("\"n\"", "\"d\"", "ctid"),
            422, "invalid_dataset", "/columns/0/name", "reserved"),
        body("PostgreSQL's tableoid as a column name", "/v1/datasets", dataset("\"n\"", "\"d\"", "tableoid"),
            422, "invalid_dataset", "/columns/0/name", "reserved"),
        rows("a NUL in a JSON string cell", "{\"region\": \"" + NUL + "\"}", "/rows/0/region", "invalid_character"),
        rows("an unpaired surrogate in a JSON string cell", "{\"region\": \"" + SURROGATE + "\"}",
            "/rows/0/region", "invalid_character"),
        rows("a huge exponent in a JSON number cell", "{\"revenue\": " + HUGE + "}", "/rows/0/revenue", "out_of_range"),
        rows("a huge exponent in a JSON integer cell", "{\"quantity\": " + HUGE + "}", "/rows/0/quantity", "out_of_range"),
        rows("1E+2147483647 in a JSON number cell", "{\"revenue\": 1E+2147483647}", "/rows/0/revenue", "out_of_range"),
        rows("1E-2147483647 in a JSON integer cell", "{\"quantity\": 1E-2147483647}", "/rows/0/quantity", "out_of_range"),
        rows("a NUL in a JSON column name", "{\"" + NUL + "\": 1}", "/rows/0/a\u0000b", "unknown_column"),
        csv("a NUL in a CSV string cell", "region\na\u0000b\n", "/rows/0/region", "invalid_character"),
        csv("a huge exponent in a CSV number cell", "revenue\n" + HUGE + "\n", "/rows/0/revenue", "out_of_range"),
        csv("1E+2147483647 in a CSV number cell", "revenue\n1E+2147483647\n", "/rows/0/revenue", "out_of_range"),
        csv("a huge exponent in a CSV integer cell", "quantity\n" + HUGE + "\n", "/rows/0/quantity", "out_of_range"),
        csv("1E-2147483647 in a CSV integer cell", "quantity\n1E-2147483647\n", "/rows/0/quantity", "out_of_range"));
  }

  @ParameterizedTest
  @MethodSource("hostileRequests")
  void isA4xxNamingTheValue(Case request, int status, String code, String pointer, String issue) {
    TestClient caller = request.path().startsWith("/v1/auth/") ? server.anonymousClient() : client;
    String path = request.path().equals("QUERY") ? query : request.path().equals("ROWS") ? rows : request.path();
    HttpResult result = caller.send(request.method(), path, request.contentType(), request.body());
    assertProblem(result, status, code);
    assertIssue(result.json(), "body", pointer, issue);
  }

  @ParameterizedTest
  @MethodSource("hostileDocuments")
  void aDocumentBeyondTheParsersLimitsIsA400(String body) {
    assertProblem(client.postJson(query, body), 400, "malformed_json");
  }

  static Stream<Arguments> hostileDocuments() {
    return Stream.of(
        argumentSet("nested 100 deep", "{\"measures\": " + "[".repeat(100) + "]".repeat(100) + "}"),
        argumentSet("a number of 2000 digits", "{\"measures\": [], \"limit\": " + "9".repeat(2000) + "}"),
        argumentSet("a property name of 2000 characters", "{\"" + "n".repeat(2000) + "\": 1}"));
  }

  @AfterAll
  static void theServerStillAnswers() {
    assertThat(client.get("/v1/datasets").status()).isEqualTo(200);
  }

  private static Arguments body(String name, String path, String json, int status, String code,
      String pointer, String issue) {
    return argumentSet(name, new Case("POST", path, "application/json", json), status, code, pointer, issue);
  }

  private static Arguments rows(String name, String row, String pointer, String issue) {
    return argumentSet(name, new Case("POST", "ROWS", "application/json", "{\"rows\": [" + row + "]}"),
        422, "invalid_rows", pointer, issue);
  }

  private static Arguments csv(String name, String csv, String pointer, String issue) {
    return argumentSet(name, new Case("POST", "ROWS", "text/csv", csv), 422, "invalid_rows", pointer, issue);
  }

  private static String dataset(String name, String description, String column) {
    return "{\"name\": " + name + ", \"description\": " + description
        + ", \"columns\": [{\"name\": \"" + column + "\", \"type\": \"string\"}]}";
  }

  private static String filter(String column, String op, String value) {
    return "{\"measures\": [{\"agg\": \"count\"}], \"filters\": [{\"column\": \"" + column
        + "\", \"op\": \"" + op + "\", \"value\": " + value + "}]}";
  }
}
