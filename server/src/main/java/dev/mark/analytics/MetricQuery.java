package dev.mark.analytics;

import dev.mark.datasets.Favorable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A query as the caller asked it, before it is checked against the dataset.
 *
 * @param measures what to compute
 * @param dimensions the columns to group by
 * @param bucket the time bucket to group by, if any
 * @param filters conditions every row must meet
 * @param order the output columns to sort by; empty sorts by the groups
 * @param limit the most rows to return
 * @param totals whether to compute the measures over all filtered rows too
 */
public record MetricQuery(
    List<Measure> measures,
    List<String> dimensions,
    Optional<Bucket> bucket,
    List<Filter> filters,
    List<Order> order,
    int limit,
    boolean totals) {

  /**
   * A measure: {@code agg} of {@code column} (absent for a count of rows), named {@code alias};
   * a {@code RATIO} divides {@code numerator} by {@code denominator} instead. {@code unit} and
   * {@code favorable} override what the measure takes from its column.
   */
  public record Measure(Aggregation agg, Optional<String> column, Optional<String> alias,
      Optional<Measure> numerator, Optional<Measure> denominator, Optional<String> unit,
      Optional<Favorable> favorable) {

    /** A measure of one column, with nothing overridden. */
    public Measure(Aggregation agg, Optional<String> column, Optional<String> alias) {
      this(agg, column, alias, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** A time bucket on a date or timestamp column, in an IANA time zone. */
  public record Bucket(String column, Granularity granularity, String timeZone,
      Optional<OffsetDateTime> from, Optional<OffsetDateTime> to, boolean fill) {}

  /**
   * A filter: either a condition ({@code column}, {@code op}, and {@code value} or
   * {@code values} as the operator needs, as JSON values), or, when {@code anyOf} is not null, a
   * group of filters of which one must hold. Which one it is, is checked by the planner.
   */
  public record Filter(List<Filter> anyOf, String column, FilterOp op, Object value, List<Object> values) {

    public static Filter condition(String column, FilterOp op, Object value, List<Object> values) {
      return new Filter(null, column, op, value, values);
    }
  }

  /** Sort by an output column. */
  public record Order(String column, boolean descending) {}
}
