package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mark.fixtures.Order;
import dev.mark.fixtures.OrdersGenerator;
import dev.mark.fixtures.Reference;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Every aggregate, bucket and filter of the query engine, checked against answers computed in
 * plain Java over the same generated orders, including nulls, empty results, daylight-saving
 * days and week and quarter boundaries.
 */
@ExtendWith(RunningServer.Extension.class)
class QueryCorrectnessTest {

  private static final List<Order> ORDERS = new OrdersGenerator(42).next(4_000);
  private static TestClient client;
  private static String path;

  @BeforeAll
  static void ingestTheOrders(RunningServer server) {
    client = server.newAccountClient();
    String id = client.postJson("/v1/datasets", OrdersGenerator.DATASET).json().get("id").asString();
    path = "/v1/datasets/" + id;
    // the same data through both formats: JSON for the first half, CSV for the rest
    assertThat(client.postJson(path + "/rows", OrdersGenerator.json(ORDERS.subList(0, 2_000))).status()).isEqualTo(200);
    HttpResult csv = client.send("POST", path + "/rows", "text/csv", OrdersGenerator.csv(ORDERS.subList(2_000, 4_000)));
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.json().get("dataset").get("row_count").asLong()).isEqualTo(4_000);
  }

  @Test
  void everyAggregateByRegionMatchesPlainJava() {
    JsonNode result = query("""
        {"measures": [{"agg": "count"}, {"agg": "count", "column": "revenue"},
          {"agg": "count_distinct", "column": "customer_id"}, {"agg": "sum", "column": "revenue"},
          {"agg": "avg", "column": "revenue"}, {"agg": "min", "column": "revenue"},
          {"agg": "max", "column": "revenue"}, {"agg": "median", "column": "revenue"},
          {"agg": "p90", "column": "revenue", "alias": "revenue_p90"},
          {"agg": "sum", "column": "quantity"}, {"agg": "min", "column": "ordered_at"}],
         "dimensions": ["region"], "totals": true}""");

    assertThat(names(result)).containsExactly("region", "count", "count_revenue",
        "count_distinct_customer_id", "sum_revenue", "avg_revenue", "min_revenue", "max_revenue",
        "median_revenue", "revenue_p90", "sum_quantity", "min_ordered_at");
    Map<List<Object>, List<Order>> expected = Reference.group(ORDERS, o -> true, o -> key(o.region()));
    Map<List<Object>, JsonNode> actual = rowsByKey(result, 1);
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((key, orders) -> {
      JsonNode row = actual.get(key);
      assertThat(row.get(1).asLong()).isEqualTo(orders.size());
      assertThat(row.get(2).asLong()).isEqualTo(Reference.count(orders, Order::revenue));
      assertThat(row.get(3).asLong()).isEqualTo(Reference.countDistinct(orders, Order::customerId));
      assertExact(row.get(4), Reference.sum(orders, Order::revenue));
      assertClose(row.get(5), Reference.avg(orders, Order::revenue));
      assertExact(row.get(6), Reference.min(orders, Order::revenue));
      assertExact(row.get(7), Reference.max(orders, Order::revenue));
      assertClose(row.get(8), Reference.percentile(orders, Order::revenue, 0.5));
      assertClose(row.get(9), Reference.percentile(orders, Order::revenue, 0.9));
      assertThat(row.get(10).asLong()).isEqualTo(orders.stream().mapToLong(Order::quantity).sum());
      assertThat(OffsetDateTime.parse(row.get(11).asString()))
          .isEqualTo(Reference.min(orders, Order::orderedAt));
    });
    JsonNode totals = result.get("totals");
    assertThat(totals.get("count").asLong()).isEqualTo(ORDERS.size());
    assertExact(totals.get("sum_revenue"), Reference.sum(ORDERS, Order::revenue));
    assertClose(totals.get("median_revenue"), Reference.percentile(ORDERS, Order::revenue, 0.5));
  }

  @Test
  void monthsInParisFollowLocalMidnightsAndTheFromToBounds() {
    JsonNode result = query("""
        {"measures": [{"agg": "sum", "column": "revenue"}, {"agg": "count"}],
         "time_bucket": {"column": "ordered_at", "granularity": "month", "time_zone": "Europe/Paris",
                         "from": "2026-01-01T00:00:00+01:00", "to": "2026-12-01T00:00:00+01:00"}}""");
    OffsetDateTime from = OffsetDateTime.parse("2026-01-01T00:00:00+01:00");
    OffsetDateTime to = OffsetDateTime.parse("2026-12-01T00:00:00+01:00");
    assertBuckets(result, o -> !o.orderedAt().isBefore(from) && o.orderedAt().isBefore(to),
        o -> key(Reference.bucket(o.orderedAt(), "month", "Europe/Paris")));
    assertThat(result.get("rows").get(0).get(0).asString()).isEqualTo("2026-01-01T00:00:00+01:00");
    assertThat(result.get("rows").get(3).get(0).asString()).isEqualTo("2026-04-01T00:00:00+02:00");
  }

  @Test
  void daysAroundDaylightSavingChangesInNewYorkHave23And25Hours() {
    for (String zone : List.of("America/New_York", "Europe/Paris")) {
      JsonNode result = query("""
          {"measures": [{"agg": "sum", "column": "revenue"}, {"agg": "count"}],
           "time_bucket": {"column": "ordered_at", "granularity": "day", "time_zone": "%s"},
           "limit": 10000}""".formatted(zone));
      assertBuckets(result, o -> true, o -> key(Reference.bucket(o.orderedAt(), "day", zone)));
    }
    JsonNode hours = query("""
        {"measures": [{"agg": "sum", "column": "revenue"}, {"agg": "count"}],
         "time_bucket": {"column": "ordered_at", "granularity": "hour", "time_zone": "America/New_York",
                         "from": "2026-10-31T00:00:00Z", "to": "2026-11-03T00:00:00Z"}}""");
    OffsetDateTime from = OffsetDateTime.parse("2026-10-31T00:00:00Z");
    OffsetDateTime to = OffsetDateTime.parse("2026-11-03T00:00:00Z");
    assertBuckets(hours, o -> !o.orderedAt().isBefore(from) && o.orderedAt().isBefore(to),
        o -> key(Reference.bucket(o.orderedAt(), "hour", "America/New_York")));
  }

  @Test
  void weeksQuartersAndYearsStartOnTheirBoundaries() {
    for (String granularity : List.of("week", "quarter", "year")) {
      JsonNode result = query("""
          {"measures": [{"agg": "sum", "column": "revenue"}, {"agg": "count"}],
           "time_bucket": {"column": "ordered_at", "granularity": "%s"}}""".formatted(granularity));
      assertBuckets(result, o -> true, o -> key(Reference.bucket(o.orderedAt(), granularity, "UTC")));
      JsonNode dates = query("""
          {"measures": [{"agg": "sum", "column": "revenue"}, {"agg": "count"}],
           "time_bucket": {"column": "ordered_on", "granularity": "%s"}}""".formatted(granularity));
      assertBuckets(dates, o -> true, o -> key(Reference.bucket(o.orderedOn(), granularity).toString()));
    }
  }

  @Test
  void everyFilterOperatorSelectsTheSameRowsAsPlainJava() {
    Map<String, Predicate<Order>> filters = new HashMap<>();
    filters.put("{\"column\": \"region\", \"op\": \"eq\", \"value\": \"EMEA\"}", o -> "EMEA".equals(o.region()));
    filters.put("{\"column\": \"region\", \"op\": \"neq\", \"value\": \"EMEA\"}", o -> !"EMEA".equals(o.region()));
    filters.put("{\"column\": \"region\", \"op\": \"in\", \"values\": [\"APAC\", \"AMER\"]}",
        o -> "APAC".equals(o.region()) || "AMER".equals(o.region()));
    filters.put("{\"column\": \"region\", \"op\": \"not_in\", \"values\": [\"APAC\", \"AMER\"]}",
        o -> !"APAC".equals(o.region()) && !"AMER".equals(o.region()));
    filters.put("{\"column\": \"revenue\", \"op\": \"gt\", \"value\": 500}", o -> gt(o.revenue(), "500"));
    filters.put("{\"column\": \"revenue\", \"op\": \"gte\", \"value\": 500.5}", o -> o.revenue() != null && o.revenue().compareTo(new BigDecimal("500.5")) >= 0);
    filters.put("{\"column\": \"revenue\", \"op\": \"lt\", \"value\": 10}", o -> o.revenue() != null && o.revenue().compareTo(BigDecimal.TEN) < 0);
    filters.put("{\"column\": \"quantity\", \"op\": \"lte\", \"value\": 3}", o -> o.quantity() <= 3);
    filters.put("{\"column\": \"quantity\", \"op\": \"between\", \"values\": [2, 4]}", o -> o.quantity() >= 2 && o.quantity() <= 4);
    filters.put("{\"column\": \"category\", \"op\": \"contains\", \"value\": \"book\"}",
        o -> o.category() != null && o.category().toLowerCase().contains("book"));
    filters.put("{\"column\": \"revenue\", \"op\": \"is_null\", \"value\": true}", o -> o.revenue() == null);
    filters.put("{\"column\": \"revenue\", \"op\": \"is_null\", \"value\": false}", o -> o.revenue() != null);
    filters.put("{\"column\": \"returned\", \"op\": \"eq\", \"value\": true}", Order::returned);
    filters.put("{\"column\": \"ordered_at\", \"op\": \"gte\", \"value\": \"2026-06-01T00:00:00+02:00\"}",
        o -> !o.orderedAt().isBefore(OffsetDateTime.parse("2026-06-01T00:00:00+02:00")));
    filters.put("{\"column\": \"ordered_on\", \"op\": \"lt\", \"value\": \"2026-01-01\"}",
        o -> o.orderedOn().isBefore(java.time.LocalDate.parse("2026-01-01")));
    filters.put("{\"column\": \"customer_id\", \"op\": \"in\", \"values\": [1, 2, 3, 500]}",
        o -> List.of(1L, 2L, 3L, 500L).contains(o.customerId()));

    filters.forEach((filter, predicate) -> {
      JsonNode result = query("""
          {"measures": [{"agg": "count"}, {"agg": "sum", "column": "revenue"}],
           "dimensions": ["channel"], "filters": [%s]}""".formatted(filter));
      Map<List<Object>, List<Order>> expected = Reference.group(ORDERS, predicate, o -> key(o.channel()));
      Map<List<Object>, JsonNode> actual = rowsByKey(result, 1);
      assertThat(actual.keySet()).as(filter).containsExactlyInAnyOrderElementsOf(expected.keySet());
      expected.forEach((key, orders) -> {
        assertThat(actual.get(key).get(1).asLong()).as(filter).isEqualTo(orders.size());
        assertExact(actual.get(key).get(2), Reference.sum(orders, Order::revenue));
      });
    });
  }

  @Test
  void filtersCombineWithAnd() {
    JsonNode result = query("""
        {"measures": [{"agg": "count"}], "filters": [
          {"column": "channel", "op": "eq", "value": "web"},
          {"column": "returned", "op": "eq", "value": false},
          {"column": "quantity", "op": "gt", "value": 5}]}""");
    long expected = ORDERS.stream()
        .filter(o -> o.channel().equals("web") && !o.returned() && o.quantity() > 5).count();
    assertThat(result.get("rows").get(0).get(0).asLong()).isEqualTo(expected);
  }

  @Test
  void orGroupsHoldWhenAnyOfTheirFiltersDoes() {
    JsonNode result = query("""
        {"measures": [{"agg": "count"}], "dimensions": ["region"], "filters": [
          {"column": "returned", "op": "eq", "value": false},
          {"or": [
            {"column": "channel", "op": "eq", "value": "web"},
            {"or": [{"column": "quantity", "op": "gte", "value": 9}, {"column": "revenue", "op": "is_null", "value": true}]}]}]}""");
    Map<List<Object>, List<Order>> expected = Reference.group(ORDERS,
        o -> !o.returned() && (o.channel().equals("web") || o.quantity() >= 9 || o.revenue() == null),
        o -> key(o.region()));
    Map<List<Object>, JsonNode> actual = rowsByKey(result, 1);
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((k, orders) -> assertThat(actual.get(k).get(1).asLong()).isEqualTo(orders.size()));
  }

  @Test
  void anEmptySelectionGivesNoGroupsAndSqlTotals() {
    JsonNode grouped = query("""
        {"measures": [{"agg": "count"}, {"agg": "sum", "column": "revenue"}], "dimensions": ["region"],
         "filters": [{"column": "region", "op": "eq", "value": "Antarctica"}], "totals": true}""");
    assertThat(grouped.get("rows")).isEmpty();
    assertThat(grouped.get("row_count").asInt()).isZero();
    assertThat(grouped.get("totals").get("count").asLong()).isZero();
    assertThat(grouped.get("totals").get("sum_revenue").isNull()).isTrue();

    JsonNode ungrouped = query("""
        {"measures": [{"agg": "count"}], "filters": [{"column": "quantity", "op": "gt", "value": 1000}]}""");
    assertThat(ungrouped.get("rows").get(0).get(0).asLong()).isZero();
  }

  @Test
  void orderAndLimitPickTheTopGroups() {
    JsonNode result = query("""
        {"measures": [{"agg": "sum", "column": "revenue", "alias": "revenue"}], "dimensions": ["customer_id"],
         "order": [{"column": "revenue", "direction": "desc"}, {"column": "customer_id"}], "limit": 5}""");
    List<Map.Entry<List<Object>, List<Order>>> expected = new ArrayList<>(
        Reference.group(ORDERS, o -> true, o -> key(o.customerId())).entrySet());
    expected.sort((a, b) -> {
      BigDecimal x = Reference.sum(a.getValue(), Order::revenue);
      BigDecimal y = Reference.sum(b.getValue(), Order::revenue);
      return y.compareTo(x) != 0 ? y.compareTo(x) : Long.compare((Long) a.getKey().get(0), (Long) b.getKey().get(0));
    });
    assertThat(result.get("rows")).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(result.get("rows").get(i).get(0).asLong()).isEqualTo(expected.get(i).getKey().get(0));
    }
  }

  @Test
  void fillAddsEmptyBucketsWithZeroCountsAndSums() {
    JsonNode result = query("""
        {"measures": [{"agg": "count"}, {"agg": "sum", "column": "revenue"}, {"agg": "avg", "column": "revenue"}],
         "filters": [{"column": "ordered_at", "op": "lt", "value": "2025-12-01T00:00:00Z"}],
         "time_bucket": {"column": "ordered_at", "granularity": "month", "fill": true,
                         "from": "2025-09-01T00:00:00Z", "to": "2026-03-01T00:00:00Z"}}""");
    List<String> months = new ArrayList<>();
    result.get("rows").forEach(row -> months.add(row.get(0).asString()));
    assertThat(months).containsExactly("2025-09-01T00:00:00Z", "2025-10-01T00:00:00Z", "2025-11-01T00:00:00Z",
        "2025-12-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
    JsonNode september = result.get("rows").get(0);
    assertThat(september.get(1).asLong()).isZero();
    assertThat(september.get(2).decimalValue()).isEqualByComparingTo("0");
    assertThat(september.get(3).isNull()).isTrue();
    assertThat(result.get("rows").get(1).get(1).asLong()).isPositive();
  }

  // --- helpers ---

  private static JsonNode query(String body) {
    HttpResult result = client.postJson(path + "/query", body);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  private static void assertBuckets(JsonNode result, Predicate<Order> filter, Function<Order, List<Object>> key) {
    Map<List<Object>, List<Order>> expected = Reference.group(ORDERS, filter, key);
    Map<List<Object>, JsonNode> actual = rowsByKey(result, 1);
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((k, orders) -> {
      assertExact(actual.get(k).get(1), Reference.sum(orders, Order::revenue));
      assertThat(actual.get(k).get(actual.get(k).size() - 1).asLong()).isEqualTo(orders.size());
    });
  }

  private static List<String> names(JsonNode result) {
    List<String> names = new ArrayList<>();
    result.get("columns").forEach(c -> names.add(c.get("name").asString()));
    return names;
  }

  private static Map<List<Object>, JsonNode> rowsByKey(JsonNode result, int groups) {
    Map<List<Object>, JsonNode> rows = new HashMap<>();
    result.get("rows").forEach(row -> {
      List<Object> key = new ArrayList<>();
      for (int i = 0; i < groups; i++) {
        JsonNode value = row.get(i);
        key.add(value.isNull() ? null : value.isNumber() ? (Object) value.asLong() : value.isBoolean() ? value.asBoolean() : value.asString());
      }
      assertThat(rows.put(key, row)).as("one row per group").isNull();
    });
    return rows;
  }

  private static List<Object> key(Object value) {
    List<Object> key = new ArrayList<>();
    key.add(value);
    return key;
  }

  private static boolean gt(BigDecimal value, String bound) {
    return value != null && value.compareTo(new BigDecimal(bound)) > 0;
  }

  private static void assertExact(JsonNode actual, BigDecimal expected) {
    if (expected == null) {
      assertThat(actual.isNull()).as("null expected, got " + actual).isTrue();
    } else {
      assertThat(actual.decimalValue()).isEqualByComparingTo(expected);
    }
  }

  private static void assertClose(JsonNode actual, Number expected) {
    if (expected == null) {
      assertThat(actual.isNull()).isTrue();
    } else {
      assertThat(actual.asDouble()).isCloseTo(expected.doubleValue(), within(1e-6));
    }
  }
}
