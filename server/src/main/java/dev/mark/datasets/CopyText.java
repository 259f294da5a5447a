package dev.mark.datasets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes typed values in PostgreSQL's COPY text format: tab between columns, newline after each
 * row, {@code \N} for null, and backslash escapes for the characters that would break the
 * format. See https://www.postgresql.org/docs/current/sql-copy.html (Text Format).
 */
final class CopyText {

  private final StringBuilder out;

  CopyText(int expectedRows) {
    this.out = new StringBuilder(Math.max(64, expectedRows * 64));
  }

  void value(Object value, boolean first) {
    if (!first) {
      out.append('\t');
    }
    switch (value) {
      case null -> out.append("\\N");
      case String text -> escape(text);
      case BigDecimal number -> out.append(number.toPlainString());
      case Long number -> out.append(number.longValue());
      case Boolean bool -> out.append(bool ? 't' : 'f');
      case LocalDate date -> out.append(date);
      case OffsetDateTime time -> out.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
      default -> throw new IllegalArgumentException("no COPY form for " + value.getClass());
    }
  }

  void endRow() {
    out.append('\n');
  }

  String text() {
    return out.toString();
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
  }
}
