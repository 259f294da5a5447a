package dev.mark.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.mark.analytics.MetricQuery.Bucket;
import dev.mark.analytics.MetricQuery.Filter;
import dev.mark.analytics.MetricQuery.Measure;
import dev.mark.analytics.MetricQuery.Order;
import dev.mark.analytics.QueryPlan.PlannedAnyOf;
import dev.mark.analytics.QueryPlan.PlannedCondition;
import dev.mark.analytics.QueryPlan.SortKey;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.ValueType;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.Unprocessable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner on its own: what a valid query becomes, and every issue of an invalid one, by pointer. */
class QueryPlannerTest {

  private static final List<ColumnSpec> ORDERS = List.of(
      new ColumnSpec("ordered_at", ValueType.TIMESTAMP, true),
      new ColumnSpec("ordered_on", ValueType.DATE, false),
      new ColumnSpec("region", ValueType.STRING, false),
      new ColumnSpec("revenue", ValueType.NUMBER, false),
      new ColumnSpec("quantity", ValueType.INTEGER, false),
      new ColumnSpec("returned", ValueType.BOOLEAN, false));

  private static final OffsetDateTime MARCH = OffsetDateTime.parse("2026-03-01T00:00:00+01:00");
  private static final OffsetDateTime APRIL = OffsetDateTime.parse("2026-04-01T00:00:00+02:00");

