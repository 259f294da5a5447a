package dev.mark;

import static dev.mark.support.Problems.assertBodyIssues;
import static dev.mark.support.Problems.assertProblem;

import dev.mark.fixtures.OrdersGenerator;
import java.util.Map;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Meaningless queries are 422s naming each bad part; malformed ones are 400s; slow ones 504s. */
@ExtendWith(RunningServer.Extension.class)
class QueryValidationTest {

  private static TestClient client;
  private static String path;

  @BeforeAll
  static void createTheDataset(RunningServer server) {
    client = server.newAccountClient();
    path = "/v1/datasets/" + client.postJson("/v1/datasets", OrdersGenerator.DATASET).json().get("id").asString();
  }

  @Test
  void unknownColumnsAreNamedWhereverTheyAre() {
    assertInvalid("""
        {"measures": [{"agg": "sum", "column": "price"}], "dimensions": ["country"],
         "time_bucket": {"column": "created", "granularity": "day"},
         "filters": [{"column": "colour", "op": "eq", "value": "red"}],
         "order": [{"column": "nothing"}]}""",
        "/measures/0/column unknown_column", "/dimensions/0 unknown_column",
        "/time_bucket/column unknown_column", "/filters/0/column unknown_column", "/order/0/column unknown_column");
  }

  @Test
  void aggregatesAndBucketsMustFitTheirColumns() {
    assertInvalid("""
        {"measures": [{"agg": "sum", "column": "region"}, {"agg": "avg", "column": "ordered_at"},
                      {"agg": "max", "column": "returned"}, {"agg": "median"}],
         "dimensions": ["revenue", "ordered_at"],
         "time_bucket": {"column": "region", "granularity": "day"}}""",
        "/measures/0/column not_numeric", "/measures/1/column not_numeric",
        "/measures/2/column not_ordered", "/measures/3/column required", "/dimensions/0 not_groupable",
        "/dimensions/1 not_groupable", "/time_bucket/column not_a_time");

    assertInvalid("""
        {"measures": [{"agg": "count"}], "time_bucket": {"column": "ordered_on", "granularity": "hour"}}""",
        "/time_bucket/granularity too_fine");
  }

  @Test
  void timeBucketsNeedAKnownZoneAndFromBeforeTo() {
    assertInvalid("""
        {"measures": [{"agg": "count"}],
         "time_bucket": {"column": "ordered_at", "granularity": "day", "time_zone": "Europe/Atlantis",
                         "from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}}""",
        "/time_bucket/time_zone unknown_time_zone", "/time_bucket/from from_after_to");

    assertInvalid("""
        {"measures": [{"agg": "count"}],
         "time_bucket": {"column": "ordered_at", "granularity": "hour", "fill": true,
                         "from": "2020-01-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}}""",
        "/time_bucket/fill too_many_buckets");
  }

  @Test
  void filterValuesMustFitTheirColumnsAndOperators() {
    assertInvalid("""
        {"measures": [{"agg": "count"}], "filters": [
          {"column": "quantity", "op": "gt", "value": "five"},
          {"column": "returned", "op": "lt", "value": true},
          {"column": "revenue", "op": "contains", "value": "1"},
          {"column": "region", "op": "in", "values": []},
          {"column": "quantity", "op": "between", "values": [1]},
          {"column": "region", "op": "eq"},
          {"column": "revenue", "op": "is_null", "value": "yes"},
          {"column": "ordered_at", "op": "gte", "value": "yesterday"},
          {"column": "customer_id", "op": "in", "values": [1, "two", null]}]}""",
        "/filters/0/value type", "/filters/1/op not_ordered", "/filters/2/op not_text",
        "/filters/3/values count", "/filters/4/values count", "/filters/5/value required", "/filters/6/value type",
        "/filters/7/value type", "/filters/8/values/1 type", "/filters/8/values/2 required");
  }

  @Test
  void orGroupsAreChecked() {
    assertInvalid("""
        {"measures": [{"agg": "count"}], "filters": [
          {"or": [{"column": "region", "op": "eq", "value": "EMEA"}, {"column": "colour", "op": "eq", "value": 1}]},
          {"or": [{"column": "region", "op": "eq", "value": "EMEA"}, {"column": "region", "op": "eq", "value": "APAC"}],
           "column": "region", "op": "eq", "value": "x"},
          {"or": [{"or": [{"or": [{"column": "region", "op": "eq", "value": "a"}, {"column": "region", "op": "eq", "value": "b"}]},
                          {"column": "region", "op": "eq", "value": "c"}]},
                  {"column": "region", "op": "eq", "value": "d"}]},
          {"value": 3}]}""",
        "/filters/0/or/1/column unknown_column", "/filters/1/or mixed_filter",
        "/filters/2/or/0/or/0/or too_deep", "/filters/3 required");
  }

  @Test
  void outputNamesMustBeUnique() {
    assertInvalid("""
        {"measures": [{"agg": "count"}, {"agg": "sum", "column": "revenue", "alias": "count"}]}""",
        "/measures duplicate_name");
    assertInvalid("""
        {"measures": [{"agg": "count", "alias": "region"}], "dimensions": ["region"]}""",
        "/measures duplicate_name");
  }

  @Test
  void requestsOutsideTheContractAre400s() {
    assertMalformed("{\"measures\": [{\"agg\": \"mode\"}]}", "/measures/0/agg enum");
    assertMalformed("{\"measures\": []}", "/measures min_items");
    assertMalformed("{\"measures\": [{\"agg\": \"count\"}], \"limit\": 10001}", "/limit maximum");
    assertMalformed("{\"measures\": [{\"agg\": \"count\"}], \"having\": 1}", "/having unknown_property");
    assertMalformed("""
        {"measures": [{"agg": "count"}], "time_bucket": {"column": "ordered_at", "granularity": "fortnight",
         "from": "last week"}}""",
        "/time_bucket/from format");
  }

  @Test
  void aQueryOverTheTimeLimitIsStoppedWithA504() throws Exception {
    try (RunningServer server = RunningServer.builder()
        .environment(Map.of("MARK_QUERY_TIMEOUT_MS", "1"))
        .start()) {
      TestClient slow = server.client();
      String id = slow.postJson("/v1/datasets", OrdersGenerator.DATASET).json().get("id").asString();
      slow.send("POST", "/v1/datasets/" + id + "/rows", "text/csv",
          OrdersGenerator.csv(new OrdersGenerator(7).next(20_000)));
      HttpResult result = slow.postJson("/v1/datasets/" + id + "/query", """
          {"measures": [{"agg": "p90", "column": "revenue"}, {"agg": "count_distinct", "column": "category"}],
           "dimensions": ["customer_id", "region", "channel"]}""");
      assertProblem(result, 504, "query_timeout");
    }
  }

  /** Checks that {@code query} is a 422 naming each of {@code issues} (a pointer, a space, a code) in the body. */
  private static void assertInvalid(String query, String... issues) {
    assertBodyIssues(invalid(query), issues);
  }

  /** Checks that {@code query} is a 400 naming each of {@code issues} (a pointer, a space, a code) in the body. */
  private static void assertMalformed(String query, String... issues) {
    assertBodyIssues(malformed(query), issues);
  }

  private static JsonNode invalid(String query) {
    HttpResult result = client.postJson(path + "/query", query);
    assertProblem(result, 422, "invalid_query");
    return result.json();
  }

  private static JsonNode malformed(String query) {
    HttpResult result = client.postJson(path + "/query", query);
    assertProblem(result, 400, "validation_failed");
    return result.json();
  }
}
