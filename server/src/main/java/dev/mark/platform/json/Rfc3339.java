package dev.mark.platform.json;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes times as RFC 3339 text, exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does
 * ({@code 2026-11-22T03:43:53.17Z}: seconds always, a fraction only as long as it needs). The
 * times the API writes most (UTC, years 0 to 9999) are written by hand: the general formatter
 * was a measurable share of a small response, and of a page of rows. Thread-safe.
 */
public final class Rfc3339 {

  private Rfc3339() {}

  /** The instant of {@code time} in UTC ({@code …Z}). */
  public static String utc(OffsetDateTime time) {
    return format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** {@code time} with its own offset. */
  public static String format(OffsetDateTime value) {
    int year = value.getYear();
    if (!ZoneOffset.UTC.equals(value.getOffset()) || year < 0 || year > 9_999) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
    char[] text = new char[30];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, value.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, value.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, value.getHour(), 2);
    text[13] = ':';
    digits(text, 14, value.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, value.getSecond(), 2);
    int length = 19;
    int nanos = value.getNano();
    if (nanos != 0) {
      text[length++] = '.';
      int width = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        width--;
      }
      digits(text, length, nanos, width);
      length += width;
    }
    text[length++] = 'Z';
    return new String(text, 0, length);
  }

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void digits(char[] into, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      into[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
