package dev.mark.analytics.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the JSON of a Vega-Lite spec: ordered maps, so specs read top to bottom. */
final class Vl {

  static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

  private Vl() {}

  /** A value written as JSON null, where Vega-Lite reads null as "none" (no title, no legend). */
  static final Object NULL = new Object();

  /** An ordered object from key, value pairs; null values are left out, {@link #NULL} is written as null. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      if (value != null) {
        map.put((String) keysAndValues[i], value == NULL ? null : value);
      }
    }
    return map;
  }

  static List<Object> list(Object... values) {
    List<Object> list = new ArrayList<>();
    for (Object value : values) {
      if (value != null) {
        list.add(value);
      }
    }
    return list;
  }

  /** A datum reference in a Vega expression, quoted so any field name is safe. */
  static String datum(String field) {
    return "datum['" + field.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** A field name as an encoding's {@code field}: dots and brackets would mean nested access. */
  static String field(String name) {
    return name.replace(".", "\\.").replace("[", "\\[").replace("]", "\\]");
  }
}
