package dev.mark.analytics.chart;

import dev.mark.analytics.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The time bucket as a chart shows it (see {@link TimeLabels} for why it reads wall clocks).
 *
 * @param buckets the distinct bucket starts of the answer, in order, as the API wrote them
 */
record TimeField(String name, String title, Granularity granularity, String zone, List<String> buckets) {

  // Enough labels to read the axis, few enough that they do not collide at 600 pixels.
  private static final int MAX_LABELS = 12;

  /** The field the spec derives: the wall-clock start on a UTC scale. */
  String field() {
    return name + " (local)";
  }

  Map<String, Object> transform() {
    return Vl.obj("calculate", TimeLabels.wallClockExpression(name), "as", field());
  }

  /** The x encoding: bucket starts labelled exactly, one label per bucket or every k-th. */
  Map<String, Object> position() {
    return Vl.obj(
        "field", Vl.field(field()),
        "type", "temporal",
        "title", title,
        "scale", Vl.obj("type", "utc"),
        "axis", Vl.obj(
            // a UTC scale formats its labels in UTC: no formatType needed
            "format", TimeLabels.axisFormat(granularity),
            "values", labelledMillis(),
            "labelOverlap", true,
            "grid", false));
  }

  /** A band encoding (heatmap rows or columns, grouped bars) that keeps the buckets in order. */
  Map<String, Object> ordinal() {
    return Vl.obj(
        "field", Vl.field(field()),
        "type", "ordinal",
        "title", title,
        "timeUnit", Vl.obj("unit", timeUnit(), "utc", true),
        "axis", Vl.obj("format", TimeLabels.axisFormat(granularity)));
  }

  Map<String, Object> tooltip() {
    // A UTC time unit makes the format a UTC one; the values are bucket starts already.
    return Vl.obj("field", Vl.field(field()), "type", "temporal", "title", title,
        "timeUnit", Vl.obj("unit", timeUnit(), "utc", true), "format", TimeLabels.tooltipFormat(granularity));
  }

  /** The axis labels the chart shows, as tests compare them with the rendered ones. */
  List<String> axisLabels() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i += step()) {
      labels.add(TimeLabels.axisLabel(granularity, buckets.get(i)));
    }
    return labels;
  }

  private List<Object> labelledMillis() {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i += step()) {
      values.add(TimeLabels.utcMillis(buckets.get(i)));
    }
    return values;
  }

  private int step() {
    return Math.max(1, (buckets.size() + MAX_LABELS - 1) / MAX_LABELS);
  }

  private String timeUnit() {
    return switch (granularity) {
      case HOUR -> "yearmonthdatehours";
      case DAY, WEEK -> "yearmonthdate";
      case MONTH -> "yearmonth";
      case QUARTER -> "yearquarter";
      case YEAR -> "year";
    };
  }
}
