package dev.mark.analytics.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.ColumnRole;
import dev.mark.analytics.Granularity;
import dev.mark.analytics.OutputColumn;
import dev.mark.analytics.QueryOutcome;
import dev.mark.analytics.TimeAxis;
import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.explain.ExplainOutcome.CompareMode;
import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import dev.mark.analytics.explain.ExplainOutcome.MeasureFacts;
import dev.mark.analytics.explain.ExplainOutcome.PeriodFigure;
import dev.mark.analytics.explain.ExplainOutcome.SegmentFigure;
import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.ValueType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The narratives quoted in the README's quickstart and in the contract's examples, written by
 * the narrator from the same numbers: a change of wording shows here first.
 */
class NarrativeExamplesTest {

  private static OffsetDateTime utc(int year, int month) {
    return OffsetDateTime.of(year, month, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  }

  /** The README's quickstart rows: EMEA 129.90 and APAC 48.00 in November, EMEA 75.50 in December. */
  @Test
  void theQuickstartsWhyDidRevenueDrop() {
    ColumnNotes revenue = new ColumnNotes(Optional.empty(), Optional.of("EUR"), dev.mark.datasets.Favorable.UP);
    DimensionFigure region = new DimensionFigure("region", 1, 0.1, true, 0, List.of(
        new SegmentFigure("EMEA", 129.9, 75.5, -54.4, -54.4, 0.53125, 0.05, 0.7302, 1.0, null, null),
        new SegmentFigure("APAC", 48.0, 0.0, -48.0, -48.0, 0.46875, 0.2, 0.2698, 0.0, null, null)));
    ExplainOutcome outcome = new ExplainOutcome("ds_…", new MeasureFacts("sum_revenue", Aggregation.SUM, revenue),
        "ordered_at", CompareMode.TOTAL, true,
        new PeriodFigure(utc(2026, 11), utc(2026, 12), 177.9, 2), new PeriodFigure(utc(2026, 12), utc(2027, 1), 75.5, 1),
        -102.4, -57.56, List.of(region), List.of());
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("measure", Map.of("agg", "sum", "column", "revenue"));
    request.put("baseline", Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-12-01T00:00:00Z"));
    request.put("current", Map.of("from", "2026-12-01T00:00:00Z", "to", "2027-01-01T00:00:00Z"));
    request.put("dimensions", List.of("region"));
    request.put("include", List.of("chart", "narrative"));

    Narrative n = new Narrator().forExplain(outcome, request);
    assertThat(n.headline()).isEqualTo("Revenue fell 57.6 % (−€102.40) from November to December, mostly in EMEA, bad news.");
    assertThat(n.statements()).extracting(Statement::text).containsExactly(
        "Revenue fell from €177.90 in November to €75.50 in December (−57.6 %), bad news.",
        "EMEA accounts for −€54.40, 53 % of the drop.");
    assertThat(n.suggestions()).extracting(Suggestion::text).containsExactly("Show revenue by region over time");
  }

  /** The contract's example of a query with {@code include: ["narrative"]}. */
  @Test
  void theContractsMonthlyRevenue() {
    double[] months = {98200, 101500, 104900, 108300, 112800, 96100};
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < months.length; i++) {
      rows.add(List.of(FollowUps.time(utc(2026, 6 + i)), BigDecimal.valueOf(months[i])));
    }
    QueryOutcome outcome = new QueryOutcome(
        List.of(new OutputColumn("ordered_at", ValueType.TIMESTAMP, ColumnRole.TIME, ColumnNotes.NONE),
            new OutputColumn("sum_revenue", ValueType.NUMBER, ColumnRole.MEASURE, Cases.REVENUE)),
        rows, Optional.empty(),
        Optional.of(new TimeAxis("ordered_at", Granularity.MONTH, ZoneOffset.UTC, Optional.of(utc(2026, 6)), Optional.of(utc(2026, 12)))));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measures", List.of(Map.of("agg", "sum", "column", "revenue")));
    body.put("time_bucket", Map.of("column", "ordered_at", "granularity", "month", "from", "2026-06-01T00:00:00Z", "to", "2026-12-01T00:00:00Z"));
    body.put("include", List.of("narrative"));

    Narrative n = new Narrator().forQuery(outcome, new QueryAsked("ds_01JC3XG8F2SK6Y8S3M7VVQPRTE", body, List.of()));
    assertThat(n.headline()).isEqualTo("Revenue fell 14.8 % in November to €96,100, bad news.");
    assertThat(n.statements().getFirst().values()).containsEntry("from", "2026-10-01T00:00:00Z");
    assertThat(n.statements()).extracting(Statement::text).containsExactly(
        "Revenue fell from €112,800 in October to €96,100 in November (−14.8 %), bad news.",
        "November's €96,100 is the lowest of the 6 months, €2,100 below the previous low.");
    assertThat(n.suggestions()).extracting(Suggestion::text).containsExactly("Explain why revenue fell from October to November");
  }
}
