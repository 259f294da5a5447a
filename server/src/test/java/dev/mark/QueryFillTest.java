package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Filled buckets across Paris's daylight-saving changes (29 March and 25 October 2026), sorted
 * and cut by the query's own order and limit: a filled bucket starts where a bucket with rows
 * would, a 23- or 25-hour day included, and the repeated hour of October is two buckets.
 */
@ExtendWith(RunningServer.Extension.class)
class QueryFillTest {

  private static final String DATASET = """
      {"name": "sales", "columns": [{"name": "at", "type": "timestamp"}, {"name": "on", "type": "date"},
        {"name": "region", "type": "string"}, {"name": "amount", "type": "number"}]}""";

  // each row's Paris local time in the comment
  private static final String ROWS = """
      {"rows": [{"at": "2026-03-27T10:00:00Z", "on": "2026-03-27", "region": "EMEA", "amount": 5},
       {"at": "2026-03-28T23:30:00Z", "on": "2026-03-29", "region": "EMEA", "amount": 7},
       {"at": "2026-03-29T22:30:00Z", "on": "2026-03-30", "region": "APAC", "amount": -2},
       {"at": "2026-10-25T00:10:00Z", "on": "2026-10-25", "region": "EMEA", "amount": 1},
       {"at": "2026-10-25T01:20:00Z", "on": "2026-10-25", "region": null, "amount": 3},
       {"at": "2026-10-25T22:30:00Z", "on": "2026-10-25", "region": "APAC", "amount": null},
       {"at": null, "on": null, "region": "AMER", "amount": 11}]}""";
  // 27 Mar 11:00+01; 29 Mar 00:30+01 (the 23-hour day); 30 Mar 00:30+02; 25 Oct 02:10+02 and
  // 02:20+01 (the repeated hour); 25 Oct 23:30+01 (the 25-hour day's last hour); no time

  private static TestClient client;
  private static String path;

  @BeforeAll
  static void ingestTheSales(RunningServer server) {
    client = server.newAccountClient();
    path = "/v1/datasets/" + client.postJson("/v1/datasets", DATASET).json().get("id").asString();
    HttpResult ingested = client.postJson(path + "/rows", ROWS);
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
  }

  static Stream<Arguments> queriesAndTheirFilledRows() {
    return Stream.of(
        argumentSet("days around the March change start at local midnights and the newest come first up to the limit",
            """
            {"measures": [{"agg": "count"}, {"agg": "sum", "column": "amount"}],
             "time_bucket": {"column": "at", "granularity": "day", "time_zone": "Europe/Paris", "fill": true,
                             "from": "2026-03-27T00:00:00+01:00", "to": "2026-04-01T00:00:00+02:00"},
             "order": [{"column": "at", "direction": "desc"}], "limit": 5}""",
            List.of(
                "2026-03-31T00:00:00+02:00 | 0 | 0",
                "2026-03-30T00:00:00+02:00 | 1 | -2",
                "2026-03-29T00:00:00+01:00 | 1 | 7",
                "2026-03-28T00:00:00+01:00 | 0 | 0",
                "2026-03-27T00:00:00+01:00 | 1 | 5")),
        argumentSet("the repeated October hour is two buckets and order by count keeps them in time order",
            """
            {"measures": [{"agg": "count"}],
             "time_bucket": {"column": "at", "granularity": "hour", "time_zone": "Europe/Paris", "fill": true,
                             "from": "2026-10-24T23:00:00Z", "to": "2026-10-25T03:00:00Z"},
             "order": [{"column": "count", "direction": "desc"}, {"column": "at"}], "limit": 4}""",
            List.of(
                "2026-10-25T02:00:00+02:00 | 1",
                "2026-10-25T02:00:00+01:00 | 1",
                "2026-10-25T01:00:00+02:00 | 0",
                "2026-10-25T03:00:00+01:00 | 0")),
        argumentSet("the October day has 25 hours so its last hour is not the next day",
            """
            {"measures": [{"agg": "count"}, {"agg": "avg", "column": "amount"}],
             "time_bucket": {"column": "at", "granularity": "day", "time_zone": "Europe/Paris", "fill": true,
                             "from": "2026-10-24T00:00:00+02:00", "to": "2026-10-27T00:00:00+01:00"}}""",
            List.of(
                "2026-10-24T00:00:00+02:00 | 0 | null",
                "2026-10-25T00:00:00+02:00 | 3 | 2",
                "2026-10-26T00:00:00+01:00 | 0 | null")),
        argumentSet("dates fill day by day",
            """
            {"measures": [{"agg": "count"}],
             "time_bucket": {"column": "on", "granularity": "day", "time_zone": "Europe/Paris", "fill": true,
                             "from": "2026-03-28T00:00:00+01:00", "to": "2026-04-01T00:00:00+02:00"},
             "limit": 4}""",
            List.of("2026-03-28 | 0", "2026-03-29 | 1", "2026-03-30 | 1", "2026-03-31 | 0")));
  }

  @ParameterizedTest
  @MethodSource("queriesAndTheirFilledRows")
  void filledBucketsStartWhereBucketsWithRowsWouldAndFollowTheQuerysOrder(
      String query, List<String> filledRows) {
    assertThat(rows(query(query))).containsExactlyElementsOf(filledRows);
  }

