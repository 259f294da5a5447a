package dev.mark.analytics.narrative;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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

  /**
   * A copy with each number rounded to 12 significant digits, so that the JSON shows −633.19
   * rather than the float noise of −633.1899999999987; what is not finite becomes null.
   */
  static Map<String, Object> rounded(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, v instanceof Double d ? rounded(d) : v));
    return out;
  }

  static Double rounded(double x) {
    return Double.isFinite(x) ? new BigDecimal(x).round(new MathContext(12, RoundingMode.HALF_EVEN)).doubleValue() : null;
  }
}
