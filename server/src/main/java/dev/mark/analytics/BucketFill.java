package dev.mark.analytics;

import dev.mark.analytics.QueryPlan.PlannedBucket;
import dev.mark.analytics.QueryPlan.PlannedMeasure;
import dev.mark.datasets.ValueType;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the time buckets that have no rows, for each combination of the other dimensions that
 * has any, with counts and sums of 0 and other measures null. Buckets start where PostgreSQL's
 * {@code date_trunc(field, value, zone)} starts them: at local midnights (or hours) in the zone.
 */
final class BucketFill {

  /** The most buckets one query may fill, so that an hourly fill over years stays bounded. */
  static final int MAX_BUCKETS = 10_000;

  private BucketFill() {}

  static List<Object[]> fill(QueryPlan plan, List<Object[]> rows) {
    PlannedBucket bucket = plan.bucket().orElseThrow();
    List<Object> buckets = buckets(bucket, rows);
    Map<List<Object>, Set<Object>> present = new LinkedHashMap<>();
    int groups = plan.groupCount();
    for (Object[] row : rows) {
      present.computeIfAbsent(Arrays.asList(row).subList(1, groups), k -> new LinkedHashSet<>()).add(row[0]);
    }
    if (present.isEmpty() && plan.dimensions().isEmpty()) {
      present.put(List.of(), Set.of());
    }
    List<Object[]> filled = new ArrayList<>(rows);
    present.forEach((dimensions, seen) -> {
      for (Object start : buckets) {
        if (!seen.contains(start)) {
          filled.add(emptyRow(plan, start, dimensions));
        }
      }
    });
    return filled;
  }

  private static Object[] emptyRow(QueryPlan plan, Object start, List<Object> dimensions) {
    Object[] row = new Object[plan.groupCount() + plan.measures().size()];
    row[0] = start;
    for (int i = 0; i < dimensions.size(); i++) {
      row[1 + i] = dimensions.get(i);
    }
    for (int i = 0; i < plan.measures().size(); i++) {
      row[plan.groupCount() + i] = zeroOf(plan.measures().get(i));
    }
    return row;
  }

  private static Object zeroOf(PlannedMeasure measure) {
    return switch (measure.agg()) {
      case COUNT, COUNT_DISTINCT -> 0L;
      case SUM -> BigDecimal.ZERO;
      default -> null;
    };
  }

  /** Every bucket start from the first to the last, as the SQL returns them. */
  private static List<Object> buckets(PlannedBucket bucket, List<Object[]> rows) {
    boolean isDate = bucket.column().type() == ValueType.DATE;
    Object first = bucket.from().map(from -> truncate(bucket, isDate ? localDate(bucket, from) : from))
        .orElse(rows.stream().map(r -> r[0]).filter(v -> v != null).min(BucketFill::compare).orElse(null));
    Object last = bucket.to().map(to -> lastBefore(bucket, isDate ? localDate(bucket, to) : to))
        .orElse(rows.stream().map(r -> r[0]).filter(v -> v != null).max(BucketFill::compare).orElse(null));
    List<Object> starts = new ArrayList<>();
    if (first == null || last == null) {
      return starts;
    }
    for (Object start = first; compare(start, last) <= 0; start = next(bucket, start)) {
      if (starts.size() == MAX_BUCKETS) {
        throw new Unprocessable(ProblemCode.INVALID_QUERY, "The query does not fit the dataset.", List.of(
            FieldIssue.body("/time_bucket/fill", "too_many_buckets",
                "filling would add more than " + MAX_BUCKETS + " buckets; narrow from and to, or use a coarser granularity")));
      }
      starts.add(start);
    }
    return starts;
  }

  private static LocalDate localDate(PlannedBucket bucket, OffsetDateTime instant) {
    return instant.atZoneSameInstant(bucket.zone()).toLocalDate();
  }

  /** The start of the last bucket that begins before the exclusive bound {@code to}. */
  private static Object lastBefore(PlannedBucket bucket, Object to) {
    Object start = truncate(bucket, to);
    return start.equals(to) ? previous(bucket, start) : start;
  }

  static Object truncate(PlannedBucket bucket, Object value) {
    if (value instanceof LocalDate date) {
      return truncateDate(bucket, date);
    }
    OffsetDateTime instant = (OffsetDateTime) value;
    ZoneId zone = bucket.zone();
    if (bucket.granularity() == Granularity.HOUR) {
      return instant.atZoneSameInstant(zone).truncatedTo(ChronoUnit.HOURS).toOffsetDateTime()
          .withOffsetSameInstant(ZoneOffset.UTC);
    }
    LocalDate localDay = truncateDate(bucket, instant.atZoneSameInstant(zone).toLocalDate());
    return localDay.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static LocalDate truncateDate(PlannedBucket bucket, LocalDate date) {
    return switch (bucket.granularity()) {
      case HOUR, DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
      case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
      case YEAR -> date.withDayOfYear(1);
    };
  }

  private static Object next(PlannedBucket bucket, Object start) {
    return step(bucket, start, 1);
  }

  private static Object previous(PlannedBucket bucket, Object start) {
    return step(bucket, start, -1);
  }

  private static Object step(PlannedBucket bucket, Object start, int direction) {
    if (start instanceof OffsetDateTime instant && bucket.granularity() == Granularity.HOUR) {
      return instant.plus(Duration.ofHours(direction));
    }
    LocalDate day = start instanceof LocalDate date ? date
        : ((OffsetDateTime) start).atZoneSameInstant(bucket.zone()).toLocalDate();
    LocalDate stepped = switch (bucket.granularity()) {
      case HOUR, DAY -> day.plusDays(direction);
      case WEEK -> day.plusWeeks(direction);
      case MONTH -> day.plusMonths(direction);
      case QUARTER -> day.plusMonths(3L * direction);
      case YEAR -> day.plusYears(direction);
    };
    return start instanceof LocalDate ? stepped
        : stepped.atStartOfDay(bucket.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }
}
