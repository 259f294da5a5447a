package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static dev.mark.support.Problems.assertBodyIssues;
import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Each kind of bad input gets the right 4xx problem, naming what is wrong, and writes nothing. */
@ExtendWith(RunningServer.Extension.class)
class BadInputTest {

  private static final String VALID = ORDERS;

  @Test
  void malformedJsonIsA400NamingWhereItBreaks(RunningServer server) {
    HttpResult result = unchanged(server, () ->
        server.client().postJson("/v1/datasets", "{\"name\": \"Orders\",\n \"columns\": [}"));
    assertProblem(result, 400, "malformed_json");
    assertThat(result.json().get("detail").asString()).contains("line 2");
  }

  @Test
  void aBodyThatIsNotJsonIsA415(RunningServer server) {
    HttpResult result = unchanged(server, () ->
        server.client().send("POST", "/v1/datasets", "text/csv", "name,columns\n"));
    assertProblem(result, 415, "unsupported_media_type");
  }

  @Test
  void aMissingBodyIsA400(RunningServer server) {
    HttpResult result = unchanged(server, () ->
        server.client().send("POST", "/v1/datasets", "application/json", null));
    assertProblem(result, 400, "validation_failed");
  }

  @Test
  void anOversizedBodyIsA413ThatTheStillSendingClientCanRead(RunningServer server) {
    String huge = "{\"name\": \"" + "x".repeat((int) RunningServer.MAX_BODY_BYTES) + "\"}";
    // repeated: the server answering before the body is read once lost the answer to a reset
    for (int attempt = 0; attempt < 10; attempt++) {
      assertProblem(unchanged(server, () -> server.client().postJson("/v1/datasets", huge)),
          413, "payload_too_large");
      assertProblem(unchanged(server, () -> server.client().postJsonChunked("/v1/datasets", huge)),
          413, "payload_too_large");
    }
  }

  @Test
  void anUnknownRouteIsA404(RunningServer server) {
    assertProblem(server.client().get("/v1/nothing-here"), 404, "not_found");
    assertProblem(server.client().get("/v2/datasets"), 404, "not_found");
  }

  @Test
  void anUndeclaredMethodIsA405WithAllow(RunningServer server) {
    HttpResult result = server.client().send("PUT", "/v1/datasets", "application/json", VALID);
    assertProblem(result, 405, "method_not_allowed");
    assertThat(result.header("Allow")).contains("GET, POST");
    assertProblem(server.client().send("PATCH", "/v1/datasets/ds_01JC3XG8F2SK6Y8S3M7VVQPRTE",
        "application/json", "{}"), 405, "method_not_allowed");
  }

  @Test
  void aMalformedPathParameterIsA400NamingIt(RunningServer server) {
    HttpResult result = server.client().get("/v1/datasets/not-an-id");
    assertProblem(result, 400, "validation_failed");
    assertIssue(result.json(), "path", "/dataset_id", "pattern");
  }

  @Test
  void queryParametersOfTheWrongTypeOrRangeAre400sNamingThem(RunningServer server) {
    assertIssue(server.client().get("/v1/datasets?limit=ten").json(), "query", "/limit", "type");
    assertIssue(server.client().get("/v1/datasets?limit=0").json(), "query", "/limit", "minimum");
    assertIssue(server.client().get("/v1/datasets?limit=101").json(), "query", "/limit", "maximum");
    assertIssue(server.client().get("/v1/datasets?cursor=bm90LWFuLWlk").json(),
        "query", "/cursor", "invalid_cursor");
  }

  @Test
  void aTimeFinerThanNanosecondsIsA400NamingIt(RunningServer server) {
    // java.time reads at most 9 digits of fraction; a finer time once reached it and was a 500
    String tooFine = "2026-11-21T00:00:00.1234567891Z";
    assertIssue(server.client().get("/v1/usage?from=" + tooFine).json(), "query", "/from", "pattern");
    HttpResult key = server.client().postJson("/v1/api-keys",
        "{\"name\": \"x\", \"scopes\": [\"read\"], \"expires_at\": \"" + tooFine + "\"}");
    assertProblem(key, 400, "validation_failed");
    assertIssue(key.json(), "body", "/expires_at", "pattern");
    HttpResult query = server.client().postJson("/v1/datasets/ds_01JC3XG8F2SK6Y8S3M7VVQPRTE/query",
        "{\"measures\": [{\"agg\": \"count\"}], \"time_bucket\": {\"column\": \"ordered_at\","
            + " \"granularity\": \"day\", \"from\": \"" + tooFine + "\"}}");
    assertProblem(query, 400, "validation_failed");
    assertIssue(query.json(), "body", "/time_bucket/from", "pattern");
  }

