package dev.mark.analytics.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.explain.ExplainOutcome.CompareMode;
import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import dev.mark.analytics.explain.ExplainOutcome.MeasureFacts;
import dev.mark.analytics.explain.ExplainOutcome.PeriodFigure;
import dev.mark.analytics.explain.ExplainOutcome.SegmentFigure;
import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.Favorable;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.support.ChartFiles;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An explain is drawn as a waterfall from the baseline through each segment's contribution to
 * the current value (the largest segments, Other, and what is not attributed), or as a kpi, bars
 * of contributions, both periods side by side, or a table; nothing else.
 */
class ExplainChartsTest {

  private static final OffsetDateTime JAN = OffsetDateTime.parse("2026-01-01T00:00:00+01:00");
  private static final OffsetDateTime FEB = OffsetDateTime.parse("2026-02-01T00:00:00+01:00");
  private static final OffsetDateTime MAR = OffsetDateTime.parse("2026-03-01T00:00:00+01:00");

  /** Revenue fell from 100,000 to 91,500 over 15 countries; Germany and France drove it. */
  static ExplainOutcome revenueDrop(Aggregation agg, double residual) {
    List<SegmentFigure> segments = new ArrayList<>();
    double[] changes = {-6200, -3100, 2400, -1500, 900, -700, 450, -300, 250, -200, 150, -120, 100, -80, 450};
    String[] countries = {"Germany", "France", "Spain", "Italy", "Poland", "Netherlands", "Sweden", "Belgium",
        "Austria", "Denmark", "Norway", "Finland", "Ireland", "Portugal", "Greece"};
    double total = 0;
    for (int i = 0; i < changes.length; i++) {
      double contribution = changes[i] - (i == 0 ? residual : 0);
      total += changes[i];
      double base = 3000 + 400 * (15 - i);
      segments.add(new SegmentFigure(countries[i], base, base + changes[i], changes[i], contribution, null, 0.1,
          0.05, 0.05, null, null));
    }
    DimensionFigure country = new DimensionFigure("country", 0.9, 0.3, true, residual, segments);
    DimensionFigure channel = new DimensionFigure("channel", 0.4, 0.1, false, 0, List.of(
        new SegmentFigure("web", 60000.0, 50000.0, -10000.0, -10000, null, 0.2, 0.6, 0.55, null, null),
        new SegmentFigure(null, 40000.0, 41500.0, 1500.0, 1500, null, 0.1, 0.4, 0.45, null, null)));
    return new ExplainOutcome("ds_1", new MeasureFacts(agg == Aggregation.SUM ? "sum_revenue" : "count_distinct_customer",
        agg, new ColumnNotes(Optional.of("Revenue after discounts"), Optional.of("EUR"), Favorable.UP)),
        "ordered_at", CompareMode.TOTAL, residual == 0,
        new PeriodFigure(JAN, FEB, 100000.0, 1200), new PeriodFigure(FEB, MAR, 100000.0 + total, 1100),
        total, total / 1000, List.of(country, channel), List.of());
  }

  static ExplainOutcome withoutDimensions() {
    ExplainOutcome full = revenueDrop(Aggregation.SUM, 0);
    return new ExplainOutcome(full.datasetId(), full.measure(), full.timeColumn(), full.compare(), true,
        full.baseline(), full.current(), full.change(), full.changePct(), List.of(), List.of());
  }

