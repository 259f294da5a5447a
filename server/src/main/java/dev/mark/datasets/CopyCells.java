package dev.mark.datasets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Checks one value against its column's type and writes it as a cell of PostgreSQL's COPY text
 * format (escaped; null for SQL NULL). Accepts exactly what {@link ValueParser} accepts, but
 * passes plain numbers through as text instead of building objects for them: at a million rows,
 * that is most of the cost of an ingest.
 */
final class CopyCells {

  private CopyCells() {}

  /** The cell of a JSON value; null for a JSON null. */
  static String fromJson(ValueType type, JsonNode json) throws InvalidValue {
    if (json == null || json.isNull()) {
      return null;
    }
    if (type == ValueType.INTEGER && json.canConvertToExactIntegral() && json.canConvertToLong()) {
      return Long.toString(json.longValue());
    }
    Object value = ValueParser.fromJson(type, scalar(json));
    return isTime(type) && TimeText.isPlain(json.stringValue()) ? json.stringValue() : typed(type, value);
  }

  /**
   * The cell of the JSON value at {@code parser}'s current token; null for a JSON null. An object
   * or array is skipped and refused.
   */
  static String fromToken(ValueType type, JsonParser parser) throws InvalidValue {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_NULL -> null;
      case VALUE_STRING -> {
        String text = parser.getString();
        Object value = ValueParser.fromJson(type, text);
        yield isTime(type) && TimeText.isPlain(text) ? text : typed(type, value);
      }
      case VALUE_TRUE, VALUE_FALSE -> typed(type, ValueParser.fromJson(type, token == JsonToken.VALUE_TRUE));
      case VALUE_NUMBER_INT -> type == ValueType.INTEGER
          && (parser.getNumberType() == JsonParser.NumberType.INT || parser.getNumberType() == JsonParser.NumberType.LONG)
          ? Long.toString(parser.getLongValue())
          : typed(type, ValueParser.fromJson(type, parser.getBigIntegerValue()));
      case VALUE_NUMBER_FLOAT -> typed(type, ValueParser.fromJson(type, decimal(parser)));
      default -> {
        parser.skipChildren();
        yield typed(type, ValueParser.fromJson(type,
            new StructuredValue(token == JsonToken.START_ARRAY ? "an array" : "an object")));
      }
    };
  }

  /** The decimal at the parser; one Jackson cannot read (1E+2147483648) is out of range. */
  private static BigDecimal decimal(JsonParser parser) throws InvalidValue {
    try {
      return parser.getDecimalValue();
    } catch (NumberFormatException e) {
      throw new InvalidValue("out_of_range", "is too large or too small");
    }
  }

  /** A JSON scalar as {@link ValueParser} takes it; objects and arrays as text, to be refused. */
  private static Object scalar(JsonNode json) {
    if (json.isString()) {
      return json.stringValue();
    }
    if (json.isBoolean()) {
      return json.booleanValue();
    }
    if (json.isNumber()) {
      return json.isIntegralNumber() ? json.bigIntegerValue() : json.decimalValue();
    }
    return new StructuredValue(json.toString());
  }

  /** An object or array where a scalar was expected; never a valid cell. */
  record StructuredValue(String json) {

    @Override
    public String toString() {
      return json.length() <= 40 ? json : json.substring(0, 37) + "...";
    }
  }

  /** The cell of a CSV field; null for an empty field. */
  static String fromText(ValueType type, String text) throws InvalidValue {
    if (text.isEmpty()) {
      return null;
    }
    return switch (type) {
      case NUMBER -> isPlainDecimal(text, 100) ? text : typed(type, ValueParser.fromText(type, text));
      case INTEGER -> isPlainInteger(text) ? text : typed(type, ValueParser.fromText(type, text));
      default -> {
        // checked (shape, calendar, years 1 to 9999) even when passed on as written
        Object value = ValueParser.fromText(type, text);
        yield isTime(type) && TimeText.isPlain(text) ? text : typed(type, value);
      }
    };
  }

  private static boolean isTime(ValueType type) {
    return type == ValueType.DATE || type == ValueType.TIMESTAMP;
  }

  private static String typed(ValueType type, Object value) {
    return switch (value) {
      case null -> null;
      case String text -> escape(text);
      case BigDecimal number -> number.toPlainString();
      case Long number -> number.toString();
      case Boolean bool -> bool ? "t" : "f";
      case LocalDate date -> date.toString();
      case OffsetDateTime time -> utc(time);
      default -> throw new IllegalStateException("no COPY form for " + type + ": " + value.getClass());
    };
  }

  /** {@code -?digits(.digits)?} with at most {@code maxDigits} digits: PostgreSQL reads it as written. */
  private static boolean isPlainDecimal(String text, int maxDigits) {
    int i = text.charAt(0) == '-' ? 1 : 0;
    int digits = 0;
    boolean point = false;
    boolean digitAfterPoint = false;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        digitAfterPoint |= point;
      } else if (c == '.' && !point && digits > 0) {
        point = true;
      } else {
        return false;
      }
    }
    return digits > 0 && digits <= maxDigits && (!point || digitAfterPoint);
  }

  /** Up to 18 digits, optionally negative: always inside a 64-bit integer. */
  private static boolean isPlainInteger(String text) {
    int start = text.charAt(0) == '-' ? 1 : 0;
    int length = text.length() - start;
    if (length < 1 || length > 18) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A UTC instant as {@code 2026-11-22 09:30:00.123456789+00}, written by hand for speed. */
  static String utc(OffsetDateTime time) {
    StringBuilder out = new StringBuilder(36);
    pad(out, time.getYear(), 4).append('-');
    pad(out, time.getMonthValue(), 2).append('-');
    pad(out, time.getDayOfMonth(), 2).append(' ');
    pad(out, time.getHour(), 2).append(':');
    pad(out, time.getMinute(), 2).append(':');
    pad(out, time.getSecond(), 2);
    if (time.getNano() > 0) {
      pad(out.append('.'), time.getNano(), 9);
    }
    return out.append("+00").toString();
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  /** Escapes the characters that COPY's text format gives a meaning: backslash, newline, CR, tab. */
  static String escape(String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
        break;
      }
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
