package dev.mark.analytics.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts every spec shares: schema, titles, the data inline, its transforms, and a readable
 * look (Tableau's ten colours, which stay distinct for the colour-blind more than most, no frame
 * around the plot, quiet grid lines).
 */
final class SpecFrame {

  static final int WIDTH = 600;
  static final int HEIGHT = 300;

  private SpecFrame() {}

  static Map<String, Object> start(String title, Optional<String> subtitle,
      List<Map<String, Object>> values, List<Map<String, Object>> transforms) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("$schema", Vl.SCHEMA);
    spec.put("title", Vl.obj("text", title, "subtitle", subtitle.orElse(null), "anchor", "start"));
    spec.put("data", Vl.obj("values", values));
    if (!transforms.isEmpty()) {
      spec.put("transform", new ArrayList<>(transforms));
    }
    return spec;
  }

  /** Adds the size and the look; the last step of every spec. */
  static Map<String, Object> finish(Map<String, Object> spec, Object width, Object height) {
    spec.put("width", width);
    spec.put("height", height);
    spec.put("config", Vl.obj(
        "view", Vl.obj("stroke", "transparent"),
        "font", "Liberation Sans, Helvetica, Arial, sans-serif",
        "title", Vl.obj("fontSize", 16, "subtitleFontSize", 12, "subtitleColor", "#555", "offset", 12),
        "axis", Vl.obj("labelFontSize", 11, "titleFontSize", 12, "titleColor", "#333",
            "labelColor", "#444", "gridColor", "#e6e6e6", "domainColor", "#888", "tickColor", "#888"),
        "legend", Vl.obj("labelFontSize", 11, "titleFontSize", 12),
        "range", Vl.obj("category", Vl.obj("scheme", "tableau10"))));
    return spec;
  }
}
