package dev.mark.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The contributions of one dimension's segments add up to the change, to 1e-9 of it, for sum,
 * count, ratio and avg, in totals and per day, over many random datasets from a fixed seed:
 * periods of different lengths, segments present in one period only, zeros and nulls. The
 * periods' values are checked against plain Java, and leave-one-out measures are marked
 * non-additive with their residual.
 */
@ExtendWith(RunningServer.Extension.class)
class ExplainExactnessTest {

  private static final int DATASETS = 8;
  private static final List<Case> CASES = new ArrayList<>();
  private static TestClient client;

  /** One random dataset: its rows, its periods, and where it lives. */
  record Case(String path, List<Sale> sales, OffsetDateTime b0, OffsetDateTime b1, OffsetDateTime c0, OffsetDateTime c1) {

    String periods() {
      return """
          "baseline": {"from": "%s", "to": "%s"}, "current": {"from": "%s", "to": "%s"}""".formatted(text(b0), text(b1), text(c0), text(c1));
    }

    private static String text(OffsetDateTime at) {
      return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
    }

    List<Sale> in(int period) {
      OffsetDateTime from = period == 0 ? b0 : c0;
      OffsetDateTime to = period == 0 ? b1 : c1;
      return sales.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to)).toList();
    }

    BigDecimal days(int period) {
      long millis = java.time.Duration.between(period == 0 ? b0 : c0, period == 0 ? b1 : c1).toMillis();
      return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(86_400_000L), MathContext.DECIMAL128);
    }
  }

  /** One row: a sale in a shop, by a member or not, of a tier, for an amount (null when unknown). */
  record Sale(OffsetDateTime at, String shop, boolean member, long tier, BigDecimal amount, long items) {}

  static final String DATASET = """
      {"name": "Sales", "columns": [
        {"name": "at", "type": "timestamp"}, {"name": "shop", "type": "string"},
        {"name": "member", "type": "boolean"}, {"name": "tier", "type": "integer"},
        {"name": "amount", "type": "number"}, {"name": "items", "type": "integer"}]}""";

  @BeforeAll
  static void ingestRandomDatasets(RunningServer server) {
    client = server.newAccountClient();
    Random random = new Random(20261203);
    for (int d = 0; d < DATASETS; d++) {
      OffsetDateTime b0 = OffsetDateTime.parse("2026-01-01T00:00:00Z").plusHours(random.nextInt(48));
      OffsetDateTime b1 = b0.plusDays(3 + random.nextInt(28)).plusHours(random.nextInt(24));
      OffsetDateTime c0 = b1.plusDays(random.nextInt(10));
      OffsetDateTime c1 = c0.plusDays(3 + random.nextInt(28)).plusMinutes(random.nextInt(1440));
      int shops = 2 + random.nextInt(7);
      List<Sale> sales = new ArrayList<>();
      int rows = 200 + random.nextInt(400);
      for (int i = 0; i < rows; i++) {
        boolean current = random.nextBoolean();
        OffsetDateTime from = current ? c0 : b0;
        long span = java.time.Duration.between(from, current ? c1 : b1).toSeconds();
        // a few rows outside both periods, which must not count
        OffsetDateTime at = random.nextInt(20) == 0 ? c1.plusDays(1 + random.nextInt(5)) : from.plusSeconds(random.nextLong(span));
        String shop = "s" + random.nextInt(shops);
        if (random.nextInt(15) == 0) {
          shop = current ? "only-current" : "only-baseline";
        }
        BigDecimal amount = switch (random.nextInt(8)) {
          case 0 -> null;
          case 1 -> BigDecimal.ZERO;
          default -> BigDecimal.valueOf(random.nextInt(1_000_000) - (random.nextInt(10) == 0 ? 200_000 : 0), 2);
        };
        sales.add(new Sale(at, shop, random.nextBoolean(), random.nextInt(4), amount, random.nextInt(5)));
      }
      String path = "/v1/datasets/" + client.postJson("/v1/datasets", DATASET).json().get("id").asString();
      for (int from = 0; from < sales.size(); from += 150) {
        HttpResult ingest = client.postJson(path + "/rows", json(sales.subList(from, Math.min(sales.size(), from + 150))));
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);
      }
      CASES.add(new Case(path, sales, b0, b1, c0, c1));
    }
  }

  @Test
  void sumAndCountContributionsAreEachSegmentsOwnChangeAndAddUpInTotalsAndPerDay() {
    for (Case c : CASES) {
      for (String compare : List.of("total", "per_day")) {
        JsonNode sum = explain(c, "{\"agg\": \"sum\", \"column\": \"amount\"}", compare);
        assertPeriodValues(sum, c, sales -> sum(sales, Sale::amount), compare.equals("per_day"));
        assertAddsUp(sum);
        assertSegmentsAreTheirOwnChange(sum, c, compare.equals("per_day"));
        JsonNode count = explain(c, "{\"agg\": \"count\"}", compare);
        assertPeriodValues(count, c, sales -> BigDecimal.valueOf(sales.size()), compare.equals("per_day"));
        assertAddsUp(count);
      }
    }
  }

  @Test
  void ratioAndAvgContributionsAddUpWithMixPlusRateForEverySegment() {
    for (Case c : CASES) {
      JsonNode ratio = explain(c, """
          {"agg": "ratio", "numerator": {"agg": "sum", "column": "items"}, "denominator": {"agg": "count"}}""", "per_day");
      assertThat(ratio.get("measure").asString()).isEqualTo("sum_items_per_count");
      assertPeriodValues(ratio, c, sales -> ratio(BigDecimal.valueOf(sales.stream().mapToLong(Sale::items).sum()),
          BigDecimal.valueOf(sales.size())), false);
      assertAddsUp(ratio);
      assertMixPlusRate(ratio);
      JsonNode avg = explain(c, "{\"agg\": \"avg\", \"column\": \"amount\"}", "total");
      assertPeriodValues(avg, c, sales -> ratio(sum(sales, Sale::amount),
          BigDecimal.valueOf(sales.stream().filter(s -> s.amount() != null).count())), false);
      assertAddsUp(avg);
      assertMixPlusRate(avg);
      JsonNode amountPerItem = explain(c, """
          {"agg": "ratio", "numerator": {"agg": "sum", "column": "amount"}, "denominator": {"agg": "sum", "column": "items"}}""", "total");
      assertAddsUp(amountPerItem);
    }
  }

  @Test
  void aSegmentInOnePeriodOnlyTakesItsRateFromTheOtherSoAllItsContributionIsMix() {
    Case c = CASES.getFirst();
    JsonNode avg = explain(c, "{\"agg\": \"avg\", \"column\": \"amount\"}", "total");
    JsonNode onlyCurrent = segment(avg, "shop", "only-current");
    assertThat(onlyCurrent.get("baseline").isNull()).isTrue();
    assertThat(onlyCurrent.get("share_baseline").asDouble()).isZero();
    assertThat(onlyCurrent.get("rate").asDouble()).isZero();
    assertThat(onlyCurrent.get("mix").asDouble()).isEqualTo(onlyCurrent.get("contribution").asDouble());
  }

  @Test
  void countDistinctIsSplitByLeaveOneOutMarkedNonAdditiveWithItsResidual() {
    for (Case c : CASES.subList(0, 3)) {
      JsonNode result = explain(c, "{\"agg\": \"count_distinct\", \"column\": \"items\"}", "total");
      assertThat(result.get("additive").asBoolean()).isFalse();
      assertPeriodValues(result, c, sales -> BigDecimal.valueOf(sales.stream().map(Sale::items).distinct().count()), false);
      double change = result.get("change").asDouble();
      for (JsonNode dimension : result.get("dimensions")) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode segment : dimension.get("segments")) {
          sum = sum.add(segment.get("contribution").decimalValue());
        }
        assertThat(dimension.get("residual").asDouble()).isCloseTo(change - sum.doubleValue(), org.assertj.core.api.Assertions.within(1e-9));
      }
      JsonNode byShop = dimension(result, "shop");
      for (JsonNode segment : byShop.get("segments")) {
        String shop = segment.get("value").asString();
        long without0 = c.in(0).stream().filter(s -> !s.shop().equals(shop)).map(Sale::items).distinct().count();
        long without1 = c.in(1).stream().filter(s -> !s.shop().equals(shop)).map(Sale::items).distinct().count();
        assertThat(segment.get("contribution").asDouble()).as(shop).isEqualTo(change - (without1 - without0));
      }
      JsonNode median = explain(c, "{\"agg\": \"median\", \"column\": \"amount\"}", "total");
      assertThat(median.get("additive").asBoolean()).isFalse();
      assertThat(median.get("dimensions")).isNotEmpty();
    }
  }

  // --- helpers ---

  static JsonNode explain(Case c, String measure, String compare) {
    HttpResult result = client.postJson(c.path() + "/explain", """
        {"measure": %s, %s, "compare": "%s", "dimensions": ["shop", "member", "tier"]}"""
        .formatted(measure, c.periods(), compare));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  /** Σ contributions of each dimension is the change, to 1e-9 of it; the residual is 0. */
  private static void assertAddsUp(JsonNode result) {
    assertThat(result.get("additive").asBoolean()).isTrue();
    BigDecimal change = result.get("change").decimalValue();
    BigDecimal tolerance = new BigDecimal("1e-9").multiply(change.abs().max(BigDecimal.ONE));
    assertThat(result.get("dimensions")).hasSize(3);
    for (JsonNode dimension : result.get("dimensions")) {
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode segment : dimension.get("segments")) {
        sum = sum.add(segment.get("contribution").decimalValue());
      }
      assertThat(sum.subtract(change).abs()).as(dimension.get("dimension") + " of " + result.get("measure"))
          .isLessThanOrEqualTo(tolerance);
      assertThat(dimension.get("residual").decimalValue().abs()).isLessThanOrEqualTo(tolerance);
    }
  }

  private static void assertMixPlusRate(JsonNode result) {
    for (JsonNode dimension : result.get("dimensions")) {
      for (JsonNode segment : dimension.get("segments")) {
        double sum = segment.get("mix").asDouble() + segment.get("rate").asDouble();
        assertThat(sum).isCloseTo(segment.get("contribution").asDouble(),
            org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(sum))));
      }
    }
  }

  private static void assertPeriodValues(JsonNode result, Case c, Function<List<Sale>, BigDecimal> value, boolean perDay) {
    for (int period = 0; period < 2; period++) {
      JsonNode figure = result.get(period == 0 ? "baseline" : "current");
      List<Sale> sales = c.in(period);
      assertThat(figure.get("rows").asLong()).isEqualTo(sales.size());
      BigDecimal expected = value.apply(sales);
      if (expected == null) {
        assertThat(figure.get("value").isNull()).isTrue();
        continue;
      }
      if (perDay) {
        expected = expected.divide(c.days(period), MathContext.DECIMAL128);
      }
      assertRelative(figure.get("value").decimalValue(), expected);
    }
  }

  private static void assertSegmentsAreTheirOwnChange(JsonNode result, Case c, boolean perDay) {
    Map<String, BigDecimal> expected = new HashMap<>();
    Set<String> shops = new HashSet<>();
    c.sales().forEach(s -> shops.add(s.shop()));
    for (String shop : shops) {
      BigDecimal[] values = new BigDecimal[2];
      for (int p = 0; p < 2; p++) {
        BigDecimal sum = sum(c.in(p).stream().filter(s -> s.shop().equals(shop)).toList(), Sale::amount);
        sum = sum == null ? BigDecimal.ZERO : sum;
        values[p] = perDay ? sum.divide(c.days(p), MathContext.DECIMAL128) : sum;
      }
      expected.put(shop, values[1].subtract(values[0]));
    }
    for (JsonNode segment : dimension(result, "shop").get("segments")) {
      assertRelative(segment.get("contribution").decimalValue(), expected.get(segment.get("value").asString()));
    }
  }

  private static void assertRelative(BigDecimal actual, BigDecimal expected) {
    BigDecimal tolerance = new BigDecimal("1e-9").multiply(expected.abs().max(BigDecimal.ONE));
    assertThat(actual.subtract(expected).abs()).as(actual + " vs " + expected).isLessThanOrEqualTo(tolerance);
  }

  static JsonNode dimension(JsonNode result, String name) {
    for (JsonNode dimension : result.get("dimensions")) {
      if (dimension.get("dimension").asString().equals(name)) {
        return dimension;
      }
    }
    throw new AssertionError("no dimension " + name + " in " + result);
  }

  static JsonNode segment(JsonNode result, String dimension, String value) {
    for (JsonNode segment : dimension(result, dimension).get("segments")) {
      if (segment.get("value").asString().equals(value)) {
        return segment;
      }
    }
    throw new AssertionError("no segment " + value);
  }

  private static BigDecimal sum(List<Sale> sales, Function<Sale, BigDecimal> column) {
    List<BigDecimal> values = sales.stream().map(column).filter(v -> v != null).toList();
    return values.isEmpty() ? BigDecimal.ZERO : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0 ? null : numerator.divide(denominator, MathContext.DECIMAL128);
  }

  private static String json(List<Sale> sales) {
    StringBuilder json = new StringBuilder("{\"rows\": [");
    for (int i = 0; i < sales.size(); i++) {
      Sale s = sales.get(i);
      json.append(i == 0 ? "" : ",").append("{\"at\":\"").append(s.at()).append("\",\"shop\":\"").append(s.shop())
          .append("\",\"member\":").append(s.member()).append(",\"tier\":").append(s.tier())
          .append(",\"amount\":").append(s.amount() == null ? "null" : s.amount().toPlainString())
          .append(",\"items\":").append(s.items()).append('}');
    }
    return json.append("]}").toString();
  }
}
