package dev.mark.analytics;

import dev.mark.platform.json.Rfc3339;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the values of a result row into what the API writes: bucket starts as RFC 3339 with the
 * query's time-zone offset (so a Paris month starts at {@code 2026-03-01T00:00:00+01:00}), other
 * timestamps in UTC, dates as {@code YYYY-MM-DD}, numbers as exact decimals or longs.
 */
final class ResultValues {

  private final QueryPlan plan;

  ResultValues(QueryPlan plan) {
    this.plan = plan;
  }

  List<Object> row(Object[] raw) {
    List<Object> row = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      boolean isBucket = i == 0 && plan.bucket().isPresent();
      row.add(isBucket ? bucket(raw[i]) : value(raw[i]));
    }
    return row;
  }

  Object measure(Object raw) {
    return value(raw);
  }

  private Object bucket(Object raw) {
    if (raw instanceof OffsetDateTime start) {
      return Rfc3339.format(start.atZoneSameInstant(plan.bucket().orElseThrow().zone()).toOffsetDateTime());
    }
    return value(raw);
  }

  private static Object value(Object raw) {
    return switch (raw) {
      case null -> null;
      case OffsetDateTime time -> Rfc3339.utc(time);
      case LocalDate date -> date.toString();
      case BigDecimal number -> number;
      case Double number -> number.isNaN() || number.isInfinite() ? null : BigDecimal.valueOf(number);
      case Integer number -> number.longValue();
      default -> raw;
    };
  }
}
