package dev.mark.analytics.narrative;

import dev.mark.analytics.Granularity;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Bucket arithmetic in the answer's time zone, so that a day may last 23 or 25 hours. */
final class Buckets {

  private Buckets() {}

  static OffsetDateTime next(OffsetDateTime start, Granularity granularity, ZoneId zone) {
    ZonedDateTime t = start.atZoneSameInstant(zone);
    ZonedDateTime next = switch (granularity) {
      case HOUR -> t.plusHours(1);
      case DAY -> t.plusDays(1);
      case WEEK -> t.plusWeeks(1);
      case MONTH -> t.plusMonths(1);
      case QUARTER -> t.plusMonths(3);
      case YEAR -> t.plusYears(1);
    };
    return next.toOffsetDateTime();
  }

  /** "month", "day"… for "a month", "12 months". */
  static String unit(Granularity granularity) {
    return granularity.name().toLowerCase();
  }

  static String per(Granularity granularity) {
    return (granularity == Granularity.HOUR ? "an " : "a ") + unit(granularity);
  }

  static String count(int n, Granularity granularity) {
    return n + " " + unit(granularity) + (n == 1 ? "" : "s");
  }
}
