package dev.mark.platform.json;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an {@link OffsetDateTime} exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
 * does ({@code 2026-11-22T03:43:53.17Z}: seconds always, a fraction only as long as it needs),
 * without the formatter for the times the API writes (UTC, years 0 to 9999): the general
 * formatter was a measurable share of a small response. Any other time goes through the
 * formatter. Thread-safe.
 */
final class UtcTimestampSerializer extends StdSerializer<OffsetDateTime> {

  UtcTimestampSerializer() {
    super(OffsetDateTime.class);
  }

  @Override
  public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext context) {
    int year = value.getYear();
    if (!ZoneOffset.UTC.equals(value.getOffset()) || year < 0 || year > 9_999) {
      gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
      return;
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
    gen.writeString(text, 0, length);
  }

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void digits(char[] into, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      into[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
