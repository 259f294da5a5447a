package dev.mark;

import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.ChartFiles;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * {@code include: ["chart"]} on a real query adds a Vega-Lite v6 chart of its answer, chosen for
 * its shape, titled from the columns' notes, its months labelled in the query's zone; a chart
 * type that cannot show the answer is a 422 naming {@code /chart/type}.
 */
@ExtendWith(RunningServer.Extension.class)
class QueryChartTest {

  private static final String DATASET = """
      {"name": "orders", "columns": [{"name": "ordered_at", "type": "timestamp"},
        {"name": "region", "type": "string"},
        {"name": "revenue", "type": "number", "unit": "EUR", "description": "Revenue after discounts", "favorable": "up"}]}""";

  // Paris midnights of 1 January, 1 April and 1 July: in UTC, the day before.
  private static final String ROWS = """
      {"rows": [{"ordered_at": "2025-12-31T23:30:00Z", "region": "EMEA", "revenue": 120.5},
       {"ordered_at": "2026-02-10T10:00:00Z", "region": "AMER", "revenue": 80},
       {"ordered_at": "2026-03-31T22:30:00Z", "region": "EMEA", "revenue": 45.25},
       {"ordered_at": "2026-04-15T10:00:00Z", "region": "APAC", "revenue": 300},
       {"ordered_at": "2026-06-30T22:10:00Z", "region": "AMER", "revenue": 99.99}]}""";

  private static TestClient client;
  private static String path;

  @BeforeAll
  static void ingestTheOrders(RunningServer server) {
    client = server.newAccountClient();
    path = "/v1/datasets/" + client.postJson("/v1/datasets", DATASET).json().get("id").asString();
    HttpResult ingested = client.postJson(path + "/rows", ROWS);
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
  }

  @Test
  void aQueryOverParisMonthsWithIncludeChartAnswersALineLabelledByParisMonths() {
    HttpResult result = client.postJson(path + "/query", """
        {"measures": [{"agg": "sum", "column": "revenue"}],
         "time_bucket": {"column": "ordered_at", "granularity": "month", "time_zone": "Europe/Paris",
                         "from": "2026-01-01T00:00:00+01:00", "to": "2026-08-01T00:00:00+02:00", "fill": true},
         "include": ["chart"]}""");

    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode chart = result.json().get("chart");
    assertThat(chart.get("type").asString()).isEqualTo("line");
    assertThat(chart.get("reason").asString()).contains("time");
    assertThat(chart.get("alternatives").findValuesAsString("type")).contains("area", "bar", "table");
    JsonNode spec = chart.get("spec");
    assertThat(spec.get("$schema").asString()).isEqualTo("https://vega.github.io/schema/vega-lite/v6.json");
    assertThat(spec.get("data").get("values")).hasSize(7);
    assertThat(spec.get("data").get("values").get(0).get("ordered_at").asString()).isEqualTo("2026-01-01T00:00:00+01:00");
    assertThat(spec.get("encoding").get("y").get("title").asString()).isEqualTo("Revenue (sum, EUR)");
    assertThat(spec.get("title").get("subtitle").asString()).contains("Revenue after discounts", "Europe/Paris");
    ChartFiles.write("http-line-paris-months", chart,
        List.of("Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026", "Jul 2026"));
  }

  @Test
  void chartOptionsAloneAskForTheChartOfTheKindGiven() {
    HttpResult result = client.postJson(path + "/query", """
        {"measures": [{"agg": "sum", "column": "revenue"}], "dimensions": ["region"],
         "chart": {"type": "horizontal_bar", "max_categories": 2}}""");

    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode chart = result.json().get("chart");
    assertThat(chart.get("type").asString()).isEqualTo("horizontal_bar");
    assertThat(chart.get("spec").get("data").get("values").findValuesAsString("region")).containsExactly("APAC", "Other");
    ChartFiles.write("http-horizontal-bar-other", chart);
  }

  @Test
  void aQueryWithoutIncludeHasNoChart() {
    HttpResult result = client.postJson(path + "/query", """
        {"measures": [{"agg": "count"}]}""");

    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(result.json().has("chart")).isFalse();
  }

  @Test
  void aChartTypeThatCannotShowTheAnswerIsA422NamingChartType() {
    HttpResult result = client.postJson(path + "/query", """
        {"measures": [{"agg": "sum", "column": "revenue"}], "dimensions": ["region"],
         "include": ["chart"], "chart": {"type": "line"}}""");

    assertProblem(result, 422, "invalid_query");
    assertIssue(result.json(), "body", "/chart/type", "unsuitable_chart");
    assertThat(result.body()).contains("a line needs a time bucket").contains("the types that fit: bar");
  }
}
