package dev.mark.analytics.chart;

import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.Favorable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A measure as a chart shows it.
 *
 * @param name the output name, also the field in the data
 * @param title the axis title, e.g. "Revenue (sum, EUR)"
 * @param description the measure's description, for subtitles
 * @param additive whether values of rows add up to the value of their union (sums, counts): only
 *     then can categories be grouped as "Other" or stacked as parts of a whole
 * @param nonNegative whether no value is below zero
 * @param favorable which direction of change is good news
 */
record MeasureField(String name, String title, Optional<String> description, MeasureFormat format,
    boolean additive, boolean nonNegative, Favorable favorable) {

  static MeasureField of(String name, ColumnNotes notes, boolean additive, List<?> values) {
    Optional<String> description = notes.description();
    Optional<String> unit = notes.unit();
    double maxAbs = 0;
    boolean nonNegative = true;
    boolean integral = true;
    for (Object value : values) {
      if (value instanceof Number number) {
        double d = number.doubleValue();
        maxAbs = Math.max(maxAbs, Math.abs(d));
        nonNegative &= d >= 0;
        integral &= d == Math.rint(d);
      }
    }
    MeasureFormat format = MeasureFormat.of(name, unit, maxAbs, integral);
    return new MeasureField(name, title(Labels.measure(name), format.unitSuffix()), description,
        format, additive, nonNegative, notes.favorable());
  }

  /** The field a chart encodes: the measure itself, or its derived fraction for percents. */
  String field() {
    return format.field();
  }

  /** The transforms a spec needs before it can read {@link #field()}. */
  List<Map<String, Object>> transforms() {
    List<Map<String, Object>> transforms = new ArrayList<>();
    format.transform(name).ifPresent(transforms::add);
    return transforms;
  }

  /** The encoding of the measure on a position channel: bars and areas start at zero. */
  Map<String, Object> position() {
    return Vl.obj(
        "field", Vl.field(field()),
        "type", "quantitative",
        "title", title,
        "scale", Vl.obj("zero", true),
        "axis", Vl.obj("format", format.axisFormat()));
  }

  Map<String, Object> tooltip() {
    return Vl.obj("field", Vl.field(field()), "type", "quantitative", "title", title,
        "format", format.tooltipFormat());
  }

  /** The title of an axis several measures of this one's unit share: "Value (EUR)". */
  String valueTitle() {
    return format.unitSuffix().isEmpty() ? "Value" : "Value (" + format.unitSuffix().substring(2) + ")";
  }

  /** Whether these measures can share one axis: the same unit, or none. */
  static boolean shareAUnit(List<MeasureField> measures) {
    return measures.stream().map(m -> m.format().unitSuffix() + m.format().axisFormat().endsWith("%")).distinct().count() == 1;
  }

  /**
   * The Vega expression naming each folded measure by its title: {@code key} holds the field's
   * name after a fold, the legend shows "Revenue (sum, EUR)" rather than "sum_revenue".
   */
  static String titleExpression(List<MeasureField> measures, String key) {
    StringBuilder label = new StringBuilder();
    for (MeasureField m : measures) {
      label.append(Vl.datum(key)).append(" == '").append(m.field().replace("'", "\\'"))
          .append("' ? '").append(m.title().replace("'", "\\'")).append("' : ");
    }
    return label.append(Vl.datum(key)).toString();
  }

  private static String title(String label, String unitSuffix) {
    if (unitSuffix.isEmpty()) {
      return label;
    }
    return label.endsWith(")")
        ? label.substring(0, label.length() - 1) + unitSuffix + ")"
        : label + " (" + unitSuffix.substring(2) + ")";
  }
}
