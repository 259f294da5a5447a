package dev.mark.analytics.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A measure's own {@code unit} and {@code favorable} reach its narrative as they reach its chart:
 * both read the notes the query planner resolved once (MeasureNotes), whether the column declares
 * none or declares others. Costs rise from 1,500 in October to 2,320 in November, team a's most.
 */
@ExtendWith(RunningServer.Extension.class)
class MeasureOverrideNarrativeTest {

  private static final String PERIODS = """
      "baseline": {"from": "2026-10-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"},
      "current": {"from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z"}""";

  private static TestClient client;
  private static String datasetId;

  @BeforeAll
  static void ingestTwoMonthsOfCosts(RunningServer server) {
    client = server.newAccountClient();
    // `cost` says nothing of itself; `spend` says the opposite of what the measures below ask
    datasetId = client.postJson("/v1/datasets", """
        {"name": "costs", "columns": [{"name": "day", "type": "timestamp"}, {"name": "team", "type": "string"},
          {"name": "cost", "type": "number"}, {"name": "spend", "type": "number", "unit": "EUR", "favorable": "up"}]}""")
        .json().get("id").asString();
    HttpResult ingested = client.postJson("/v1/datasets/" + datasetId + "/rows", """
        {"rows": [{"day": "2026-10-05T00:00:00Z", "team": "a", "cost": 1000, "spend": 1000},
                  {"day": "2026-10-06T00:00:00Z", "team": "b", "cost": 500, "spend": 500},
                  {"day": "2026-11-05T00:00:00Z", "team": "a", "cost": 1800, "spend": 1800},
                  {"day": "2026-11-06T00:00:00Z", "team": "b", "cost": 520, "spend": 520}]}""");
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
  }

  @Test
  void aRisingCostWhoseMeasureFavorsDownIsBadNewsInItsOwnUnit() {
    JsonNode answer = post("query", """
        {"measures": [{"agg": "sum", "column": "cost", "unit": "CHF", "favorable": "down"}],
         "time_bucket": {"column": "day", "granularity": "month"}, "include": ["narrative", "chart"]}""");
    assertThat(answer.get("narrative").get("headline").asString())
        .isEqualTo("Cost rose 54.7 % in November to 2,320 CHF, bad news.");
    assertThat(answer.get("chart").get("spec").toString()).contains("Cost (sum, CHF)");
  }

  @Test
  void anExplainTellsTheMeasuresUnitAndDirectionNotTheColumns() {
    JsonNode answer = post("explain", """
        {"measure": {"agg": "sum", "column": "spend", "unit": "CHF", "favorable": "down"}, %s,
         "include": ["narrative", "chart"]}""".formatted(PERIODS));
    JsonNode narrative = answer.get("narrative");
    assertThat(narrative.get("headline").asString())
        .isEqualTo("Spend rose 54.7 % (+820 CHF) from October to November, mostly in a, bad news.");
    assertThat(narrative.get("statements").get(0).get("text").asString())
        .isEqualTo("Spend rose from 1,500 CHF in October to 2,320 CHF in November (+54.7 %), bad news.");
    assertThat(answer.get("chart").get("spec").toString()).contains("Spend (sum, CHF)").doesNotContain("EUR");
  }

  @Test
  void withoutOverridesTheColumnsOwnNotesSpeak() {
    JsonNode narrative = post("explain", """
        {"measure": {"agg": "sum", "column": "spend"}, %s, "include": ["narrative"]}""".formatted(PERIODS))
        .get("narrative");
    assertThat(narrative.get("headline").asString())
        .isEqualTo("Spend rose 54.7 % (+€820) from October to November, mostly in a, good news.");
  }

  private static JsonNode post(String operation, String body) {
    HttpResult result = client.postJson("/v1/datasets/" + datasetId + "/" + operation, body);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }
}