  @Test
  void everyGroupWithRowsGetsEveryBucketANullGroupIncludedAndRowsWithoutTimeComeLast() {
    JsonNode result = query("""
        {"measures": [{"agg": "sum", "column": "amount"}],
         "dimensions": ["region"],
         "time_bucket": {"column": "at", "granularity": "month", "time_zone": "Europe/Paris", "fill": true},
         "order": [{"column": "at"}, {"column": "region"}], "limit": 10000}""");

    List<String> rows = rows(result);
    // March to October is 8 months, for each of the four groups with rows (null among them)
    assertThat(rows).hasSize(8 * 4 + 1);
    assertThat(rows.subList(0, 4)).containsExactly(
        "2026-03-01T00:00:00+01:00 | AMER | 0",
        "2026-03-01T00:00:00+01:00 | APAC | -2",
        "2026-03-01T00:00:00+01:00 | EMEA | 12",
        "2026-03-01T00:00:00+01:00 | null | 0");
    assertThat(rows.get(4)).startsWith("2026-04-01T00:00:00+02:00 | ");
    assertThat(rows.subList(28, 33)).containsExactly(
        "2026-10-01T00:00:00+02:00 | AMER | 0",
        "2026-10-01T00:00:00+02:00 | APAC | null",
        "2026-10-01T00:00:00+02:00 | EMEA | 1",
        "2026-10-01T00:00:00+02:00 | null | 3",
        "null | AMER | 11");
  }

  @Test
  void anHourlyFillOverYearsOfRowsIsRefusedWithoutFromAndToEvenWhenTheLimitKeepsOnlyRowsWithoutTime() {
    String years = "/v1/datasets/" + client.postJson("/v1/datasets", DATASET).json().get("id").asString();
    assertThat(client.postJson(years + "/rows", """
        {"rows": [{"at": "2024-01-01T00:00:00Z"}, {"at": "2026-01-01T00:00:00Z"}, {"at": null}, {"at": null}]}""")
        .status()).isEqualTo(200);

    HttpResult result = client.postJson(years + "/query", """
        {"measures": [{"agg": "count"}],
         "time_bucket": {"column": "at", "granularity": "hour", "fill": true},
         "order": [{"column": "count", "direction": "desc"}], "limit": 1}""");

    assertThat(result.status()).as(result.body()).isEqualTo(422);
    JsonNode issue = result.json().get("errors").get(0);
    assertThat(issue.get("pointer").asString()).isEqualTo("/time_bucket/fill");
    assertThat(issue.get("code").asString()).isEqualTo("too_many_buckets");
  }

  @Test
  void aFillOfMoreRowsThanTheLimitIsRefusedBeforeItRuns() {
    // a day more than the limit: every bucket would be a row
    HttpResult oneTooMany = client.postJson(path + "/query", """
        {"measures": [{"agg": "count"}],
         "time_bucket": {"column": "at", "granularity": "day", "fill": true,
                         "from": "2026-01-01T00:00:00Z", "to": "2026-01-06T00:00:00Z"}, "limit": 4}""");
    assertThat(oneTooMany.status()).as(oneTooMany.body()).isEqualTo(422);
    assertThat(oneTooMany.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/time_bucket/fill");
    assertThat(oneTooMany.json().get("errors").get(0).get("code").asString()).isEqualTo("too_many_buckets");
  }

  @Test
  void thousandsOfGroupsTimesYearsOfDaysAreRefusedBeforeAnyRowIsBuilt() {
    // the attack of issue 11: 3,000 groups × 10,000 day buckets would be 30 M filled rows
    String wide = "/v1/datasets/" + client.postJson("/v1/datasets", DATASET).json().get("id").asString();
    StringBuilder rows = new StringBuilder("{\"rows\": [");
    for (int i = 0; i < 3000; i++) {
      rows.append(i == 0 ? "" : ",").append("{\"at\": \"2026-01-01T00:00:00Z\", \"region\": \"r").append(i).append("\"}");
    }
    assertThat(client.postJson(wide + "/rows", rows.append("]}").toString()).status()).isEqualTo(200);

    HttpResult result = client.postJson(wide + "/query", """
        {"measures": [{"agg": "count"}], "dimensions": ["region"],
         "time_bucket": {"column": "at", "granularity": "day", "fill": true,
                         "from": "2000-01-01T00:00:00Z", "to": "2027-05-19T00:00:00Z"}, "limit": 10000}""");

    assertThat(result.status()).as(result.body()).isEqualTo(422);
    JsonNode issue = result.json().get("errors").get(0);
    assertThat(issue.get("pointer").asString()).isEqualTo("/time_bucket/fill");
    assertThat(issue.get("message").asString()).contains("limit of 10000");
  }

  // --- helpers ---

  private static JsonNode query(String body) {
    HttpResult result = client.postJson(path + "/query", body);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  /**
   * Each row's values as text ({@code "null"} for null) between {@code " | "}, numbers without
   * trailing zeros.
   */
  private static List<String> rows(JsonNode result) {
    List<String> rows = new ArrayList<>();
    result.get("rows").forEach(row -> {
      List<String> values = new ArrayList<>();
      row.forEach(value -> values.add(value.isNull() ? "null"
          : value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString()
          : value.asString()));
      rows.add(String.join(" | ", values));
    });
    return rows;
  }
}
