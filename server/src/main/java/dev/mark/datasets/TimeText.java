package dev.mark.datasets;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO dates ({@code 2026-11-22}) and RFC 3339 timestamps ({@code 2026-11-22T09:30:00Z},
 * {@code 2026-11-22T10:30:00.5+01:00}). The common shapes are read by hand, several times faster
 * than a {@link DateTimeFormatter}, which matters at a million rows; anything else falls back to
 * the formatter, so both accept exactly the same texts.
 */
final class TimeText {

  private TimeText() {}

  /** The date, or null if {@code text} is not an ISO date. */
  static LocalDate date(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        try {
          return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
          return null;
        }
      }
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The instant in UTC, or null if {@code text} is not an RFC 3339 timestamp. */
  static OffsetDateTime timestamp(String text) {
    OffsetDateTime fast = fastTimestamp(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Whether a text already read as a timestamp or date has the plain shape
   * ({@code YYYY-MM-DD}, or {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)}) that PostgreSQL
   * reads as the same value, so that it can be passed to COPY as written.
   */
  static boolean isPlain(String text) {
    int length = text.length();
    if (length == 10) {
      return text.charAt(4) == '-' && text.charAt(7) == '-';
    }
    boolean shape = length >= 20 && length <= 35 && text.charAt(4) == '-' && text.charAt(7) == '-'
        && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':';
    // PostgreSQL refuses offsets beyond ±15:59 that Java accepts: those are written in UTC
    return shape && (text.charAt(length - 1) == 'Z'
        || (text.charAt(length - 5) - '0') * 10 + (text.charAt(length - 4) - '0') <= 14);
  }

  /** {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)}, or null for any other shape. */
  private static OffsetDateTime fastTimestamp(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int position = 19;
    int nanos = 0;
    if (text.charAt(position) == '.') {
      int start = ++position;
      while (position < length && isDigit(text.charAt(position))) {
        position++;
      }
      int fractionDigits = position - start;
      if (fractionDigits == 0 || fractionDigits > 9) {
        return null;
      }
      nanos = digits(text, start, position);
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(text, position);
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (offset == null || nanos < 0 || (year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset)
          .withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String text, int position) {
    int remaining = text.length() - position;
    if (remaining == 1 && text.charAt(position) == 'Z') {
      return ZoneOffset.UTC;
    }
    char sign = remaining == 6 ? text.charAt(position) : 0;
    if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
      return null;
    }
    int hours = digits(text, position + 1, position + 3);
    int minutes = digits(text, position + 4, position + 6);
    if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
    try {
      return ZoneOffset.ofTotalSeconds(seconds);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written in {@code text[from, to)}, or -1 if any character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
