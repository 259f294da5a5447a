package dev.mark.analytics.narrative;

import java.util.Map;

/**
 * A segment and its part of a change.
 *
 * @param name the segment in words: its values joined by spaces ("EMEA web")
 * @param elements dimension → value
 */
record Mover(String name, Map<String, Object> elements, double contribution) {

  static Mover of(Map<String, Object> elements, double contribution) {
    StringBuilder name = new StringBuilder();
    for (Object value : elements.values()) {
      name.append(name.isEmpty() ? "" : " ").append(valueName(value));
    }
    return new Mover(name.toString(), elements, contribution);
  }

  /** A dimension value in words; rows without one are "(none)". */
  static String valueName(Object value) {
    return value == null ? "(none)" : value.toString();
  }
}
