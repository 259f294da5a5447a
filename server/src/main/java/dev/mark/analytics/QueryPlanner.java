package dev.mark.analytics;

import dev.mark.analytics.QueryPlan.PlannedBucket;
import dev.mark.analytics.QueryPlan.PlannedAnyOf;
import dev.mark.analytics.QueryPlan.PlannedFilter;
import dev.mark.analytics.QueryPlan.PlannedMeasure;
import dev.mark.analytics.QueryPlan.SortKey;
import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.ValueType;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a {@link MetricQuery} against a dataset's columns and turns it into a
 * {@link QueryPlan}. Every meaningless part of the query is reported at once, by pointer, as a
 * 422: an unknown column, the sum of a string, a bucket on a non-time column, {@code from}
 * after {@code to}, an unknown time zone, a filter value of the wrong type.
 */
public final class QueryPlanner {

  private final Map<String, ColumnSpec> columns;
  private final List<FieldIssue> issues = new ArrayList<>();

  private QueryPlanner(List<ColumnSpec> columns) {
    this.columns = columns.stream().collect(Collectors.toMap(ColumnSpec::name, Function.identity()));
  }

  public static QueryPlan plan(MetricQuery query, List<ColumnSpec> columns) {
    return new QueryPlanner(columns).plan(query);
  }

  private QueryPlan plan(MetricQuery query) {
    Optional<PlannedBucket> bucket = query.bucket().flatMap(this::bucket);
    List<ColumnSpec> dimensions = dimensions(query.dimensions());
    List<PlannedMeasure> measures = measures(query.measures());
    List<PlannedFilter> filters = filters(query.filters(), "/filters", 1);
    List<String> names = new ArrayList<>();
    bucket.ifPresent(b -> names.add(b.column().name()));
    dimensions.forEach(d -> names.add(d.name()));
    measures.forEach(m -> names.add(m.name()));
    checkUniqueNames(query, names);
    List<SortKey> order = order(query.order(), names, bucket.isPresent() ? 1 + dimensions.size() : dimensions.size());
    if (!issues.isEmpty()) {
      throw new Unprocessable(ProblemCode.INVALID_QUERY, "The query does not fit the dataset.", issues);
    }
    return new QueryPlan(bucket, dimensions, measures, filters, order, query.limit(), query.totals());
  }

  private Optional<PlannedBucket> bucket(MetricQuery.Bucket bucket) {
    Optional<ColumnSpec> column = column(bucket.column(), "/time_bucket/column");
    ZoneId zone = null;
    try {
      zone = ZoneId.of(bucket.timeZone());
    } catch (DateTimeException e) {
      issue("/time_bucket/time_zone", "unknown_time_zone",
          bucket.timeZone() + " is not an IANA time zone, such as Europe/Paris or UTC");
    }
    if (zone != null && SqlTimeZone.of(zone).isEmpty()) {
      issue("/time_bucket/time_zone", "ambiguous_time_zone", bucket.timeZone()
          + " is a legacy zone name that the database may read as a fixed abbreviation;"
          + " use an Area/Location name such as Europe/Paris, or a fixed offset such as +01:00");
      zone = null;
    }
    if (bucket.from().isPresent() && bucket.to().isPresent()
        && !bucket.from().get().isBefore(bucket.to().get())) {
      issue("/time_bucket/from", "from_after_to", "must be before to");
    }
    if (column.isEmpty() || zone == null) {
      return Optional.empty();
    }
    ValueType type = column.get().type();
    if (type != ValueType.DATE && type != ValueType.TIMESTAMP) {
      issue("/time_bucket/column", "not_a_time",
          "a time bucket needs a date or timestamp column; " + column.get().name() + " is " + type.apiName());
      return Optional.empty();
    }
    if (type == ValueType.DATE && bucket.granularity() == Granularity.HOUR) {
      issue("/time_bucket/granularity", "too_fine", "a date column has no hours; use day or coarser");
      return Optional.empty();
    }
    return Optional.of(new PlannedBucket(column.get(), bucket.granularity(), zone,
        bucket.from(), bucket.to(), bucket.fill()));
  }

