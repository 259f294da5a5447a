package dev.mark.analytics.chart;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a measure's numbers are written, from its unit and size: d3 formats without a locale
 * currency sign (d3's {@code $} is the dollar whatever the currency), so the currency code goes
 * in the title; {@code percent} values (12.5 is 12.5 %) are divided by 100 in the spec and shown
 * with {@code %}, like {@code fraction} values (0.125).
 *
 * @param field the field the chart reads: the measure's own, or a derived one for percents
 * @param axisFormat for axis labels, coarse
 * @param tooltipFormat for tooltips and text, precise
 * @param unitSuffix what the title adds, e.g. ", EUR", or empty
 * @param percentOf100 whether {@code field} is derived by dividing the measure by 100
 */
record MeasureFormat(String field, String axisFormat, String tooltipFormat, String unitSuffix,
    boolean percentOf100) {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  static MeasureFormat of(String name, Optional<String> unit, double maxAbs, boolean integral) {
    String u = unit.orElse("");
    if (u.equals("percent") || u.equals("fraction")) {
      boolean of100 = u.equals("percent");
      return new MeasureFormat(of100 ? name + " (fraction)" : name, ".0%", ".1%", "", of100);
    }
    String axis = maxAbs >= 1_000_000 ? ".3~s" : maxAbs >= 100 || integral ? ",.0f" : ",.2~f";
    String tooltip = integral ? ",.0f" : CURRENCY.matcher(u).matches() || maxAbs >= 100 ? ",.2f" : ",.4~g";
    return new MeasureFormat(name, axis, tooltip, u.isEmpty() ? "" : ", " + u, false);
  }

  /** For a single large number: cents are noise above a thousand. */
  String kpiFormat() {
    return axisFormat.equals(",.0f") || axisFormat.equals(".3~s") ? ",.0f" : tooltipFormat;
  }

  /** The transform that derives {@code field}, when the measure is a percent of 100. */
  Optional<Map<String, Object>> transform(String measure) {
    if (!percentOf100) {
      return Optional.empty();
    }
    String value = Vl.datum(measure);
    return Optional.of(Vl.obj("calculate", value + " == null ? null : " + value + " / 100", "as", field));
  }
}
