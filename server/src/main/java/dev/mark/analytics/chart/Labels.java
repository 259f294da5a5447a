package dev.mark.analytics.chart;

import java.util.List;
import java.util.Locale;

/**
 * Human titles from output names: {@code sum_revenue} reads "Revenue (sum)", {@code count}
 * "Count", an alias {@code gross_margin} "Gross margin".
 */
final class Labels {

  // Longest prefixes first, so count_distinct_x is not read as count of distinct_x.
  private static final List<String[]> PREFIXES = List.of(
      new String[] {"count_distinct_", "distinct count"},
      new String[] {"count_", "count"},
      new String[] {"sum_", "sum"},
      new String[] {"avg_", "average"},
      new String[] {"min_", "min"},
      new String[] {"max_", "max"},
      new String[] {"median_", "median"},
      new String[] {"p90_", "p90"},
      new String[] {"ratio_", "ratio"});

  private Labels() {}

  /** The title of a measure's output name, its aggregation in parentheses when the name says it. */
  static String measure(String name) {
    for (String[] prefix : PREFIXES) {
      if (name.startsWith(prefix[0]) && name.length() > prefix[0].length()) {
        return words(name.substring(prefix[0].length())) + " (" + prefix[1] + ")";
      }
    }
    return words(name);
  }

  /** A column name in words: {@code customer_id} reads "Customer id". */
  static String words(String name) {
    String spaced = name.replace('_', ' ').trim();
    if (spaced.isEmpty()) {
      return name;
    }
    return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
  }

  /** A category as shown: null as "(none)", booleans as yes/no words. */
  static String category(Object value) {
    return switch (value) {
      case null -> "(none)";
      case Boolean flag -> flag ? "true" : "false";
      default -> value.toString();
    };
  }
}
