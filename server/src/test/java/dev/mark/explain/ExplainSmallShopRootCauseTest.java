package dev.mark.explain;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A shop of six leaves (3 regions × 2 channels), one row per order, a few orders a day at amounts
 * that vary as real ones do: the explain finds the leaf whose orders fell by 70 % as the one
 * root cause, and the same shop with nothing planted has none. (Before the search took a small
 * shop's noise from its row counts, a cause that is one leaf of six was never found.)
 */
@ExtendWith(RunningServer.Extension.class)
class ExplainSmallShopRootCauseTest {

  private static final String[] REGIONS = {"EMEA", "AMER", "APAC"};
  private static final String[] CHANNELS = {"web", "app"};
  private static final OffsetDateTime START = OffsetDateTime.parse("2026-10-01T00:00:00Z");
  private static final String DATASET = """
      {"name": "Orders", "columns": [
        {"name": "ordered_at", "type": "timestamp"}, {"name": "region", "type": "string"},
        {"name": "channel", "type": "string"}, {"name": "amount", "type": "number"}]}""";
  private static final String EXPLAIN = """
      {"measure": {"agg": "sum", "column": "amount"},
       "baseline": {"from": "2026-10-01T00:00:00Z", "to": "2026-10-29T00:00:00Z"},
       "current": {"from": "2026-10-29T00:00:00Z", "to": "2026-11-26T00:00:00Z"}}""";

  private static TestClient client;

  @BeforeAll
  static void start(RunningServer server) {
    client = server.newAccountClient();
  }

  @Test
  void theLeafWhoseOrdersFellIsTheOneRootCause() {
    JsonNode causes = explain(ingest(true)).get("root_causes");

    assertThat(causes).hasSize(1);
    assertThat(causes.get(0).get("elements").get("region").asString()).isEqualTo("EMEA");
    assertThat(causes.get(0).get("elements").get("channel").asString()).isEqualTo("web");
    assertThat(causes.get(0).get("elements").size()).isEqualTo(2);
    // its own fall (the total's change is that fall plus the other leaves' noise, either way)
    assertThat(causes.get(0).get("current").asDouble() / causes.get(0).get("baseline").asDouble()).isBetween(0.15, 0.5);
    assertThat(causes.get(0).get("score").asDouble()).isGreaterThan(0.3);
  }

  @Test
  void theSameShopWithNothingPlantedHasNoRootCause() {
    assertThat(explain(ingest(false)).get("root_causes")).isEmpty();
  }

  private static JsonNode explain(String path) {
    HttpResult result = client.postJson(path + "/explain", EXPLAIN);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  /** 56 days of orders: Poisson counts a day around each leaf's rate, log-normal amounts. */
  private static String ingest(boolean plant) {
    Random random = new Random(plant ? 21 : 22);
    String path = "/v1/datasets/" + client.postJson("/v1/datasets", DATASET).json().get("id").asString();
    List<String> rows = new ArrayList<>();
    for (String region : REGIONS) {
      for (String channel : CHANNELS) {
        double ordersPerDay = 3 + 4 * random.nextDouble();
        double averageOrder = 40 * Math.exp(0.5 * random.nextGaussian());
        for (int day = 0; day < 56; day++) {
          boolean fell = plant && day >= 28 && region.equals("EMEA") && channel.equals("web");
          int orders = poisson(random, ordersPerDay * (fell ? 0.3 : 1));
          for (int i = 0; i < orders; i++) {
            rows.add(String.format(Locale.ROOT, "{\"ordered_at\":\"%s\",\"region\":\"%s\",\"channel\":\"%s\",\"amount\":%.2f}",
                START.plusDays(day).plusMinutes(random.nextInt(1440)), region, channel,
                averageOrder * Math.exp(0.6 * random.nextGaussian() - 0.18)));
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

  private static int poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