  private List<ColumnSpec> dimensions(List<String> names) {
    List<ColumnSpec> dimensions = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String pointer = "/dimensions/" + i;
      column(names.get(i), pointer).ifPresent(column -> {
        ValueType type = column.type();
        if (type == ValueType.STRING || type == ValueType.BOOLEAN || type == ValueType.INTEGER) {
          dimensions.add(column);
        } else {
          issue(pointer, "not_groupable", "group by string, boolean or integer columns; " + column.name()
              + " is " + type.apiName() + (type == ValueType.NUMBER ? "" : " (use time_bucket)"));
        }
      });
    }
    return dimensions;
  }

  private List<PlannedMeasure> measures(List<MetricQuery.Measure> measures) {
    List<PlannedMeasure> planned = new ArrayList<>();
    for (int i = 0; i < measures.size(); i++) {
      measure(measures.get(i), "/measures/" + i).ifPresent(planned::add);
    }
    return planned;
  }

  private Optional<PlannedMeasure> measure(MetricQuery.Measure measure, String pointer) {
    if (measure.agg() == Aggregation.RATIO) {
      return ratio(measure, pointer);
    }
    if (measure.numerator().isPresent() || measure.denominator().isPresent()) {
      issue(pointer + (measure.numerator().isPresent() ? "/numerator" : "/denominator"), "not_a_ratio",
          "only a ratio takes a numerator and a denominator");
      return Optional.empty();
    }
    if (measure.column().isEmpty()) {
      if (measure.agg() == Aggregation.COUNT) {
        return Optional.of(new PlannedMeasure(measure.alias().orElse("count"), Aggregation.COUNT,
            Optional.empty(), ValueType.INTEGER, MeasureNotes.overridden(ColumnNotes.NONE, measure), Optional.empty()));
      }
      issue(pointer + "/column", "required", measure.agg().apiName() + " needs a column");
      return Optional.empty();
    }
    return column(measure.column().get(), pointer + "/column")
        .flatMap(column -> outputType(measure.agg(), column, pointer + "/column")
            .map(type -> new PlannedMeasure(
                measure.alias().orElse(measure.agg().apiName() + "_" + column.name()),
                measure.agg(), Optional.of(column), type,
                MeasureNotes.overridden(MeasureNotes.of(measure.agg(), Optional.of(column)), measure),
                Optional.empty())));
  }

  /** A ratio of two additive measures, each a sum or a count (so its change splits exactly). */
  private Optional<PlannedMeasure> ratio(MetricQuery.Measure measure, String pointer) {
    if (measure.column().isPresent()) {
      issue(pointer + "/column", "not_allowed", "a ratio takes a numerator and a denominator, not a column");
    }
    Optional<PlannedMeasure> numerator = ratioPart(measure.numerator(), pointer + "/numerator");
    Optional<PlannedMeasure> denominator = ratioPart(measure.denominator(), pointer + "/denominator");
    if (numerator.isEmpty() || denominator.isEmpty() || measure.column().isPresent()) {
      return Optional.empty();
    }
    PlannedMeasure num = numerator.get();
    PlannedMeasure den = denominator.get();
    ColumnNotes notes = MeasureNotes.overridden(MeasureNotes.ratio(num.notes(), den.agg()), measure);
    return Optional.of(new PlannedMeasure(measure.alias().orElse(num.name() + "_per_" + den.name()),
        Aggregation.RATIO, Optional.empty(), ValueType.NUMBER, notes,
        Optional.of(new QueryPlan.RatioParts(num, den))));
  }

  private Optional<PlannedMeasure> ratioPart(Optional<MetricQuery.Measure> part, String pointer) {
    if (part.isEmpty()) {
      issue(pointer, "required", "a ratio needs a numerator and a denominator");
      return Optional.empty();
    }
    Aggregation agg = part.get().agg();
    if (agg != Aggregation.SUM && agg != Aggregation.COUNT) {
      issue(pointer + "/agg", "not_additive", "the parts of a ratio are sum or count measures, not " + agg.apiName()
          + (agg == Aggregation.AVG ? " (an avg is itself the ratio of a sum to a count)" : ""));
      return Optional.empty();
    }
    return measure(part.get(), pointer);
  }

  /** The type of {@code agg} over {@code column}; empty (and an issue) when it makes no sense. */
  private Optional<ValueType> outputType(Aggregation agg, ColumnSpec column, String pointer) {
    ValueType type = column.type();
    boolean numeric = type == ValueType.NUMBER || type == ValueType.INTEGER;
    return switch (agg) {
      case COUNT, COUNT_DISTINCT -> Optional.of(ValueType.INTEGER);
      case SUM -> numeric ? Optional.of(type) : notNumeric(agg, column, pointer);
      case AVG, MEDIAN, P90 -> numeric ? Optional.of(ValueType.NUMBER) : notNumeric(agg, column, pointer);
      case RATIO -> Optional.empty(); // planned by ratio(), never here
      case MIN, MAX -> {
        if (type == ValueType.BOOLEAN) {
          issue(pointer, "not_ordered", agg.apiName() + " needs an ordered column; " + column.name() + " is boolean");
          yield Optional.empty();
        }
        yield Optional.of(type);
      }
    };
  }

  private Optional<ValueType> notNumeric(Aggregation agg, ColumnSpec column, String pointer) {
    issue(pointer, "not_numeric", agg.apiName() + " needs a number or integer column; "
        + column.name() + " is " + column.type().apiName());
    return Optional.empty();
  }

  /** Filters nest at most this deep, so that no query compiles into a runaway condition. */
  private static final int MAX_FILTER_DEPTH = 3;

  private List<PlannedFilter> filters(List<MetricQuery.Filter> filters, String prefix, int depth) {
    List<PlannedFilter> planned = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      filter(filters.get(i), prefix + "/" + i, depth).ifPresent(planned::add);
    }
    return planned;
  }

  private Optional<PlannedFilter> filter(MetricQuery.Filter filter, String pointer, int depth) {
    if (filter.anyOf() != null) {
      if (filter.column() != null || filter.op() != null || filter.value() != null || filter.values() != null) {
        issue(pointer + "/or", "mixed_filter", "a filter is either a condition or an or group, not both");
        return Optional.empty();
      }
      if (depth == MAX_FILTER_DEPTH) {
        issue(pointer + "/or", "too_deep", "or groups nest at most " + MAX_FILTER_DEPTH + " deep");
        return Optional.empty();
      }
      List<PlannedFilter> any = filters(filter.anyOf(), pointer + "/or", depth + 1);
      return any.size() == filter.anyOf().size() ? Optional.of(new PlannedAnyOf(any)) : Optional.empty();
    }
    if (filter.column() == null || filter.op() == null) {
      issue(pointer, "required", "a condition needs a column and an op (or give an or group)");
      return Optional.empty();
    }
    return column(filter.column(), pointer + "/column")
        .flatMap(column -> new FilterPlanner(column, filter, pointer, this::issue).plan());
  }

  private List<SortKey> order(List<MetricQuery.Order> order, List<String> names, int groups) {
    List<SortKey> keys = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      int position = names.indexOf(order.get(i).column());
      if (position < 0) {
        issue("/order/" + i + "/column", "unknown_column",
            order.get(i).column() + " is not an output column; the output columns are " + String.join(", ", names));
      } else {
        keys.add(new SortKey(position, order.get(i).descending()));
      }
    }
    if (keys.isEmpty()) {
      for (int position = 0; position < groups; position++) {
        keys.add(new SortKey(position, false));
      }
    }
    return keys;
  }

  private void checkUniqueNames(MetricQuery query, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        issue("/measures", "duplicate_name", name + " names two output columns; give a measure an alias");
      }
    }
  }

  private Optional<ColumnSpec> column(String name, String pointer) {
    ColumnSpec column = columns.get(name);
    if (column == null) {
      issue(pointer, "unknown_column", "the dataset has no column " + name);
    }
    return Optional.ofNullable(column);
  }

  private void issue(String pointer, String code, String message) {
    issues.add(FieldIssue.body(pointer, code, message));
  }
}
