package dev.mark.analytics.chart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dimension as a chart shows it.
 *
 * @param numeric whether its values are numbers, so that it can be binned or placed on a scale
 * @param distinct how many distinct values the answer holds
 * @param longestLabel the length of its longest value, to choose horizontal bars for long names
 */
record CategoryField(String name, String title, boolean numeric, int distinct, int longestLabel) {

  /** A nominal encoding, sorted as given ({@code -y}, {@code -x}, a list, or null for data order). */
  Map<String, Object> nominal(Object sort) {
    // Short names read level on x; longer ones slant rather than stand on end.
    return Vl.obj("field", Vl.field(name), "type", "nominal", "title", title, "sort", sort,
        "axis", Vl.obj("labelAngle", longestLabel > 8 ? -40 : 0, "labelLimit", 160));
  }

  /**
   * A band encoding as the y axis takes it: labels there read level whatever their length (a
   * slant only saves room under a horizontal axis), cut at the label limit.
   */
  static Map<String, Object> onY(Map<String, Object> band) {
    Map<String, Object> y = new LinkedHashMap<>(band);
    Map<String, Object> axis = new LinkedHashMap<>();
    if (band.get("axis") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> axis.put((String) k, v));
    }
    axis.put("labelAngle", 0);
    y.put("axis", axis);
    return y;
  }

  Map<String, Object> tooltip() {
    return Vl.obj("field", Vl.field(name), "type", numeric ? "quantitative" : "nominal", "title", title);
  }
}
