package dev.mark.analytics;

import dev.mark.analytics.QueryPlan.PlannedCondition;
import dev.mark.analytics.QueryPlan.PlannedFilter;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.InvalidValue;
import dev.mark.datasets.ValueParser;
import dev.mark.datasets.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks one condition: its operator fits its column, and its values have the column's type. */
record FilterPlanner(ColumnSpec column, MetricQuery.Filter filter, String pointer,
    FilterPlanner.IssueSink issues) {

  Optional<PlannedFilter> plan() {
    FilterOp op = filter.op();
    ValueType type = column.type();
    if (op.isOrdering() && type == ValueType.BOOLEAN) {
      return reject("/op", "not_ordered", op.name().toLowerCase() + " needs an ordered column; "
          + column.name() + " is boolean");
    }
    if (op == FilterOp.CONTAINS && type != ValueType.STRING) {
      return reject("/op", "not_text", "contains needs a string column; " + column.name() + " is " + type.apiName());
    }
    return switch (op) {
      case IS_NULL -> filter.value() instanceof Boolean flag
          ? Optional.of(new PlannedCondition(column, op, List.of(flag)))
          : reject("/value", "type", "is_null takes value true or false");
      case IN, NOT_IN -> listOf(1, Integer.MAX_VALUE);
      case BETWEEN -> listOf(2, 2);
      default -> single();
    };
  }

  private Optional<PlannedFilter> single() {
    if (filter.value() == null) {
      return reject("/value", "required", filter.op().name().toLowerCase()
          + " takes a value" + (filter.op() == FilterOp.EQ ? "; use is_null to find nulls" : ""));
    }
    try {
      return Optional.of(new PlannedCondition(column, filter.op(),
          List.of(ValueParser.fromJson(column.type(), filter.value()))));
    } catch (InvalidValue e) {
      return reject("/value", e.code(), e.getMessage());
    }
  }

  private Optional<PlannedFilter> listOf(int min, int max) {
    List<Object> raw = filter.values();
    String op = filter.op().name().toLowerCase();
    if (raw == null || raw.size() < min || raw.size() > max) {
      return reject("/values", "count", min == max
          ? op + " takes values: [low, high]"
          : op + " takes a non-empty list of values");
    }
    List<Object> typed = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < raw.size(); i++) {
      try {
        Object value = ValueParser.fromJson(column.type(), raw.get(i));
        if (value == null) {
          throw new InvalidValue("required", "must not be null");
        }
        typed.add(value);
      } catch (InvalidValue e) {
        issues.add(pointer + "/values/" + i, e.code(), e.getMessage());
        valid = false;
      }
    }
    return valid ? Optional.of(new PlannedCondition(column, filter.op(), typed)) : Optional.empty();
  }

  private Optional<PlannedFilter> reject(String suffix, String code, String message) {
    issues.add(pointer + suffix, code, message);
    return Optional.empty();
  }

  /** Where the checker reports issues. */
  @FunctionalInterface
  interface IssueSink {
    void add(String pointer, String code, String message);
  }
}
