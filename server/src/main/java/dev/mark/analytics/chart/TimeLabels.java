package dev.mark.analytics.chart;

import dev.mark.analytics.Granularity;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How bucket starts are placed and labelled. A bucket start comes as RFC 3339 with the offset of
 * the query's zone ({@code 2026-03-01T00:00:00+01:00}) or as a date. A browser would move such an
 * instant into its own zone and label a Paris month by the last day of the month before; so the
 * spec reads the wall-clock part only, places it on a UTC scale and labels it with UTC formats:
 * the label is the bucket's own, in the query's zone, wherever the chart is drawn.
 */
final class TimeLabels {

  private TimeLabels() {}

  /** The d3 time format of an axis label for buckets of this width. */
  static String axisFormat(Granularity granularity) {
    return switch (granularity) {
      case HOUR -> "%b %d %H:%M";
      case DAY, WEEK -> "%b %d";
      case MONTH -> "%b %Y";
      case QUARTER -> "Q%q %Y";
      case YEAR -> "%Y";
    };
  }

  /** The d3 time format of a tooltip, which names the bucket fully. */
  static String tooltipFormat(Granularity granularity) {
    return switch (granularity) {
      case HOUR -> "%a %b %d %Y, %H:%M";
      case DAY -> "%a %b %d, %Y";
      case WEEK -> "week of %b %d, %Y";
      case MONTH -> "%B %Y";
      case QUARTER -> "Q%q %Y";
      case YEAR -> "%Y";
    };
  }

  /** The axis label of a bucket start, as Vega will draw it: what tests compare against. */
  static String axisLabel(Granularity granularity, String bucketStart) {
    LocalDateTime wall = wallClock(bucketStart);
    return switch (granularity) {
      case HOUR -> wall.format(DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH));
      case DAY, WEEK -> wall.format(DateTimeFormatter.ofPattern("MMM dd", Locale.ENGLISH));
      case MONTH -> wall.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH));
      case QUARTER -> "Q" + ((wall.getMonthValue() - 1) / 3 + 1) + " " + wall.getYear();
      case YEAR -> Integer.toString(wall.getYear());
    };
  }

  /** The bucket's wall-clock start in the query's zone. */
  static LocalDateTime wallClock(String bucketStart) {
    return bucketStart.length() <= 10
        ? java.time.LocalDate.parse(bucketStart).atStartOfDay()
        : java.time.OffsetDateTime.parse(bucketStart).toLocalDateTime();
  }

  /** The wall clock as milliseconds on a UTC scale, as the spec's derived field holds it. */
  static long utcMillis(String bucketStart) {
    return wallClock(bucketStart).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /**
   * The Vega expression deriving the wall-clock time of {@code field}: its first 19 characters
   * (or a date's 10 and midnight) read as UTC. Null stays null.
   */
  static String wallClockExpression(String field) {
    String value = Vl.datum(field);
    return value + " == null ? null : toDate(length(" + value + ") <= 10 ? " + value
        + " + 'T00:00:00Z' : substring(" + value + ", 0, 19) + 'Z')";
  }
}
