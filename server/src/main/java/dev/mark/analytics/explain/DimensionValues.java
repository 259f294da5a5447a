package dev.mark.analytics.explain;

import dev.mark.datasets.ColumnSpec;

/**
 * A dimension value as text (how the root-cause search and the leave-one-out SQL carry it) and
 * back as the value the API writes: a string, a boolean or a long.
 */
final class DimensionValues {

  private DimensionValues() {}

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  static Object typed(ColumnSpec column, String text) {
    if (text == null) {
      return null;
    }
    return switch (column.type()) {
      case BOOLEAN -> Boolean.parseBoolean(text);
      case INTEGER -> Long.parseLong(text);
      default -> text;
    };
  }
}
