package dev.mark.analytics.explain;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.MetricQuery;
import dev.mark.analytics.QueryPlan;
import dev.mark.analytics.QueryPlanner;
import dev.mark.analytics.explain.ExplainQuery.Period;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.ValueType;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an {@link ExplainQuery} against a dataset's columns. The measure, dimensions and filters
 * are checked by the query planner (one definition of what they may be), its pointers moved from
 * {@code /measures/0} to {@code /measure}; then the rules of explain: a time column, two
 * non-empty periods that do not overlap, and a measure whose change can be attributed. Every
 * issue is reported at once, as a 422 {@code invalid_explain}.
 */
final class ExplainPlanner {

  private final List<ColumnSpec> columns;
  private final List<FieldIssue> issues = new ArrayList<>();

  private ExplainPlanner(List<ColumnSpec> columns) {
    this.columns = columns;
  }

  static ExplainPlan plan(ExplainQuery query, List<ColumnSpec> columns) {
    return new ExplainPlanner(columns).plan(query);
  }

  private ExplainPlan plan(ExplainQuery query) {
    Aggregation agg = query.measure().agg();
    if (agg == Aggregation.MIN || agg == Aggregation.MAX) {
      issue("/measure/agg", "cannot_explain", agg.apiName()
          + " cannot be explained: one row sets it, so no segment's change adds up to its change");
    }
    Optional<QueryPlan> checked = checked(query);
    Optional<ColumnSpec> timeColumn = timeColumn(query.timeColumn());
    checkPeriods(query.baseline(), query.current());
    if (!issues.isEmpty()) {
      throw new Unprocessable(ProblemCode.INVALID_EXPLAIN, "The explain request does not fit the dataset.", issues);
    }
    QueryPlan plan = checked.orElseThrow();
    List<ColumnSpec> candidates = columns.stream()
        .filter(c -> c.type() == ValueType.STRING || c.type() == ValueType.BOOLEAN)
        .toList();
    return new ExplainPlan(plan, MeasureShape.of(agg), timeColumn.orElseThrow(), query.baseline(), query.current(),
        query.compare(), query.dimensions().map(d -> plan.dimensions()), candidates, query.maxRootCauses(),
        query.adtributor());
  }

  /** The measure, dimensions and filters, checked as a query's are. */
  private Optional<QueryPlan> checked(ExplainQuery query) {
    List<String> dimensions = query.dimensions().orElse(List.of());
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.indexOf(dimensions.get(i)) < i) {
        issue("/dimensions/" + i, "duplicate", dimensions.get(i) + " is named twice");
      }
    }
    MetricQuery asQuery = new MetricQuery(List.of(query.measure()), dimensions.stream().distinct().toList(),
        Optional.empty(), query.filters(), List.of(), 1, false);
    try {
      return Optional.of(QueryPlanner.plan(asQuery, columns));
    } catch (Unprocessable e) {
      e.issues().forEach(issue -> issues.add(FieldIssue.body(pointer(issue.pointer()), issue.code(), issue.message())));
      return Optional.empty();
    }
  }

  private static String pointer(String queryPointer) {
    if (queryPointer.startsWith("/measures/0")) {
      return "/measure" + queryPointer.substring("/measures/0".length());
    }
    return queryPointer.equals("/measures") ? "/measure/alias" : queryPointer;
  }

  private Optional<ColumnSpec> timeColumn(Optional<String> name) {
    if (name.isPresent()) {
      Optional<ColumnSpec> column = columns.stream().filter(c -> c.name().equals(name.get())).findFirst();
      if (column.isEmpty()) {
        issue("/time_column", "unknown_column", "the dataset has no column " + name.get());
      } else if (!isTime(column.get())) {
        issue("/time_column", "not_a_time", "the time column must be a date or timestamp; "
            + name.get() + " is " + column.get().type().apiName());
        return Optional.empty();
      }
      return column;
    }
    List<ColumnSpec> times = columns.stream().filter(ExplainPlanner::isTime).toList();
    if (times.size() != 1) {
      issue("/time_column", "required", times.isEmpty()
          ? "the dataset has no date or timestamp column to place rows in periods"
          : "the dataset has " + times.size() + " date or timestamp columns; name the one that places rows in periods");
      return Optional.empty();
    }
    return Optional.of(times.getFirst());
  }

  private void checkPeriods(Period baseline, Period current) {
    boolean baselineValid = nonEmpty(baseline, "/baseline/to");
    boolean currentValid = nonEmpty(current, "/current/to");
    if (baselineValid && currentValid
        && current.from().isBefore(baseline.to()) && baseline.from().isBefore(current.to())) {
      issue("/current/from", "overlapping_periods", "the periods overlap; a row can be in one period only");
    }
  }

  private boolean nonEmpty(Period period, String pointer) {
    if (period.from().isBefore(period.to())) {
      return true;
    }
    issue(pointer, "empty_period", "must be after from: a period is half-open, [from, to)");
    return false;
  }

  private static boolean isTime(ColumnSpec column) {
    return column.type() == ValueType.DATE || column.type() == ValueType.TIMESTAMP;
  }

  private void issue(String pointer, String code, String message) {
    issues.add(FieldIssue.body(pointer, code, message));
  }
}
