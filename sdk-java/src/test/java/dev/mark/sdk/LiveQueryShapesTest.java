package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.core.ProblemCodes;
import dev.mark.sdk.core.ValidationException;
import dev.mark.sdk.model.Aggregation;
import dev.mark.sdk.model.Column;
import dev.mark.sdk.model.ColumnType;
import dev.mark.sdk.model.CreateDatasetRequest;
import dev.mark.sdk.model.Filter;
import dev.mark.sdk.model.FilterOperator;
import dev.mark.sdk.model.Granularity;
import dev.mark.sdk.model.Measure;
import dev.mark.sdk.model.Order;
import dev.mark.sdk.model.OrderDirection;
import dev.mark.sdk.model.QueryRequest;
import dev.mark.sdk.model.QueryResult;
import dev.mark.sdk.model.TimeBucket;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape of query a partner writes from Java, against the real server: each filter
 * operator, an {@code or} group, time buckets with a range, dimensions and order; each answer
 * checked against the same rows filtered in plain Java, revenue to the cent as BigDecimal.
 */
@ExtendWith(LiveServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveQueryShapesTest {
  private static final List<Order> ORDERS = List.of(
      new Order("2026-01-15T10:00:00Z", "EMEA", "100.10", 1, false, "WELCOME"),
      new Order("2026-01-20T10:00:00Z", "APAC", "200.20", 2, true, null),
      new Order("2026-02-03T10:00:00Z", "EMEA", "300.30", 3, false, null),
      new Order("2026-02-14T10:00:00Z", "AMER", "400.40", 4, false, "SPRING10"),
      new Order("2026-03-01T10:00:00Z", "APAC", "0.01", 5, true, "WELCOME"),
      new Order("2026-03-09T10:00:00Z", "AMER", "47523071.92", 1, false, null));

  private MarkClient mark;
  private String datasetId;

  @BeforeAll
  void createOrders(LiveServer server) {
    mark = server.client().apiKey(server.apiKey()).build();
    datasetId = mark.datasets().create(new CreateDatasetRequest().name("Query shapes").columns(List.of(
        new Column().name("ordered_at").type(ColumnType.TIMESTAMP),
        new Column().name("region").type(ColumnType.STRING),
        new Column().name("revenue").type(ColumnType.NUMBER),
        new Column().name("quantity").type(ColumnType.INTEGER),
        new Column().name("returned").type(ColumnType.BOOLEAN),
        new Column().name("coupon").type(ColumnType.STRING)))).data().getId();
    mark.rows().ingest(datasetId, ORDERS.stream().map(Order::row).collect(Collectors.toList()));
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        shape(filter("returned", FilterOperator.EQ).value(false), o -> !o.returned),
        shape(filter("region", FilterOperator.NEQ).value("EMEA"), o -> !o.region.equals("EMEA")),
        shape(filter("region", FilterOperator.IN).values(List.of("EMEA", "AMER")), o -> !o.region.equals("APAC")),
        shape(filter("region", FilterOperator.NOT_IN).values(List.of("EMEA", "AMER")), o -> o.region.equals("APAC")),
        shape(filter("quantity", FilterOperator.GT).value(3), o -> o.quantity > 3),
        shape(filter("quantity", FilterOperator.GTE).value(3), o -> o.quantity >= 3),
        shape(filter("revenue", FilterOperator.LT).value(new BigDecimal("200.20")),
            o -> o.revenue.compareTo(new BigDecimal("200.20")) < 0),
        shape(filter("revenue", FilterOperator.LTE).value(new BigDecimal("200.20")),
            o -> o.revenue.compareTo(new BigDecimal("200.20")) <= 0),
        shape(filter("ordered_at", FilterOperator.BETWEEN).values(List.of("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")),
            o -> !o.at.isBefore(OffsetDateTime.parse("2026-02-01T00:00:00Z")) && !o.at.isAfter(OffsetDateTime.parse("2026-03-01T00:00:00Z"))),
        shape(filter("coupon", FilterOperator.CONTAINS).value("come"), o -> o.coupon != null && o.coupon.contains("COME")),
        shape(filter("coupon", FilterOperator.IS_NULL).value(true), o -> o.coupon == null),
        shape(new Filter().or(List.of(filter("region", FilterOperator.EQ).value("APAC"), filter("quantity", FilterOperator.GTE).value(4))),
            o -> o.region.equals("APAC") || o.quantity >= 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void eachFilterCountsAndSumsExactlyTheRowsItKeeps(String name, Filter filter, Predicate<Order> keeps) {
    QueryResult result = mark.analytics().query(datasetId, new QueryRequest()
        .measures(List.of(new Measure().agg(Aggregation.COUNT).alias("orders"),
            new Measure().agg(Aggregation.SUM).column("revenue").alias("revenue")))
        .filters(List.of(filter))
        .totals(true)).data();

    List<Order> kept = ORDERS.stream().filter(keeps).collect(Collectors.toList());
    assertThat(kept).as("the shape keeps some rows and drops others").isNotEmpty().hasSizeLessThan(ORDERS.size());
    assertThat(((Number) result.getTotals().get("orders")).longValue()).isEqualTo(kept.size());
    assertThat(result.getTotals().get("revenue")).isInstanceOf(BigDecimal.class);
    assertThat((BigDecimal) result.getTotals().get("revenue")).isEqualByComparingTo(sum(kept));
  }

  @Test
  void monthlyBucketsWithinARangeOrderedByRevenueAreExact() {
    QueryResult result = mark.analytics().query(datasetId, new QueryRequest()
        .measures(List.of(new Measure().agg(Aggregation.SUM).column("revenue").alias("revenue")))
        .timeBucket(new TimeBucket().column("ordered_at").granularity(Granularity.MONTH)
            .from(OffsetDateTime.parse("2026-02-01T00:00:00Z")).to(OffsetDateTime.parse("2026-04-01T00:00:00Z")))
        .order(List.of(new dev.mark.sdk.model.Order().column("revenue").direction(OrderDirection.DESC)))).data();

    int revenue = columnIndex(result, "revenue");
    assertThat(result.getRows()).extracting(row -> (BigDecimal) row.get(revenue))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("47523071.93"), new BigDecimal("700.70"));
  }

  @Test
  void dimensionsOrderedAscendingWithExactSums() {
    QueryResult result = mark.analytics().query(datasetId, new QueryRequest()
        .measures(List.of(new Measure().agg(Aggregation.SUM).column("revenue").alias("revenue")))
        .dimensions(List.of("region"))
        .order(List.of(new dev.mark.sdk.model.Order().column("region").direction(OrderDirection.ASC)))).data();

    int region = columnIndex(result, "region");
    int revenue = columnIndex(result, "revenue");
    assertThat(result.getRows()).extracting(row -> row.get(region)).containsExactly("AMER", "APAC", "EMEA");
    assertThat(result.getRows()).extracting(row -> (BigDecimal) row.get(revenue))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("47523472.32"), new BigDecimal("200.21"), new BigDecimal("400.40"));
  }

  @Test
  void aQueryTheContractRefusesSaysWhichFieldAndWhyInItsMessage() {
    ValidationException refused = catchThrowableOfType(ValidationException.class, () -> mark.analytics().query(datasetId,
        new QueryRequest().measures(List.of(new Measure().agg(Aggregation.COUNT)))
            .filters(List.of(new Filter().or(List.of(filter("region", FilterOperator.EQ).value("EMEA")))))));

    assertThat(refused.code()).contains(ProblemCodes.VALIDATION_FAILED);
    assertThat(refused.errors()).isNotEmpty();
    assertThat(refused.getMessage()).contains("/filters/0/or", refused.errors().get(0).getCode(),
        refused.errors().get(0).getMessage());
  }

  private static Filter filter(String column, FilterOperator op) {
    return new Filter().column(column).op(op);
  }

  private static Arguments shape(Filter filter, Predicate<Order> keeps) {
    String name = filter.getOp() == null ? "or" : filter.getOp().getValue();
    return Arguments.of(name, filter, keeps);
  }

  private static BigDecimal sum(List<Order> orders) {
    return orders.stream().map(o -> o.revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static int columnIndex(QueryResult result, String name) {
    List<String> names = result.getColumns().stream().map(c -> c.getName()).collect(Collectors.toList());
    assertThat(names).contains(name);
    return names.indexOf(name);
  }

  /** One row of the dataset, and its values for the plain-Java reference. */
  static final class Order {
    final OffsetDateTime at;
    final String region;
    final BigDecimal revenue;
    final int quantity;
    final boolean returned;
    final String coupon;

    Order(String at, String region, String revenue, int quantity, boolean returned, String coupon) {
      this.at = OffsetDateTime.parse(at);
      this.region = region;
      this.revenue = new BigDecimal(revenue);
      this.quantity = quantity;
      this.returned = returned;
      this.coupon = coupon;
    }

    Map<String, Object> row() {
      Map<String, Object> row = new HashMap<>();
      row.put("ordered_at", at.toString());
      row.put("region", region);
      row.put("revenue", revenue);
      row.put("quantity", quantity);
      row.put("returned", returned);
      row.put("coupon", coupon);
      return row;
    }
  }
}
