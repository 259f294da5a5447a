package dev.mark.analytics.narrative;

import dev.mark.analytics.Granularity;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Periods named in English words without a locale: "May 2026", "Q2 2026", "week of 4 May 2026",
 * "3 May 2026", "3 May 2026 14:00", or "1 Oct – 14 Oct 2026" for a range of whole days. The
 * year is left out when both periods of a comparison share it ("from May to June").
 */
final class PeriodNames {

  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December"};

  private PeriodNames() {}

  /** The bucket starting at {@code start}, named by its own local time. */
  static String bucket(OffsetDateTime start, Granularity granularity, boolean withYear) {
    LocalDateTime t = start.toLocalDateTime();
    String year = withYear ? " " + t.getYear() : "";
    return switch (granularity) {
      case YEAR -> Integer.toString(t.getYear());
      case QUARTER -> "Q" + ((t.getMonthValue() - 1) / 3 + 1) + year;
      case MONTH -> MONTHS[t.getMonthValue() - 1] + year;
      case WEEK -> "the week of " + day(t.toLocalDate(), true);
      case DAY -> day(t.toLocalDate(), withYear);
      case HOUR -> day(t.toLocalDate(), withYear) + " " + String.format(java.util.Locale.ROOT, "%02d:00", t.getHour());
    };
  }

  /** Whether two bucket starts fall in one calendar year (then their names leave it out). */
  static boolean sameYear(OffsetDateTime a, OffsetDateTime b) {
    return a.toLocalDateTime().getYear() == b.toLocalDateTime().getYear();
  }

  /**
   * The half-open period [from, to) named as a calendar unit when it is exactly one (a year,
   * a quarter, a month, a day, local time at {@code from}'s offset), else as its first and last
   * days.
   */
  static String period(OffsetDateTime from, OffsetDateTime to, boolean withYear) {
    LocalDateTime start = from.toLocalDateTime();
    LocalDateTime end = to.withOffsetSameInstant(from.getOffset()).toLocalDateTime();
    boolean midnights = start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        && end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    LocalDate a = start.toLocalDate();
    LocalDate b = end.toLocalDate();
    if (midnights && a.getDayOfMonth() == 1) {
      if (a.getDayOfYear() == 1 && b.equals(a.plusYears(1))) {
        return Integer.toString(a.getYear());
      }
      if ((a.getMonthValue() - 1) % 3 == 0 && b.equals(a.plusMonths(3))) {
        return bucket(from, Granularity.QUARTER, withYear);
      }
      if (b.equals(a.plusMonths(1))) {
        return bucket(from, Granularity.MONTH, withYear);
      }
    }
    if (midnights && b.equals(a.plusDays(1))) {
      return day(a, withYear);
    }
    if (midnights) {
      LocalDate last = b.minusDays(1);
      return day(a, false) + " – " + day(last, true);
    }
    return day(a, false) + " " + String.format(java.util.Locale.ROOT, "%02d:%02d", start.getHour(), start.getMinute())
        + " – " + day(b, true) + " " + String.format(java.util.Locale.ROOT, "%02d:%02d", end.getHour(), end.getMinute());
  }

  /** The length of a period in days, for choosing the granularity of a follow-up. */
  static long days(OffsetDateTime from, OffsetDateTime to) {
    return ChronoUnit.DAYS.between(from, to);
  }

  private static String day(LocalDate d, boolean withYear) {
    return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1].substring(0, 3)
        + (withYear ? " " + d.getYear() : "");
  }
}
