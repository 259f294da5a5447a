package dev.mark.analytics.narrative;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values of a statement, in the order given: never {@code Map.of}, whose order varies by run. */
final class Values {

  private Values() {}

  static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }
}