  @Test
  void outputColumnsAreTheBucketThenTheDimensionsThenTheMeasuresWithTheirTypes() {
    QueryPlan plan = QueryPlanner.plan(query(
        List.of(measure(Aggregation.SUM, "revenue"), count(), new Measure(Aggregation.AVG, Optional.of("quantity"), Optional.of("avg_q")),
            measure(Aggregation.SUM, "quantity"), measure(Aggregation.MIN, "ordered_on")),
        List.of("region"),
        Optional.of(new Bucket("ordered_at", Granularity.MONTH, "Europe/Paris", Optional.of(MARCH), Optional.of(APRIL), true)),
        List.of(), List.of()), ORDERS);

    assertThat(plan.outputColumns()).extracting(OutputColumn::name, OutputColumn::type).containsExactly(
        tuple("ordered_at", ValueType.TIMESTAMP), tuple("region", ValueType.STRING),
        tuple("sum_revenue", ValueType.NUMBER), tuple("count", ValueType.INTEGER),
        tuple("avg_q", ValueType.NUMBER), tuple("sum_quantity", ValueType.INTEGER),
        tuple("min_ordered_on", ValueType.DATE));
    assertThat(plan.groupCount()).isEqualTo(2);
    QueryPlan.PlannedBucket bucket = plan.bucket().orElseThrow();
    assertThat(bucket.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(bucket.fill()).isTrue();
    assertThat(bucket.from()).contains(MARCH);
    assertThat(plan.limit()).isEqualTo(100);
  }

  @Test
  void withoutAnOrderRowsSortByTheirGroupsAndAnOrderNamesOutputPositions() {
    List<Measure> measures = List.of(measure(Aggregation.SUM, "revenue"));
    Optional<Bucket> bucket = Optional.of(new Bucket("ordered_on", Granularity.WEEK, "UTC", Optional.empty(), Optional.empty(), false));

    QueryPlan unordered = QueryPlanner.plan(query(measures, List.of("region", "returned"), bucket, List.of(), List.of()), ORDERS);
    assertThat(unordered.order()).containsExactly(new SortKey(0, false), new SortKey(1, false), new SortKey(2, false));

    QueryPlan ordered = QueryPlanner.plan(query(measures, List.of("region", "returned"), bucket, List.of(),
        List.of(new Order("sum_revenue", true), new Order("returned", false))), ORDERS);
    assertThat(ordered.order()).containsExactly(new SortKey(3, true), new SortKey(2, false));

    QueryPlan ungrouped = QueryPlanner.plan(query(measures, List.of(), Optional.empty(), List.of(), List.of()), ORDERS);
    assertThat(ungrouped.order()).isEmpty();
    assertThat(ungrouped.groupCount()).isZero();
  }

  @Test
  void filterValuesAreTypedLikeTheirColumnsAndOrGroupsKeepTheirShape() {
    QueryPlan plan = QueryPlanner.plan(query(List.of(count()), List.of(), Optional.empty(), List.of(
        Filter.condition("quantity", FilterOp.BETWEEN, null, List.of(2, 4)),
        Filter.condition("revenue", FilterOp.GT, new BigDecimal("10.5"), null),
        new Filter(List.of(
            Filter.condition("region", FilterOp.IN, null, List.of("EMEA", "APAC")),
            Filter.condition("ordered_at", FilterOp.GTE, "2026-03-29T01:00:00Z", null)), null, null, null, null)),
        List.of()), ORDERS);

    assertThat(plan.filters()).hasSize(3);
    PlannedCondition between = (PlannedCondition) plan.filters().get(0);
    assertThat(between.values()).containsExactly(2L, 4L);
    PlannedCondition greater = (PlannedCondition) plan.filters().get(1);
    assertThat((BigDecimal) greater.values().getFirst()).isEqualByComparingTo("10.5");
    PlannedAnyOf any = (PlannedAnyOf) plan.filters().get(2);
    assertThat(any.filters()).hasSize(2);
    assertThat(((PlannedCondition) any.filters().get(1)).values().getFirst())
        .isEqualTo(OffsetDateTime.parse("2026-03-29T01:00:00Z"));
  }

  @Test
  void everyMeaninglessPartOfAQueryIsReportedAtOnceByItsPointer() {
    Unprocessable refused = refused(query(
        List.of(new Measure(Aggregation.AVG, Optional.empty(), Optional.empty()), measure(Aggregation.SUM, "region"),
            measure(Aggregation.MAX, "returned"), measure(Aggregation.SUM, "price")),
        List.of("revenue", "country"),
        Optional.of(new Bucket("region", Granularity.DAY, "Mars/Olympus", Optional.of(APRIL), Optional.of(MARCH), false)),
        List.of(Filter.condition("colour", FilterOp.EQ, "red", null),
            Filter.condition("quantity", FilterOp.GT, "five", null),
            Filter.condition("returned", FilterOp.LT, true, null),
            Filter.condition("revenue", FilterOp.CONTAINS, "1", null),
            Filter.condition("region", FilterOp.IN, null, List.of()),
            new Filter(List.of(), "region", FilterOp.EQ, "EMEA", null)),
        List.of(new Order("nothing", false))));

    assertThat(refused.issues()).extracting(FieldIssue::pointer, FieldIssue::code).contains(
        tuple("/measures/0/column", "required"),
        tuple("/measures/1/column", "not_numeric"),
        tuple("/measures/2/column", "not_ordered"),
        tuple("/measures/3/column", "unknown_column"),
        tuple("/dimensions/0", "not_groupable"),
        tuple("/dimensions/1", "unknown_column"),
        tuple("/time_bucket/time_zone", "unknown_time_zone"),
        tuple("/time_bucket/from", "from_after_to"),
        tuple("/filters/0/column", "unknown_column"),
        tuple("/filters/1/value", "type"),
        tuple("/filters/2/op", "not_ordered"),
        tuple("/filters/3/op", "not_text"),
        tuple("/filters/4/values", "count"),
        tuple("/filters/5/or", "mixed_filter"),
        tuple("/order/0/column", "unknown_column"));
    assertThat(refused.issues()).allSatisfy(issue -> assertThat(issue.location()).isEqualTo(FieldIssue.Location.BODY));
  }

  @Test
  void aBucketNeedsATimeColumnAndHoursNeedATimestamp() {
    assertThat(refused(bucketed(new Bucket("region", Granularity.DAY, "UTC", Optional.empty(), Optional.empty(), false))).issues())
        .extracting(FieldIssue::pointer, FieldIssue::code).containsExactly(tuple("/time_bucket/column", "not_a_time"));
    assertThat(refused(bucketed(new Bucket("ordered_on", Granularity.HOUR, "UTC", Optional.empty(), Optional.empty(), false))).issues())
        .extracting(FieldIssue::pointer, FieldIssue::code).containsExactly(tuple("/time_bucket/granularity", "too_fine"));
  }

  @Test
  void outputNamesMustBeUniqueAndOrGroupsNestAtMostThreeDeep() {
    Filter deepest = new Filter(List.of(Filter.condition("region", FilterOp.EQ, "EMEA", null)), null, null, null, null);
    Filter tooDeep = new Filter(List.of(new Filter(List.of(deepest), null, null, null, null)), null, null, null, null);
    Unprocessable refused = refused(query(
        List.of(count(), new Measure(Aggregation.SUM, Optional.of("revenue"), Optional.of("region"))),
        List.of("region"), Optional.empty(), List.of(tooDeep), List.of()));

    assertThat(refused.issues()).extracting(FieldIssue::pointer, FieldIssue::code).containsExactlyInAnyOrder(
        tuple("/measures", "duplicate_name"),
        tuple("/filters/0/or/0/or/0/or", "too_deep"));
  }

  // --- helpers ---

  private static MetricQuery query(List<Measure> measures, List<String> dimensions, Optional<Bucket> bucket,
      List<Filter> filters, List<Order> order) {
    return new MetricQuery(measures, dimensions, bucket, filters, order, 100, false);
  }

  private static MetricQuery bucketed(Bucket bucket) {
    return query(List.of(count()), List.of(), Optional.of(bucket), List.of(), List.of());
  }

  private static Measure measure(Aggregation agg, String column) {
    return new Measure(agg, Optional.of(column), Optional.empty());
  }

  private static Measure count() {
    return new Measure(Aggregation.COUNT, Optional.empty(), Optional.empty());
  }

  private static Unprocessable refused(MetricQuery query) {
    Unprocessable refused = catchThrowableOfType(Unprocessable.class, () -> QueryPlanner.plan(query, ORDERS));
    assertThat(refused).as("the query is refused").isNotNull();
    return refused;
  }
}