  @Test
  void anExplainIsAWaterfallWhoseBarsLandOnTheCurrentValue() {
    ExplainOutcome outcome = revenueDrop(Aggregation.SUM, 0);
    ChartOutcome chart = Charts.forExplain(outcome, new ChartOptions(Optional.empty(), 8));

    assertThat(chart.type()).isEqualTo(ChartKind.WATERFALL);
    assertThat(chart.reason()).contains("by country");
    assertThat(chart.alternatives()).extracting(ChartOutcome.Alternative::type)
        .containsExactly(ChartKind.KPI, ChartKind.HORIZONTAL_BAR, ChartKind.GROUPED_BAR, ChartKind.TABLE);
    List<Map<String, Object>> steps = ChartSpecTest.values(chart.spec());
    assertThat(steps).hasSize(1 + 8 + 1);
    assertThat(steps.get(8)).containsEntry("step", "Other");
    assertThat((double) steps.get(8).get("end")).isCloseTo((double) steps.getLast().get("end"), org.assertj.core.data.Offset.offset(1e-6));
    assertThat((double) steps.getLast().get("end")).isEqualTo(outcome.current().value());
    ChartFiles.write("explain-waterfall-revenue", chart);
  }

  @Test
  void whatASplitCannotAttributeIsABarOfItsOwn() {
    ExplainOutcome outcome = revenueDrop(Aggregation.COUNT_DISTINCT, 350);
    ChartOutcome chart = Charts.forExplain(outcome, new ChartOptions(Optional.empty(), 12));

    List<Map<String, Object>> steps = ChartSpecTest.values(chart.spec());
    assertThat(steps.get(steps.size() - 2)).containsEntry("step", Contributions.NOT_ATTRIBUTED).containsEntry("amount", 350.0);
    assertThat((double) steps.get(steps.size() - 2).get("end")).isCloseTo(outcome.current().value(),
        org.assertj.core.data.Offset.offset(1e-6));
    ChartFiles.write("explain-waterfall-residual", chart);
  }

  @Test
  void everyOtherFittingKindOfAnExplainCanBeAskedFor() {
    ExplainOutcome outcome = revenueDrop(Aggregation.SUM, 0);
    for (ChartKind kind : List.of(ChartKind.KPI, ChartKind.HORIZONTAL_BAR, ChartKind.GROUPED_BAR, ChartKind.TABLE)) {
      ChartOutcome chart = Charts.forExplain(outcome, new ChartOptions(Optional.of(kind), 12));
      assertThat(chart.type()).isEqualTo(kind);
      ChartFiles.write("explain-" + kind.apiName(), chart);
    }
  }

  @Test
  void anExplainWithoutADimensionIsAKpiWithItsChange() {
    ChartOutcome chart = Charts.forExplain(withoutDimensions(), new ChartOptions(Optional.empty(), 12));

    assertThat(chart.type()).isEqualTo(ChartKind.KPI);
    assertThat(ChartSpecTest.values(chart.spec())).singleElement().asString().contains("▼ -7.5% vs baseline 2026-01-01 to 2026-01-31");
    ChartFiles.write("explain-kpi-no-dimension", chart);
  }

  @Test
  void aKindThatCannotShowAnExplainIsRefusedNamingChartType() {
    for (ChartKind kind : EnumSet.complementOf(EnumSet.of(ChartKind.WATERFALL, ChartKind.KPI,
        ChartKind.HORIZONTAL_BAR, ChartKind.GROUPED_BAR, ChartKind.TABLE))) {
      assertThatThrownBy(() -> Charts.forExplain(revenueDrop(Aggregation.SUM, 0), new ChartOptions(Optional.of(kind), 12)))
          .as(kind.apiName())
          .isInstanceOfSatisfying(Unprocessable.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.INVALID_EXPLAIN);
            assertThat(e.issues()).singleElement().satisfies(issue -> {
              assertThat(issue.pointer()).isEqualTo("/chart/type");
              assertThat(issue.message()).contains("waterfall, kpi, horizontal_bar, grouped_bar, table");
            });
          });
    }
    assertThatThrownBy(() -> Charts.forExplain(withoutDimensions(), new ChartOptions(Optional.of(ChartKind.WATERFALL), 12)))
        .isInstanceOfSatisfying(Unprocessable.class, e -> assertThat(e.issues().getFirst().message())
            .contains("a waterfall needs a dimension"));
  }
}
