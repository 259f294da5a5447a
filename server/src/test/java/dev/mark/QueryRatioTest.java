package dev.mark;

import static dev.mark.support.Problems.assertBodyIssues;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mark.fixtures.Order;
import dev.mark.fixtures.OrdersGenerator;
import dev.mark.fixtures.Reference;
import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Ratio measures in queries, checked against plain Java over generated orders: with dimensions,
 * time buckets, filled buckets, order and totals; null where the denominator is 0; and every
 * refused ratio named by its pointer.
 */
@ExtendWith(RunningServer.Extension.class)
class QueryRatioTest {

  private static final List<Order> ORDERS = new OrdersGenerator(7).next(3_000);
  private static TestClient client;
  private static String path;

  private static final String REVENUE_PER_ORDER = """
      {"agg": "ratio", "numerator": {"agg": "sum", "column": "revenue"}, "denominator": {"agg": "count"}}""";
  private static final String QUANTITY_PER_REVENUE = """
      {"agg": "ratio", "numerator": {"agg": "sum", "column": "quantity"},
       "denominator": {"agg": "count", "column": "revenue"}, "alias": "quantity_per_priced"}""";

  @BeforeAll
  static void ingestTheOrders(RunningServer server) {
    client = server.newAccountClient();
    path = "/v1/datasets/" + client.postJson("/v1/datasets", OrdersGenerator.DATASET).json().get("id").asString();
    HttpResult csv = client.send("POST", path + "/rows", "text/csv", OrdersGenerator.csv(ORDERS));
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
  }

  @Test
  void aRatioByRegionIsTheNumeratorOverTheDenominatorWithItsDefaultNameAndTotals() {
    JsonNode result = query("""
        {"measures": [%s, %s], "dimensions": ["region"], "totals": true}""".formatted(REVENUE_PER_ORDER, QUANTITY_PER_REVENUE));

    assertThat(result.get("columns").get(1).get("name").asString()).isEqualTo("sum_revenue_per_count");
    assertThat(result.get("columns").get(1).get("type").asString()).isEqualTo("number");
    assertThat(result.get("columns").get(2).get("name").asString()).isEqualTo("quantity_per_priced");
    Map<Object, List<Order>> groups = new HashMap<>();
    ORDERS.forEach(o -> groups.computeIfAbsent(String.valueOf(o.region()), k -> new ArrayList<>()).add(o));
    assertThat(result.get("rows")).hasSize(groups.size());
    result.get("rows").forEach(row -> {
      List<Order> orders = groups.get(row.get(0).isNull() ? "null" : row.get(0).asString());
      assertRatio(row.get(1), Reference.sum(orders, Order::revenue), BigDecimal.valueOf(orders.size()));
      assertRatio(row.get(2), BigDecimal.valueOf(orders.stream().mapToLong(Order::quantity).sum()),
          BigDecimal.valueOf(Reference.count(orders, Order::revenue)));
    });
    assertRatio(result.get("totals").get("sum_revenue_per_count"), Reference.sum(ORDERS, Order::revenue),
        BigDecimal.valueOf(ORDERS.size()));
  }

  @Test
  void aRatioByMonthIsNullInFilledBucketsWithoutRowsAndSortsByValue() {
    JsonNode result = query("""
        {"measures": [%s, {"agg": "count"}],
         "time_bucket": {"column": "ordered_at", "granularity": "month", "from": "2026-06-01T00:00:00Z",
                         "to": "2027-03-01T00:00:00Z", "fill": true},
         "order": [{"column": "sum_revenue_per_count", "direction": "desc"}]}""".formatted(REVENUE_PER_ORDER));

    Map<String, List<Order>> months = new HashMap<>();
    OffsetDateTime from = OffsetDateTime.parse("2026-06-01T00:00:00Z");
    ORDERS.stream().filter(o -> !o.orderedAt().isBefore(from))
        .forEach(o -> months.computeIfAbsent(Reference.bucket(o.orderedAt(), "month", "UTC"), k -> new ArrayList<>()).add(o));
    JsonNode rows = result.get("rows");
    assertThat(rows).hasSize(9);
    List<Double> values = new ArrayList<>();
    rows.forEach(row -> {
      List<Order> orders = months.get(row.get(0).asString().replace("+00:00", "Z"));
      if (orders == null) {
        assertThat(row.get(1).isNull()).as("an empty month has no ratio: " + row).isTrue();
        assertThat(row.get(2).asLong()).isZero();
      } else {
        assertRatio(row.get(1), Reference.sum(orders, Order::revenue), BigDecimal.valueOf(orders.size()));
        values.add(row.get(1).asDouble());
      }
    });
    assertThat(values).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(rows.get(rows.size() - 1).get(1).isNull()).as("nulls last").isTrue();
  }

  @Test
  void aZeroDenominatorGivesNullNotAnError() {
    JsonNode result = query("""
        {"measures": [{"agg": "ratio", "numerator": {"agg": "count"},
                       "denominator": {"agg": "sum", "column": "quantity"}}],
         "filters": [{"column": "quantity", "op": "is_null", "value": true}], "totals": true}""");
    assertThat(result.get("rows").get(0).get(0).isNull()).isTrue();
    assertThat(result.get("totals").get("count_per_sum_quantity").isNull()).isTrue();
  }

  @Test
  void aRatioOfPartsThatAreNotSumsOrCountsIsRefusedByPointer() {
    HttpResult refused = client.postJson(path + "/query", """
        {"measures": [{"agg": "sum", "column": "revenue"},
          {"agg": "ratio", "numerator": {"agg": "avg", "column": "revenue"}, "denominator": {"agg": "count"}},
          {"agg": "ratio", "numerator": {"agg": "count"},
           "denominator": {"agg": "ratio", "numerator": {"agg": "count"}, "denominator": {"agg": "count"}}},
          {"agg": "ratio", "numerator": {"agg": "sum", "column": "region"}},
          {"agg": "ratio", "column": "revenue", "numerator": {"agg": "count"}, "denominator": {"agg": "count"}}]}""");
    assertProblem(refused, 422, "invalid_query");
    assertBodyIssues(refused.json(),
        "/measures/1/numerator/agg not_additive",
        "/measures/2/denominator/agg not_additive",
        "/measures/3/numerator/column not_numeric",
        "/measures/3/denominator required",
        "/measures/4/column not_allowed");
  }

  // --- helpers ---

  private static JsonNode query(String body) {
    HttpResult result = client.postJson(path + "/query", body);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  private static void assertRatio(JsonNode actual, BigDecimal numerator, BigDecimal denominator) {
    if (denominator.signum() == 0) {
      assertThat(actual.isNull()).isTrue();
      return;
    }
    BigDecimal expected = (numerator == null ? BigDecimal.ZERO : numerator).divide(denominator, MathContext.DECIMAL64);
    assertThat(actual.decimalValue()).isCloseTo(expected, within(expected.abs().multiply(new BigDecimal("1e-12"))));
  }
}
