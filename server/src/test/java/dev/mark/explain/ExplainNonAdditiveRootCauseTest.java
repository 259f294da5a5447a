package dev.mark.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.contract.ApiContract;
import dev.mark.platform.contract.SchemaValidator;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Root causes of measures that do not add up, end to end: order amounts halved in one {region,
 * channel} are the root cause of the median's and the p90's fall, customers who stopped coming
 * back to one {region, device} the root cause of the distinct customers' fall; the same data
 * without a plant has no root cause. Every answer has the contract's shape.
 */
@ExtendWith(RunningServer.Extension.class)
class ExplainNonAdditiveRootCauseTest {

  private static final String[] REGIONS = {"EMEA", "APAC", "AMER", "LATAM", "ANZ"};
  private static final String[] CHANNELS = {"web", "store", "partner", "phone"};
  private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
  private static final OffsetDateTime START = OffsetDateTime.parse("2026-10-01T00:00:00Z");
  private static final String PERIODS = """
      "baseline": {"from": "2026-10-01T00:00:00Z", "to": "2026-10-29T00:00:00Z"},
      "current": {"from": "2026-10-29T00:00:00Z", "to": "2026-11-26T00:00:00Z"}""";
  private static final String DATASET = """
      {"name": "Orders", "columns": [
        {"name": "day", "type": "timestamp"}, {"name": "region", "type": "string"},
        {"name": "channel", "type": "string"}, {"name": "device", "type": "string"},
        {"name": "customer", "type": "string"}, {"name": "amount", "type": "number"}]}""";
  private static final SchemaValidator CONTRACT = new SchemaValidator(ApiContract.load());

  private static TestClient client;
  private static String planted;
  private static String noise;

  @BeforeAll
  static void ingestOrders(RunningServer server) {
    client = server.newAccountClient();
    planted = ingest(true);
    noise = ingest(false);
  }

  @Test
  void amountsHalvedInOneRegionAndChannelAreTheRootCauseOfTheMediansFall() {
    for (String agg : List.of("median", "p90")) {
      JsonNode result = explain(planted, "{\"agg\": \"" + agg + "\", \"column\": \"amount\"}");
      assertThat(result.get("additive").asBoolean()).isFalse();
      assertThat(result.get("change").asDouble()).as(agg).isNegative();
      JsonNode causes = result.get("root_causes");
      assertThat(causes).as(agg + ": " + causes).hasSize(1);
      JsonNode first = causes.get(0);
      assertThat(first.get("elements").properties()).extracting(e -> e.getKey() + "=" + e.getValue().asString())
          .containsExactly("region=EMEA", "channel=web");
      // its own median halved, and without it most of the fall goes away
      assertThat(first.get("current").asDouble() / first.get("baseline").asDouble()).isBetween(0.4, 0.6);
      assertThat(first.get("change").asDouble()).isNegative();
      assertThat(first.get("share_of_change").asDouble()).isGreaterThan(0.5);
      assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void customersLostInOneRegionAndDeviceAreTheRootCauseOfTheDistinctCountsFall() {
    JsonNode result = explain(planted, "{\"agg\": \"count_distinct\", \"column\": \"customer\"}");
    assertThat(result.get("change").asDouble()).isNegative();
    JsonNode causes = result.get("root_causes");
    assertThat(causes).as(causes.toString()).hasSize(1);
    assertThat(causes.get(0).get("elements").properties()).extracting(e -> e.getKey() + "=" + e.getValue().asString())
        .containsExactly("region=APAC", "device=mobile");
    assertThat(causes.get(0).get("change").asDouble()).isNegative();
    assertThat(causes.get(0).get("share_of_change").asDouble()).isGreaterThan(0.5);
  }

  @Test
  void noiseAloneHasNoRootCause() {
    for (String measure : List.of("{\"agg\": \"median\", \"column\": \"amount\"}", "{\"agg\": \"p90\", \"column\": \"amount\"}",
        "{\"agg\": \"count_distinct\", \"column\": \"customer\"}")) {
      assertThat(explain(noise, measure).get("root_causes")).as(measure).isEmpty();
    }
  }

  @Test
  void everyAnswerHasTheContractsShape() {
    for (String measure : List.of("{\"agg\": \"median\", \"column\": \"amount\"}",
        "{\"agg\": \"count_distinct\", \"column\": \"customer\"}")) {
      for (String path : List.of(planted, noise)) {
        JsonNode result = explain(path, measure);
        assertThat(CONTRACT.validate("/components/schemas/ExplainResult", result, FieldIssue.Location.BODY, ""))
            .as(measure).isEmpty();
      }
    }
  }

  // --- helpers ---

  private static JsonNode explain(String path, String measure) {
    HttpResult result = client.postJson(path + "/explain", """
        {"measure": %s, %s, "dimensions": ["region", "channel", "device"]}""".formatted(measure, PERIODS));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  /**
   * 56 days of two orders a day per region, channel and device, each by one of the leaf's 40
   * customers; the plants change the second 28 days: EMEA web's amounts halve, and APAC mobile's
   * orders all come from 6 of its customers.
   */
  private static String ingest(boolean plant) {
    Random random = new Random(plant ? 21 : 22);
    String path = "/v1/datasets/" + client.postJson("/v1/datasets", DATASET).json().get("id").asString();
    double[][][] typical = new double[REGIONS.length][CHANNELS.length][DEVICES.length];
    for (double[][] byChannel : typical) {
      for (double[] byDevice : byChannel) {
        for (int d = 0; d < byDevice.length; d++) {
          byDevice[d] = 40 + random.nextInt(80);
        }
      }
    }
    List<String> rows = new ArrayList<>();
    for (int day = 0; day < 56; day++) {
      boolean current = day >= 28;
      for (int r = 0; r < REGIONS.length; r++) {
        for (int c = 0; c < CHANNELS.length; c++) {
          for (int d = 0; d < DEVICES.length; d++) {
            for (int order = 0; order < 2; order++) {
              double amount = typical[r][c][d] * Math.exp(0.4 * random.nextGaussian());
              if (plant && current && r == 0 && c == 0) {
                amount *= 0.5;
              }
              int pool = plant && current && r == 1 && d == 0 ? 6 : 40;
              String customer = REGIONS[r] + "-" + CHANNELS[c] + "-" + DEVICES[d] + "-" + random.nextInt(pool);
              rows.add(String.format(Locale.ROOT,
                  "{\"day\":\"%s\",\"region\":\"%s\",\"channel\":\"%s\",\"device\":\"%s\",\"customer\":\"%s\",\"amount\":%.2f}",
                  START.plusDays(day).plusHours(12), REGIONS[r], CHANNELS[c], DEVICES[d], customer, amount));
            }
          }
        }
      }
    }
    for (int from = 0; from < rows.size(); from += 500) {
      String body = "{\"rows\": [" + String.join(",", rows.subList(from, Math.min(rows.size(), from + 500))) + "]}";
      HttpResult ingest = client.postJson(path + "/rows", body);
      assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);
    }
    return path;
  }
}
