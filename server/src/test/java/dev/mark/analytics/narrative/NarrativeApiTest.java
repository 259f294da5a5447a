package dev.mark.analytics.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Narratives through the API: a real query with {@code include: ["narrative"]}, and every
 * suggested request, of a query's narrative and of an explain's, sent back to the server as it
 * is and accepted.
 */
@ExtendWith(RunningServer.Extension.class)
class NarrativeApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String DATASET = """
      {"name": "orders", "columns": [{"name": "ordered_at", "type": "timestamp"},
        {"name": "region", "type": "string"}, {"name": "channel", "type": "string"},
        {"name": "revenue", "type": "number", "description": "revenue", "unit": "EUR", "favorable": "up"}]}""";

  private static TestClient client;
  private static String datasetId;

  // revenue grows 5 % a month from January to July 2026, then EMEA's web orders collapse in August
  @BeforeAll
  static void ingestEightMonthsOfOrders(RunningServer server) {
    client = server.newAccountClient();
    datasetId = client.postJson("/v1/datasets", DATASET).json().get("id").asString();
    List<String> rows = new ArrayList<>();
    String[] regions = {"EMEA", "APAC", "AMER"};
    String[] channels = {"web", "store"};
    for (int month = 1; month <= 8; month++) {
      for (int r = 0; r < regions.length; r++) {
        for (String channel : channels) {
          double revenue = (1000 + 300 * r) * Math.pow(1.05, month);
          if (month == 8 && r == 0 && channel.equals("web")) {
            revenue *= 0.2;
          }
          rows.add("{\"ordered_at\": \"2026-%02d-10T12:00:00Z\", \"region\": \"%s\", \"channel\": \"%s\", \"revenue\": %.2f}"
              .formatted(month, regions[r], channel, revenue));
        }
      }
    }
    HttpResult ingested = client.postJson("/v1/datasets/" + datasetId + "/rows", "{\"rows\": [" + String.join(",", rows) + "]}");
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
  }

  private static JsonNode query(String body) {
    HttpResult result = client.postJson("/v1/datasets/" + datasetId + "/query", body);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  @Test
  void aMonthlyQueryTellsItsStoryAndSuggestsExplainingTheLastMonth() {
    JsonNode narrative = query("""
        {"measures": [{"agg": "sum", "column": "revenue"}],
         "time_bucket": {"column": "ordered_at", "granularity": "month"}, "include": ["narrative"]}""")
        .get("narrative");
    assertThat(narrative.get("catalogue_version").asString()).isEqualTo(Catalogue.VERSION);
    assertThat(narrative.get("headline").asString())
        .isEqualTo("Revenue fell 5.8 % in August to €10,342, against its upward trend, bad news.");
    assertThat(narrative.get("statements")).extracting(s -> s.get("kind").asString())
        .contains("period_change", "trend");
    assertThat(narrative.get("suggestions").get(0).get("text").asString())
        .isEqualTo("Explain why revenue fell from July to August");
    assertSuggestionsAccepted(narrative);
  }

  @Test
  void aQueryWithoutIncludeHasNoNarrative() {
    assertThat(query("""
        {"measures": [{"agg": "sum", "column": "revenue"}], "dimensions": ["region"]}""").has("narrative")).isFalse();
  }

  @Test
  void aGroupedQuerySuggestsItsViewOverTime() {
    JsonNode narrative = query("""
        {"measures": [{"agg": "sum", "column": "revenue"}, {"agg": "count"}], "dimensions": ["region"],
         "filters": [{"column": "channel", "op": "eq", "value": "store"}], "include": ["narrative", "chart"]}""")
        .get("narrative");
    assertThat(narrative.get("headline").asString()).startsWith("AMER leads revenue with €");
    assertThat(narrative.get("suggestions").get(0).get("text").asString()).isEqualTo("Show revenue by region over time");
    assertSuggestionsAccepted(narrative);
  }

  @Test
  void anExplainsSuggestionsAreValidRequests() {
    ExplainOutcome constructed = Cases.explain(120000, 106500, List.of(
        Cases.sumDimension("region", new Object[][] {{"EMEA", 60000.0, 44000.0}, {"AMER", 25000.0, 23500.0}, {"APAC", 35000.0, 39000.0}}),
        Cases.sumDimension("channel", new Object[][] {{"web", 70000.0, 58000.0}, {"store", 50000.0, 48500.0}})), List.of());
    // July against August, months the dataset has rows in, so that the explain engine has data to split
    ExplainOutcome outcome = new ExplainOutcome(datasetId, constructed.measure(), constructed.timeColumn(), constructed.compare(),
        constructed.additive(),
        new ExplainOutcome.PeriodFigure(Cases.month(6), Cases.month(7), constructed.baseline().value(), 6),
        new ExplainOutcome.PeriodFigure(Cases.month(7), Cases.month(8), constructed.current().value(), 6),
        constructed.change(), constructed.changePct(), constructed.dimensions(), constructed.rootCauses());
    java.util.Map<String, Object> request = Cases.explainRequest();
    request.put("baseline", java.util.Map.of("from", "2026-07-01T00:00:00Z", "to", "2026-08-01T00:00:00Z"));
    request.put("current", java.util.Map.of("from", "2026-08-01T00:00:00Z", "to", "2026-09-01T00:00:00Z"));
    Narrative narrative = new Narrator().forExplain(outcome, request);
    assertThat(narrative.suggestions()).hasSize(3);
    assertSuggestionsAccepted(narrative.suggestions().stream()
        .map(s -> JSON.createObjectNode().<tools.jackson.databind.node.ObjectNode>set("request", JSON.createObjectNode()
            .put("operation", s.operation()).put("method", "POST").put("path", s.path()).put("dataset_id", s.datasetId())
            .set(s.operation().equals("queryDataset") ? "query" : "explain", JSON.valueToTree(s.body()))))
        .toList());
  }

  /** Every suggested request, sent as it is, is answered with a narrative. */
  private static void assertSuggestionsAccepted(JsonNode narrative) {
    List<JsonNode> suggestions = new ArrayList<>();
    narrative.get("suggestions").forEach(suggestions::add);
    assertSuggestionsAccepted(suggestions);
  }

  private static void assertSuggestionsAccepted(List<? extends JsonNode> suggestions) {
    assertThat(suggestions).isNotEmpty();
    for (JsonNode suggestion : suggestions) {
      JsonNode request = suggestion.get("request");
      assertThat(request.get("method").asString()).isEqualTo("POST");
      // the body sits under the name of the operation that takes it, and only there
      boolean query = request.get("operation").asString().equals("queryDataset");
      String sent = query ? "query" : "explain";
      assertThat(request.has(query ? "explain" : "query")).as("%s", request).isFalse();
      String path = "/v1/datasets/" + request.get("dataset_id").asString() + "/" + sent;
      assertThat(request.get("path").asString()).isEqualTo(path);
      HttpResult answer = client.postJson(path, JSON.writeValueAsString(request.get(sent)));
      assertThat(answer.status()).as("%s → %s", request.get(sent), answer.body()).isEqualTo(200);
      assertThat(answer.json().get("narrative").get("headline").asString()).isNotBlank();
    }
  }
}
