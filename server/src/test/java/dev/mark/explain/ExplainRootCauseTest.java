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
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Root causes end to end: a drop planted in one {region, channel} combination of daily sales,
 * and a conversion-rate drop planted in one {region, device}, are found exactly; the same data
 * without a plant (noise only) gives no root cause. Every answer has the contract's shape.
 */
@ExtendWith(RunningServer.Extension.class)
class ExplainRootCauseTest {

  private static final String[] REGIONS = {"EMEA", "APAC", "AMER", "LATAM", "ANZ"};
  private static final String[] CHANNELS = {"web", "store", "partner", "phone"};
  private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
  private static final OffsetDateTime START = OffsetDateTime.parse("2026-10-01T00:00:00Z");
  private static final String PERIODS = """
      "baseline": {"from": "2026-10-01T00:00:00Z", "to": "2026-10-29T00:00:00Z"},
      "current": {"from": "2026-10-29T00:00:00Z", "to": "2026-11-26T00:00:00Z"}""";
  private static final String DATASET = """
      {"name": "Daily sales", "columns": [
        {"name": "day", "type": "timestamp"}, {"name": "region", "type": "string"},
        {"name": "channel", "type": "string"}, {"name": "device", "type": "string"},
        {"name": "revenue", "type": "number"}, {"name": "visits", "type": "integer"},
        {"name": "orders", "type": "integer"}]}""";
  private static final SchemaValidator CONTRACT = new SchemaValidator(ApiContract.load());

  private static TestClient client;
  private static String planted;
  private static String noise;

  @BeforeAll
  static void ingestSales(RunningServer server) {
    client = server.newAccountClient();
    planted = ingest(true);
    noise = ingest(false);
  }

  @Test
  void aRevenueDropPlantedInOneRegionAndChannelIsTheRootCause() {
    JsonNode result = explain(planted, "{\"agg\": \"sum\", \"column\": \"revenue\"}");
    assertThat(result.get("change").asDouble()).isNegative();
    JsonNode first = result.get("root_causes").get(0);
    assertThat(first.get("elements").properties()).extracting(Map.Entry::getKey).containsExactly("region", "channel");
    assertThat(first.get("elements").get("region").asString()).isEqualTo("EMEA");
    assertThat(first.get("elements").get("channel").asString()).isEqualTo("web");
    assertThat(first.get("change").asDouble()).isNegative();
    assertThat(first.get("share_of_change").asDouble()).isGreaterThan(0.5);
    assertThat(result.get("root_causes")).hasSizeLessThanOrEqualTo(2);
    assertThat(result.get("dimensions").get(0).get("dimension").asString()).isIn("region", "channel");
  }

  @Test
  void aConversionDropPlantedInOneRegionAndDeviceIsTheRootCauseOfTheRatio() {
    JsonNode result = explain(planted, """
        {"agg": "ratio", "numerator": {"agg": "sum", "column": "orders"}, "denominator": {"agg": "sum", "column": "visits"},
         "alias": "conversion"}""");
    assertThat(result.get("measure").asString()).isEqualTo("conversion");
    JsonNode first = result.get("root_causes").get(0);
    assertThat(first.get("elements").get("region").asString()).isEqualTo("APAC");
    assertThat(first.get("elements").get("device").asString()).isEqualTo("mobile");
    assertThat(first.get("elements").size()).isEqualTo(2);
  }

  @Test
  void noiseAloneHasNoRootCause() {
    assertThat(explain(noise, "{\"agg\": \"sum\", \"column\": \"revenue\"}").get("root_causes")).isEmpty();
    assertThat(explain(noise, """
        {"agg": "ratio", "numerator": {"agg": "sum", "column": "orders"}, "denominator": {"agg": "sum", "column": "visits"}}""")
        .get("root_causes")).isEmpty();
  }

  @Test
  void everyAnswerHasTheContractsShape() {
    for (String measure : List.of("{\"agg\": \"sum\", \"column\": \"revenue\"}", "{\"agg\": \"avg\", \"column\": \"revenue\"}",
        "{\"agg\": \"p90\", \"column\": \"revenue\"}")) {
      JsonNode result = explain(planted, measure);
      assertThat(CONTRACT.validate("/components/schemas/ExplainResult", result, FieldIssue.Location.BODY, ""))
          .as(measure).isEmpty();
      assertThat(result.get("time_column").asString()).isEqualTo("day");
      assertThat(result.get("compare").asString()).isEqualTo("total");
      assertThat(result.get("baseline").get("rows").asLong()).isEqualTo(28L * REGIONS.length * CHANNELS.length * DEVICES.length);
    }
  }

  // --- helpers ---

  private static JsonNode explain(String path, String measure) {
    HttpResult result = client.postJson(path + "/explain", """
        {"measure": %s, %s, "dimensions": ["region", "channel", "device"]}""".formatted(measure, PERIODS));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  /** 56 days of one row per region, channel and device; the plants change the second 28 days. */
  private static String ingest(boolean plant) {
    Random random = new Random(plant ? 11 : 12);
    String path = "/v1/datasets/" + client.postJson("/v1/datasets", DATASET).json().get("id").asString();
    double[][][] base = new double[REGIONS.length][CHANNELS.length][DEVICES.length];
    for (double[][] byChannel : base) {
      for (double[] byDevice : byChannel) {
        for (int d = 0; d < byDevice.length; d++) {
          byDevice[d] = 200 + random.nextInt(800);
        }
      }
    }
    List<String> rows = new ArrayList<>();
    for (int day = 0; day < 56; day++) {
      boolean current = day >= 28;
      for (int r = 0; r < REGIONS.length; r++) {
        for (int c = 0; c < CHANNELS.length; c++) {
          for (int d = 0; d < DEVICES.length; d++) {
            double revenue = base[r][c][d] * (1 + 0.05 * random.nextGaussian());
            if (plant && current && r == 0 && c == 0) {
              revenue *= 0.5;
            }
            int visits = (int) Math.round(base[r][c][d] * (1 + 0.05 * random.nextGaussian()));
            double rate = 0.05 * (plant && current && r == 1 && d == 0 ? 0.5 : 1);
            int orders = (int) Math.round(visits * rate * (1 + 0.05 * random.nextGaussian()));
            rows.add(String.format(Locale.ROOT,
                "{\"day\":\"%s\",\"region\":\"%s\",\"channel\":\"%s\",\"device\":\"%s\",\"revenue\":%.2f,\"visits\":%d,\"orders\":%d}",
                START.plusDays(day).plusHours(12), REGIONS[r], CHANNELS[c], DEVICES[d], revenue, visits, orders));
          }
        }
      }
    }
    for (int from = 0; from < rows.size(); from += 300) {
      String body = "{\"rows\": [" + String.join(",", rows.subList(from, Math.min(rows.size(), from + 300))) + "]}";
      HttpResult ingest = client.postJson(path + "/rows", body);
      assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);
    }
    return path;
  }
}
