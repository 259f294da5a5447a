package dev.mark.platform.json;

import dev.mark.platform.errors.FieldIssue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Values that are valid JSON yet that nothing behind the API can take, found before any of it
 * runs: text with a NUL character (PostgreSQL's text cannot hold one) or an unpaired UTF-16
 * surrogate such as {@code "\ud800"} (no UTF-8 form: it would be stored as {@code ?}), and
 * numbers such as {@code 1E+2147483648}, short to send but whose digits would fill the heap
 * once written out or compared as integers. Thread-safe.
 */
public final class JsonValueChecks {

  /** The largest power of ten, up or down, of a number the API takes. */
  public static final int MAX_EXPONENT = 1000;

  /** The issue of a number beyond 10^±{@link #MAX_EXPONENT}. */
  public static final Problem NUMBER_OUT_OF_RANGE = new Problem("out_of_range",
      "is too large or too small: numbers are taken up to 1e" + MAX_EXPONENT + " and down to 1e-" + MAX_EXPONENT);

  /** At most this many issues are reported, so that a body of bad values does not flood the answer. */
  private static final int MAX_ISSUES = 100;

  private JsonValueChecks() {}

  /** Why {@code text} cannot be stored, as an issue code and message; null when it can. */
  public static Problem textProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return new Problem("invalid_character", "must not contain the NUL character (\\u0000)");
      }
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          return new Problem("invalid_character",
              "must not contain an unpaired UTF-16 surrogate (\\ud800 to \\udfff), which has no UTF-8 form");
        }
        i++;
      }
    }
    return null;
  }

  /** Whether {@code number} is beyond 10^±{@link #MAX_EXPONENT} (its digits would not end). */
  public static boolean isOutOfRange(BigDecimal number) {
    // long arithmetic: precision - scale overflows an int for 1E+2147483648
    long magnitude = (long) number.precision() - number.scale();
    return Math.abs(magnitude) > MAX_EXPONENT;
  }

  /** An issue with a value: its code and message. */
  public record Problem(String code, String message) {}

  /**
   * The issues of every string (property names included) and number in {@code tree}.
   *
   * @param pointer the pointer of {@code tree} itself ({@code ""} for a whole body)
   */
  public static List<FieldIssue> find(JsonNode tree, FieldIssue.Location location, String pointer) {
    List<FieldIssue> issues = new ArrayList<>();
    walk(tree, location, pointer, issues);
    return issues;
  }

  private static void walk(JsonNode node, FieldIssue.Location location, String pointer,
      List<FieldIssue> issues) {
    if (issues.size() >= MAX_ISSUES) {
      return;
    }
    if (node.isString()) {
      add(issues, location, pointer, textProblem(node.stringValue()));
    } else if (node.isNumber() && !node.isIntegralNumber() && isOutOfRange(node.decimalValue())) {
      add(issues, location, pointer, NUMBER_OUT_OF_RANGE);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), location, pointer + "/" + i, issues);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        String child = pointer + "/" + pointerToken(property.getKey());
        add(issues, location, child, textProblem(property.getKey()));
        walk(property.getValue(), location, child, issues);
      }
    }
  }

  private static void add(List<FieldIssue> issues, FieldIssue.Location location, String pointer, Problem problem) {
    if (problem != null && issues.size() < MAX_ISSUES) {
      issues.add(new FieldIssue(location, pointer, problem.code(), problem.message()));
    }
  }

  /** A JSON pointer token for {@code name}; an unpaired surrogate, which JSON output refuses, as U+FFFD. */
  public static String pointerToken(String name) {
    return writable(name).replace("~", "~0").replace("/", "~1");
  }

  /** {@code text} with each unpaired surrogate replaced by U+FFFD, so that it can be written as JSON. */
  public static String writable(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