  @Test
  void aValidTimeThatJavaCannotHoldIsA400NamingItNotA500(RunningServer server) {
    // RFC 3339 and every pattern allow an offset of +19:00; java.time stops at ±18:00
    String farOffset = "2026-11-21T00:00:00+19:00";
    HttpResult usage = server.client().get("/v1/usage?from=" + farOffset.replace("+", "%2B"));
    assertProblem(usage, 400, "validation_failed");
    assertIssue(usage.json(), "query", "/from", "format");
    HttpResult key = server.client().postJson("/v1/api-keys",
        "{\"name\": \"x\", \"scopes\": [\"read\"], \"expires_at\": \"" + farOffset + "\"}");
    assertProblem(key, 400, "validation_failed");
    assertIssue(key.json(), "body", "/expires_at", "format");
    HttpResult query = server.client().postJson("/v1/datasets/ds_01JC3XG8F2SK6Y8S3M7VVQPRTE/query",
        "{\"measures\": [{\"agg\": \"count\"}], \"time_bucket\": {\"column\": \"ordered_at\","
            + " \"granularity\": \"day\", \"to\": \"" + farOffset + "\"}}");
    assertProblem(query, 400, "validation_failed");
    assertIssue(query.json(), "body", "/time_bucket/to", "format");
  }

  @Test
  void everyContractViolationInTheBodyIsListedWithItsPointer(RunningServer server) {
    HttpResult result = unchanged(server, () -> server.client().postJson("/v1/datasets", """
        {"name": "", "colour": "red",
         "columns": [{"name": "Region", "type": "text"}, {"type": "string"}, {"name": 7, "type": "date"}]}"""));
    assertProblem(result, 400, "validation_failed");
    JsonNode problem = result.json();
    assertBodyIssues(problem, "/name min_length", "/colour unknown_property", "/columns/0/name pattern",
        "/columns/0/type enum", "/columns/1/name required", "/columns/2/name type");
  }

  @Test
  void aBodyOfTheWrongShapeIsA400(RunningServer server) {
    assertProblem(unchanged(server, () -> server.client().postJson("/v1/datasets", "[1, 2]")),
        400, "validation_failed");
    assertProblem(unchanged(server, () -> server.client().postJson("/v1/datasets", "null")),
        400, "validation_failed");
    assertProblem(unchanged(server, () -> server.client().postJson("/v1/datasets",
        "{\"name\": \"x\", \"columns\": []}")), 400, "validation_failed");
  }

  @Test
  void duplicateAndReservedColumnNamesAre422sNamingTheColumn(RunningServer server) {
    HttpResult result = unchanged(server, () -> server.client().postJson("/v1/datasets", """
        {"name": "Orders", "columns": [
          {"name": "region", "type": "string"},
          {"name": "region", "type": "number"},
          {"name": "_row_id", "type": "integer"}]}"""));
    assertProblem(result, 422, "invalid_dataset");
    assertBodyIssues(result.json(), "/columns/1/name duplicate", "/columns/2/name reserved");
  }

  @Test
  void missingOrInvalidKeysAre401s(RunningServer server) {
    TestClient anonymous = server.anonymousClient();
    assertProblem(anonymous.get("/v1/datasets"), 401, "unauthorized");
    assertProblem(anonymous.withHeader("X-API-Key", "mk_test_tooShort").get("/v1/datasets"),
        401, "invalid_api_key");

    String wellFormedButUnknown = new dev.mark.keys.ApiKeyFormat().generate("test");
    assertProblem(anonymous.withHeader("X-API-Key", wellFormedButUnknown).get("/v1/datasets"),
        401, "invalid_api_key");
    String badChecksum = flipLastCharacter(wellFormedButUnknown);
    assertProblem(anonymous.withHeader("X-API-Key", badChecksum).get("/v1/datasets"),
        401, "invalid_api_key");
    assertProblem(unchanged(server, () -> anonymous.postJson("/v1/datasets", VALID)),
        401, "unauthorized");
  }

  @Test
  void publicOperationsNeedNoKey(RunningServer server) {
    assertThat(server.anonymousClient().get("/healthz").status()).isEqualTo(200);
    JsonNode ready = server.anonymousClient().get("/readyz").json();
    assertThat(ready.get("database").asString()).isEqualTo("ok");
    assertThat(ready.get("rate_limiter").asString()).isEqualTo("ok");
  }

  private static String flipLastCharacter(String key) {
    char last = key.charAt(key.length() - 1);
    return key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');
  }

  /** Runs a request and checks that the number of datasets did not change. */
  private static HttpResult unchanged(RunningServer server, Supplier<HttpResult> request) {
    int before = server.sql().fetchCount(dev.mark.db.Tables.DATASETS);
    HttpResult result = request.get();
    assertThat(server.sql().fetchCount(dev.mark.db.Tables.DATASETS)).isEqualTo(before);
    return result;
  }
}
