package dev.mark.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.analytics.MetricQuery.Measure;
import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.Favorable;
import dev.mark.datasets.ValueType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The unit and direction each measure's output column takes: from its column, its numerator, or the caller. */
class MeasureNotesTest {

  private static final List<ColumnSpec> COLUMNS = List.of(
      new ColumnSpec("revenue", ValueType.NUMBER, false,
          new ColumnNotes(Optional.of("Order value"), Optional.of("EUR"), Favorable.UP)),
      new ColumnSpec("refunds", ValueType.NUMBER, false,
          new ColumnNotes(Optional.empty(), Optional.of("EUR"), Favorable.DOWN)));

  @Test
  void aRatioOverACountKeepsItsNumeratorsUnitAndDirection() {
    assertThat(notes(ratio(sum("revenue"), count()))).isEqualTo(new ColumnNotes(Optional.empty(), Optional.of("EUR"), Favorable.UP));
  }

  @Test
  void aRatioOfTwoSumsIsAPlainNumber() {
    assertThat(notes(ratio(sum("refunds"), sum("revenue")))).isEqualTo(ColumnNotes.NONE);
  }

  @Test
  void theCallersUnitAndDirectionWinOverTheColumns() {
    Measure refundRate = new Measure(Aggregation.RATIO, Optional.empty(), Optional.of("refund_rate"),
        Optional.of(sum("refunds")), Optional.of(sum("revenue")), Optional.of("percent"), Optional.of(Favorable.DOWN));
    assertThat(notes(refundRate)).isEqualTo(new ColumnNotes(Optional.empty(), Optional.of("percent"), Favorable.DOWN));
    Measure orders = new Measure(Aggregation.COUNT, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("orders"), Optional.of(Favorable.UP));
    assertThat(notes(orders)).isEqualTo(new ColumnNotes(Optional.empty(), Optional.of("orders"), Favorable.UP));
  }

  @Test
  void aSumKeepsItsColumnsNotesAndACountKeepsOnlyTheDescription() {
    assertThat(notes(sum("revenue"))).isEqualTo(COLUMNS.getFirst().notes());
    assertThat(notes(new Measure(Aggregation.COUNT, Optional.of("revenue"), Optional.empty())))
        .isEqualTo(new ColumnNotes(Optional.of("Order value"), Optional.empty(), Favorable.NONE));
  }

  private static ColumnNotes notes(Measure measure) {
    QueryPlan plan = QueryPlanner.plan(new MetricQuery(List.of(measure), List.of(), Optional.empty(), List.of(),
        List.of(), 10, false), COLUMNS);
    return plan.outputColumns().getFirst().notes();
  }

  private static Measure ratio(Measure numerator, Measure denominator) {
    return new Measure(Aggregation.RATIO, Optional.empty(), Optional.empty(), Optional.of(numerator),
        Optional.of(denominator), Optional.empty(), Optional.empty());
  }

  private static Measure sum(String column) {
    return new Measure(Aggregation.SUM, Optional.of(column), Optional.empty());
  }

  private static Measure count() {
    return new Measure(Aggregation.COUNT, Optional.empty(), Optional.empty());
  }
}
