package dev.mark.analytics.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the largest categories of a dimension and adds up the rest as "Other", per value of the
 * other groupings. Only for additive measures: the sum of the rest is then the rest's value.
 * Also names missing categories "(none)", which a chart would otherwise drop or print as null.
 */
final class OtherFolding {

  static final String OTHER = "Other";

  /** Records ready to draw, and the categories in the order to draw them (largest first). */
  record Folded(List<Map<String, Object>> records, List<String> order, boolean grouped) {}

  private OtherFolding() {}

  /**
   * @param keep how many categories at most, "Other" included
   * @param fold whether categories beyond {@code keep} may be grouped (the measure is additive)
   */
  static Folded fold(List<Map<String, Object>> records, String dimension, String measure, int keep, boolean fold) {
    List<Map<String, Object>> named = records.stream().map(r -> named(r, dimension)).toList();
    Map<String, Double> totals = new LinkedHashMap<>();
    for (Map<String, Object> record : named) {
      totals.merge((String) record.get(dimension), Math.abs(number(record.get(measure))), Double::sum);
    }
    List<String> order = totals.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(Map.Entry::getKey)
        .toList();
    if (!fold || order.size() <= keep) {
      return new Folded(named, order, false);
    }
    List<String> kept = order.subList(0, keep - 1);
    List<Map<String, Object>> folded = new ArrayList<>();
    Map<List<Object>, Map<String, Object>> others = new LinkedHashMap<>();
    for (Map<String, Object> record : named) {
      if (kept.contains((String) record.get(dimension))) {
        folded.add(record);
        continue;
      }
      Map<String, Object> key = new HashMap<>(record);
      key.remove(dimension);
      key.remove(measure);
      Map<String, Object> other = others.computeIfAbsent(new ArrayList<>(key.values()), k -> {
        Map<String, Object> o = new LinkedHashMap<>(record);
        o.put(dimension, OTHER);
        o.put(measure, null);
        return o;
      });
      other.put(measure, add(other.get(measure), record.get(measure)));
    }
    folded.addAll(others.values());
    List<String> foldedOrder = new ArrayList<>(kept);
    foldedOrder.add(OTHER);
    return new Folded(folded, foldedOrder, true);
  }

  /** The categories of {@code dimension}, largest total of {@code measure} (in absolute value) first. */
  static List<String> byTotal(List<Map<String, Object>> records, String dimension, String measure) {
    return fold(records, dimension, measure, Integer.MAX_VALUE, false).order();
  }

  /** The records with each of {@code dimensions} named as a chart shows it. */
  static List<Map<String, Object>> named(List<Map<String, Object>> records, List<String> dimensions) {
    return records.stream().map(r -> {
      Map<String, Object> copy = r;
      for (String dimension : dimensions) {
        copy = named(copy, dimension);
      }
      return copy;
    }).toList();
  }

  private static Map<String, Object> named(Map<String, Object> record, String dimension) {
    Map<String, Object> copy = new LinkedHashMap<>(record);
    copy.put(dimension, Labels.category(record.get(dimension)));
    return copy;
  }

  // Null stays null until a value arrives: a group of missing values is missing, not zero.
  private static Object add(Object sum, Object value) {
    if (value == null) {
      return sum;
    }
    if (sum == null) {
      return value;
    }
    return toDecimal(sum).add(toDecimal(value));
  }

  private static BigDecimal toDecimal(Object value) {
    return value instanceof BigDecimal d ? d : new BigDecimal(Objects.toString(value));
  }

  static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }
}
