package dev.mark.analytics.narrative;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.ColumnRole;
import dev.mark.analytics.Granularity;
import dev.mark.analytics.OutputColumn;
import dev.mark.analytics.QueryOutcome;
import dev.mark.analytics.TimeAxis;
import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.explain.ExplainOutcome.CauseFigure;
import dev.mark.analytics.explain.ExplainOutcome.CompareMode;
import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import dev.mark.analytics.explain.ExplainOutcome.MeasureFacts;
import dev.mark.analytics.explain.ExplainOutcome.PeriodFigure;
import dev.mark.analytics.explain.ExplainOutcome.SegmentFigure;
import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.Favorable;
import dev.mark.datasets.ValueType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Constructed answers for narrative tests: builders of query and explain outcomes. */
final class Cases {

  static final ColumnNotes REVENUE = new ColumnNotes(Optional.of("revenue"), Optional.of("EUR"), Favorable.UP);
  static final ZoneId UTC = ZoneOffset.UTC;

  private Cases() {}

  /** Monthly revenue from January 2026, one value per month (null for none). */
  static QueryOutcome monthly(Double... values) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      rows.add(java.util.Arrays.asList(month(i).toString(), values[i] == null ? null : BigDecimal.valueOf(values[i])));
    }
    return series(rows);
  }

  static OffsetDateTime month(int i) {
    return OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMonths(i);
  }

  static QueryOutcome series(List<List<Object>> rows) {
    return new QueryOutcome(
        List.of(new OutputColumn("ordered_at", ValueType.TIMESTAMP, ColumnRole.TIME, ColumnNotes.NONE),
            new OutputColumn("sum_revenue", ValueType.NUMBER, ColumnRole.MEASURE, REVENUE)),
        rows, Optional.empty(),
        Optional.of(new TimeAxis("ordered_at", Granularity.MONTH, UTC, Optional.empty(), Optional.empty())));
  }

  static QueryOutcome grouped(Map<String, Double> byRegion) {
    List<List<Object>> rows = new ArrayList<>();
    byRegion.forEach((region, value) -> rows.add(List.of(region, BigDecimal.valueOf(value))));
    return new QueryOutcome(
        List.of(new OutputColumn("region", ValueType.STRING, ColumnRole.DIMENSION, ColumnNotes.NONE),
            new OutputColumn("sum_revenue", ValueType.NUMBER, ColumnRole.MEASURE, REVENUE)),
        rows, Optional.empty(), Optional.empty());
  }

  static QueryAsked asked(boolean byRegion, boolean overTime) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measures", List.of(Map.of("agg", "sum", "column", "revenue")));
    if (byRegion) {
      body.put("dimensions", List.of("region"));
    }
    if (overTime) {
      body.put("time_bucket", Map.of("column", "ordered_at", "granularity", "month"));
    }
    return new QueryAsked("ds_test", body, List.of("ordered_at"));
  }

  /** Segments of one dimension as (value, baseline, current); contributions are the changes. */
  static DimensionFigure sumDimension(String name, Object[][] segments) {
    double b = 0;
    double c = 0;
    for (Object[] s : segments) {
      b += (double) s[1];
      c += (double) s[2];
    }
    List<SegmentFigure> figures = new ArrayList<>();
    for (Object[] s : segments) {
      double sb = (double) s[1];
      double sc = (double) s[2];
      figures.add(new SegmentFigure(s[0], sb, sc, sc - sb, sc - sb, (sc - sb) / (c - b), 0.0, sb / b, sc / c, null, null));
    }
    return new DimensionFigure(name, 1.0, 0.01, true, 0, figures);
  }

  static ExplainOutcome explain(double baseline, double current, List<DimensionFigure> dims, List<CauseFigure> causes) {
    return explain(new MeasureFacts("sum_revenue", Aggregation.SUM, REVENUE), true, baseline, current, dims, causes);
  }

  static ExplainOutcome explain(MeasureFacts measure, boolean additive, double baseline, double current,
      List<DimensionFigure> dims, List<CauseFigure> causes) {
    Double pct = baseline == 0 ? null : (current - baseline) / Math.abs(baseline) * 100;
    return new ExplainOutcome("ds_test", measure, "ordered_at", CompareMode.TOTAL, additive,
        new PeriodFigure(month(9), month(10), baseline, 4210),
        new PeriodFigure(month(10), month(11), current, 3877),
        current - baseline, pct, dims, causes);
  }

  static Map<String, Object> explainRequest() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measure", Map.of("agg", "sum", "column", "revenue"));
    body.put("time_column", "ordered_at");
    body.put("baseline", Map.of("from", "2026-10-01T00:00:00Z", "to", "2026-11-01T00:00:00Z"));
    body.put("current", Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-12-01T00:00:00Z"));
    body.put("include", List.of("narrative"));
    return body;
  }
}
