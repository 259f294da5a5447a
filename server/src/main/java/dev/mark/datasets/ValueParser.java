package dev.mark.datasets;

import dev.mark.platform.json.JsonValueChecks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Reads a value for a column of a given type, from JSON (as Jackson reads it: String, Boolean,
 * Integer/Long/BigInteger, BigDecimal) or from CSV text. The result is the Java value stored:
 * String, BigDecimal, Long, Boolean, LocalDate or OffsetDateTime (in UTC). Strict: a JSON string
 * is never taken for a number, nor a number for a string.
 */
public final class ValueParser {

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private ValueParser() {}

  /** The value of a JSON scalar for a column of type {@code type}; null stays null. */
  public static Object fromJson(ValueType type, Object json) throws InvalidValue {
    if (json == null) {
      return null;
    }
    return switch (type) {
      case STRING -> json instanceof String text ? checkedText(text) : mismatch(type, json);
      case NUMBER -> json instanceof Number number ? decimal(number) : mismatch(type, json);
      case INTEGER -> json instanceof Number number ? integer(number) : mismatch(type, json);
      case BOOLEAN -> json instanceof Boolean bool ? bool : mismatch(type, json);
      case DATE -> json instanceof String text ? date(text) : mismatch(type, json);
      case TIMESTAMP -> json instanceof String text ? timestamp(text) : mismatch(type, json);
    };
  }

  /** The value of a CSV field for a column of type {@code type}; an empty field is null. */
  public static Object fromText(ValueType type, String text) throws InvalidValue {
    if (text.isEmpty()) {
      return null;
    }
    return switch (type) {
      case STRING -> checkedText(text);
      case NUMBER -> decimal(parseDecimal(text, type));
      case INTEGER -> integer(parseDecimal(text, type));
      case BOOLEAN -> switch (text) {
        case "true", "TRUE", "True" -> Boolean.TRUE;
        case "false", "FALSE", "False" -> Boolean.FALSE;
        default -> throw new InvalidValue("type", "must be true or false, got \"" + abbreviate(text) + "\"");
      };
      case DATE -> date(text);
      case TIMESTAMP -> timestamp(text);
    };
  }

  private static String checkedText(String text) throws InvalidValue {
    JsonValueChecks.Problem problem = JsonValueChecks.textProblem(text);
    if (problem != null) {
      throw new InvalidValue(problem.code(), problem.message());
    }
    return text;
  }

  private static BigDecimal parseDecimal(String text, ValueType type) throws InvalidValue {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidValue("type", "must be " + describe(type) + ", got \"" + abbreviate(text) + "\"");
    }
  }

  private static BigDecimal decimal(Number number) throws InvalidValue {
    BigDecimal value = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    // well inside what PostgreSQL's numeric stores, so that no value reaches COPY only to fail;
    // in long arithmetic, which 1E+2147483648 (scale -2^31) would overflow as an int
    if ((long) value.precision() - value.scale() > 100) {
      throw new InvalidValue("out_of_range", "is too large");
    }
    if (value.scale() > 100) {
      value = value.stripTrailingZeros();
      if (value.scale() > 100) {
        throw new InvalidValue("out_of_range", "has more than 100 decimal places");
      }
    }
    return value;
  }

  private static Long integer(Number number) throws InvalidValue {
    BigDecimal value = decimal(number);
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw new InvalidValue("type", "must be an integer, got " + value.toPlainString());
    }
    BigInteger whole = value.toBigInteger();
    if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
      throw new InvalidValue("out_of_range", "must fit in 64 bits");
    }
    return whole.longValue();
  }

  private static LocalDate date(String text) throws InvalidValue {
    LocalDate date = TimeText.date(text);
    if (date == null) {
      throw new InvalidValue("type", "must be a date like 2026-11-22, got \"" + abbreviate(text) + "\"");
    }
    return inRange(date.getYear(), date);
  }

  private static OffsetDateTime timestamp(String text) throws InvalidValue {
    OffsetDateTime timestamp = TimeText.timestamp(text);
    if (timestamp == null) {
      throw new InvalidValue("type",
          "must be an RFC 3339 timestamp like 2026-11-22T09:30:00Z, got \"" + abbreviate(text) + "\"");
    }
    return inRange(timestamp.getYear(), timestamp);
  }

  /** Years 1 to 9999, as RFC 3339 writes them; PostgreSQL has no year 0. */
  private static <T> T inRange(int year, T value) throws InvalidValue {
    if (year < 1 || year > 9999) {
      throw new InvalidValue("out_of_range", "must be in the years 0001 to 9999");
    }
    return value;
  }

  private static Object mismatch(ValueType type, Object json) throws InvalidValue {
    String got = json instanceof String text ? "\"" + abbreviate(text) + "\"" : abbreviate(String.valueOf(json));
    throw new InvalidValue("type", "must be " + describe(type) + ", got " + got);
  }

  static String describe(ValueType type) {
    return switch (type) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case INTEGER -> "an integer";
      case BOOLEAN -> "true or false";
      case DATE -> "a date (YYYY-MM-DD)";
      case TIMESTAMP -> "an RFC 3339 timestamp";
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
