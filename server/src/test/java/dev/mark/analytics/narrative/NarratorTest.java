package dev.mark.analytics.narrative;

import static dev.mark.analytics.narrative.Cases.asked;
import static dev.mark.analytics.narrative.Cases.explain;
import static dev.mark.analytics.narrative.Cases.explainRequest;
import static dev.mark.analytics.narrative.Cases.grouped;
import static dev.mark.analytics.narrative.Cases.monthly;
import static dev.mark.analytics.narrative.Cases.sumDimension;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.explain.ExplainOutcome.CauseFigure;
import dev.mark.analytics.explain.ExplainOutcome.DimensionFigure;
import dev.mark.analytics.explain.ExplainOutcome.MeasureFacts;
import dev.mark.analytics.explain.ExplainOutcome.SegmentFigure;
import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.Favorable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each statement kind from a constructed answer, and not where it does not belong. */
class NarratorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Narrator narrator = new Narrator();

  private static List<StatementKind> kinds(Narrative n) {
    return n.statements().stream().map(Statement::kind).toList();
  }

  private static Statement only(Narrative n, StatementKind kind) {
    return n.statements().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow(
        () -> new AssertionError(kind + " missing from " + n));
  }

  @Test
  void aSteadyRiseIsATrendAndItsLastMonthARecord() {
    Narrative n = narrator.forQuery(monthly(100.0, 104.0, 109.0, 113.0, 118.0, 124.0, 129.0, 135.0), asked(false, true));
    assertThat(kinds(n)).contains(StatementKind.TREND, StatementKind.RECORD, StatementKind.PERIOD_CHANGE)
        .doesNotContain(StatementKind.FLAT);
    assertThat(only(n, StatementKind.TREND).text())
        .isEqualTo("Revenue has been rising over the 8 months from January to August, by about +4.4 % a month.");
    assertThat(only(n, StatementKind.RECORD).text()).isEqualTo("August's €135 is the highest of the 8 months, €6 above the previous high.");
    assertThat(n.headline()).isEqualTo("Revenue rose 4.7 % in August to €135, in line with its upward trend, good news.");
  }

  @Test
  void noiseIsFlatNotATrend() {
    Narrative n = narrator.forQuery(monthly(100.0, 103.0, 98.0, 101.0, 99.0, 102.0, 100.0, 101.0), asked(false, true));
    assertThat(kinds(n)).contains(StatementKind.FLAT)
        .doesNotContain(StatementKind.TREND, StatementKind.PERIOD_CHANGE, StatementKind.OUTLIER, StatementKind.RECORD);
    assertThat(n.headline()).isEqualTo("Revenue held steady at €101 in August.");
  }

  @Test
  void fewerThanFiveMonthsNeverMakeATrend() {
    Narrative n = narrator.forQuery(monthly(100.0, 200.0, 300.0, 400.0), asked(false, true));
    assertThat(kinds(n)).doesNotContain(StatementKind.TREND);
  }

  @Test
  void aMonthFarFromTheOthersIsAnOutlier() {
    Narrative n = narrator.forQuery(monthly(100.0, 102.0, 99.0, 400.0, 101.0, 98.0, 100.0, 101.0), asked(false, true));
    Statement outlier = only(n, StatementKind.OUTLIER);
    assertThat(outlier.text()).startsWith("April stands out: its value of €400 is far above");
    assertThat(kinds(n)).doesNotContain(StatementKind.TREND);
  }

  @Test
  void missingMonthsAndAChangeFromZeroAreCaveatsNeverInfinitePercent() {
    Narrative n = narrator.forQuery(monthly(50.0, null, 40.0, 0.0, 70.0), asked(false, true));
    List<String> caveats = n.statements().stream().filter(s -> s.kind() == StatementKind.CAVEAT).map(Statement::text).toList();
    assertThat(caveats).containsExactlyInAnyOrder(
        "No data for 1 month of the 5 (February 2026): they are left out of the comparisons.",
        "Revenue was 0 in April, so the change to May cannot be put as a percentage.");
    Statement change = only(n, StatementKind.PERIOD_CHANGE);
    assertThat(change.values()).containsEntry("change_pct", null);
    assertThat(change.text()).isEqualTo("Revenue rose from €0 in April to €70 in May, good news.");
    assertThat(n.headline()).isEqualTo("Revenue rose by €70 in May to €70, good news.");
    n.statements().forEach(s -> assertThat(s.text()).doesNotContain("∞", "Infinity", "NaN"));
  }

  @Test
  void theLastTwoMonthsGetAnExplainSuggestion() {
    Narrative n = narrator.forQuery(monthly(100.0, 104.0, 109.0, 113.0, 118.0, 124.0, 129.0, 110.0), asked(false, true));
    Suggestion s = n.suggestions().getFirst();
    assertThat(s.text()).isEqualTo("Explain why revenue fell from July to August");
    assertThat(s.operation()).isEqualTo("explainDataset");
    assertThat(s.path()).isEqualTo("/v1/datasets/ds_test/explain");
    assertThat(s.body()).containsEntry("time_column", "ordered_at")
        .containsEntry("baseline", Map.of("from", "2026-07-01T00:00:00Z", "to", "2026-08-01T00:00:00Z"))
        .containsEntry("current", Map.of("from", "2026-08-01T00:00:00Z", "to", "2026-09-01T00:00:00Z"));
  }

  @Test
  void aFewRegionsCarryingMostOfTheTotalIsAConcentration() {
    Map<String, Double> regions = new LinkedHashMap<>();
    regions.put("EMEA", 5000.0);
    regions.put("AMER", 3500.0);
    for (String r : List.of("APAC", "LATAM", "MEA", "ANZ", "NORDICS", "DACH", "BENELUX", "IBERIA")) {
      regions.put(r, 180.0);
    }
    Narrative n = narrator.forQuery(grouped(regions), asked(true, false));
    assertThat(only(n, StatementKind.CONCENTRATION).text()).isEqualTo("The top 2 of the 10 values of region carry 86 % of revenue.");
    assertThat(only(n, StatementKind.TOP_CONTRIBUTOR).text()).isEqualTo("EMEA is the largest region: €5,000, 50 % of revenue.");
    assertThat(n.headline()).isEqualTo("EMEA leads revenue with €5,000, 50 % of the €9,940 total.");
    assertThat(n.suggestions().getFirst().text()).isEqualTo("Show revenue by region over time");
  }

  @Test
  void evenRegionsAreNoConcentration() {
    Narrative n = narrator.forQuery(grouped(Map.of("A", 10.0, "B", 11.0, "C", 9.0, "D", 10.0, "E", 10.5)), asked(true, false));
    assertThat(kinds(n)).doesNotContain(StatementKind.CONCENTRATION, StatementKind.OUTLIER);
  }

  private static ExplainOutcome emeaDrop() {
    DimensionFigure region = sumDimension("region", new Object[][] {
        {"EMEA", 60000.0, 44000.0}, {"AMER", 25000.0, 23500.0}, {"APAC", 35000.0, 39000.0}});
    DimensionFigure channel = sumDimension("channel", new Object[][] {{"web", 70000.0, 58000.0}, {"store", 50000.0, 48500.0}});
    return explain(120000, 106500, List.of(region, channel), List.of());
  }

  @Test
  void anExplainNamesTheDropItsLeaderAndWhatOffsetIt() {
    Narrative n = narrator.forExplain(emeaDrop(), explainRequest());
    assertThat(n.headline()).isEqualTo("Revenue fell 11.3 % (−€13,500) from October to November, mostly in EMEA, bad news.");
    assertThat(only(n, StatementKind.PERIOD_CHANGE).text())
        .isEqualTo("Revenue fell from €120,000 in October to €106,500 in November (−11.3 %), bad news.");
    assertThat(only(n, StatementKind.OFFSET).text()).isEqualTo("APAC's +€4,000 offset part of EMEA's −€16,000.");
    assertThat(only(n, StatementKind.TOP_DETRACTOR).text()).isEqualTo("EMEA accounts for −€16,000, more than the whole drop of −€13,500.");
    assertThat(kinds(n)).doesNotContain(StatementKind.TOP_CONTRIBUTOR, StatementKind.FLAT, StatementKind.MIX_SHIFT);
  }

  @Test
  void segmentsThatCancelAreAnOffset() {
    DimensionFigure region = sumDimension("region", new Object[][] {
        {"EMEA", 50000.0, 45000.0}, {"APAC", 30000.0, 34000.0}, {"AMER", 20000.0, 20000.0}});
    Narrative n = narrator.forExplain(explain(100000, 99000, List.of(region), List.of()), explainRequest());
    assertThat(only(n, StatementKind.OFFSET).text()).isEqualTo("APAC's +€4,000 offset most of EMEA's −€5,000.");
  }

  @Test
  void aMonthlyQueryByRegionNamesWhoMovedTheLastMonth() {
    List<List<Object>> rows = new ArrayList<>();
    double[][] byMonth = {{100, 50}, {104, 52}, {108, 53}, {60, 68}};
    for (int m = 0; m < byMonth.length; m++) {
      rows.add(List.of(Cases.month(m).toString(), "EMEA", java.math.BigDecimal.valueOf(byMonth[m][0])));
      rows.add(List.of(Cases.month(m).toString(), "APAC", java.math.BigDecimal.valueOf(byMonth[m][1])));
    }
    dev.mark.analytics.QueryOutcome outcome = new dev.mark.analytics.QueryOutcome(List.of(
        new dev.mark.analytics.OutputColumn("ordered_at", dev.mark.datasets.ValueType.TIMESTAMP, dev.mark.analytics.ColumnRole.TIME, ColumnNotes.NONE),
        new dev.mark.analytics.OutputColumn("region", dev.mark.datasets.ValueType.STRING, dev.mark.analytics.ColumnRole.DIMENSION, ColumnNotes.NONE),
        new dev.mark.analytics.OutputColumn("sum_revenue", dev.mark.datasets.ValueType.NUMBER, dev.mark.analytics.ColumnRole.MEASURE, Cases.REVENUE)),
        rows, Optional.empty(), Cases.monthly(1.0).time());
    Narrative n = narrator.forQuery(outcome, asked(true, true));
    assertThat(n.headline()).isEqualTo("Revenue fell 20.5 % in April to €128, bad news.");
    assertThat(only(n, StatementKind.OFFSET).text()).isEqualTo("APAC's +€15 offset part of EMEA's −€48.");
    assertThat(only(n, StatementKind.RECORD).text()).isEqualTo("April's €128 is the lowest of the 4 months, €22 below the previous low.");
    assertThat(n.suggestions().getFirst().body()).containsEntry("dimensions", List.of("region"));
  }

  @Test
  void anExplainSuggestsBreakingItsLeaderDownByTheNextDimension() {
    Narrative n = narrator.forExplain(emeaDrop(), explainRequest());
    Suggestion drill = n.suggestions().getFirst();
    assertThat(drill.text()).isEqualTo("Break EMEA's drop down by channel");
    assertThat(drill.body()).containsEntry("dimensions", List.of("channel"))
        .containsEntry("filters", List.of(Map.of("column", "region", "op", "eq", "value", "EMEA")));
    assertThat(n.suggestions()).extracting(Suggestion::text)
        .containsExactly("Break EMEA's drop down by channel", "Break APAC's rise down by channel", "Show revenue by region over time");
  }

  @Test
  void rootCausesAcrossDimensionsLeadTheStory() {
    ExplainOutcome outcome = new ExplainOutcome(emeaDrop().datasetId(), emeaDrop().measure(), "ordered_at",
        emeaDrop().compare(), true, emeaDrop().baseline(), emeaDrop().current(), -13500.0, -11.25,
        emeaDrop().dimensions(), List.of(new CauseFigure(new LinkedHashMap<>(Map.of("region", "EMEA", "channel", "web")).entrySet().stream()
            .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
            .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll), 30000.0, 15000.0, -15000.0, 1.11, 0.9)));
    Narrative n = narrator.forExplain(outcome, explainRequest());
    assertThat(n.headline()).endsWith("mostly in EMEA web, bad news.");
    assertThat(only(n, StatementKind.TOP_DETRACTOR).values()).containsEntry("segment", Map.of("region", "EMEA", "channel", "web"));
  }

  @Test
  void aChangeWithinOnePercentIsFlatWithoutMovers() {
    DimensionFigure region = sumDimension("region", new Object[][] {{"EMEA", 60000.0, 60300.0}, {"APAC", 40000.0, 40100.0}});
    Narrative n = narrator.forExplain(explain(100000, 100400, List.of(region), List.of()), explainRequest());
    assertThat(kinds(n)).containsExactly(StatementKind.FLAT);
    assertThat(n.headline()).isEqualTo("Revenue held steady from October to November (+0.4 %).");
  }

  @Test
  void aChangeFromZeroHasNoPercentage() {
    DimensionFigure region = sumDimension("region", new Object[][] {{"EMEA", 0.0, 300.0}, {"APAC", 0.0, 100.0}});
    Narrative n = narrator.forExplain(explain(0, 400, List.of(region), List.of()), explainRequest());
    assertThat(only(n, StatementKind.CAVEAT).text()).isEqualTo("Revenue was €0 in October, so its change cannot be put as a percentage.");
    assertThat(n.headline()).isEqualTo("Revenue rose by €400 from October to November, mostly in EMEA, good news.");
    assertThat(only(n, StatementKind.TOP_CONTRIBUTOR).text()).isEqualTo("EMEA accounts for +€300, 75 % of the rise.");
    n.statements().forEach(s -> assertThat(s.text()).doesNotContain("%)", "∞"));
  }

  @Test
  void aRatioTellsMixFromRate() {
    ColumnNotes notes = new ColumnNotes(Optional.of("conversion rate"), Optional.of("fraction"), Favorable.UP);
    // web's weight grew at a low rate: the mix pulled the rate down more than rates did
    DimensionFigure channel = new DimensionFigure("channel", 1, 0.05, true, 0, List.of(
        new SegmentFigure("web", 0.02, 0.019, -0.001, -0.009, 0.75, 0.03, 0.5, 0.7, -0.008, -0.001),
        new SegmentFigure("store", 0.06, 0.058, -0.002, -0.003, 0.25, 0.02, 0.5, 0.3, -0.002, -0.001)));
    ExplainOutcome outcome = explain(new MeasureFacts("conversion", Aggregation.AVG, notes), true, 0.04, 0.028,
        List.of(channel), List.of());
    Narrative n = narrator.forExplain(outcome, explainRequest());
    assertThat(only(n, StatementKind.MIX_SHIFT).text()).isEqualTo("The mix drove most of the change in conversion rate:"
        + " the shift in mix by channel accounts for −1.0 percentage points, the rates within each channel for −0.2 percentage points.");
    assertThat(n.headline()).isEqualTo("Conversion rate fell 30.0 % (−1.2 percentage points) from October to November, mostly in web, bad news.");
  }

  @Test
  void aNonAdditiveMeasureSaysWhatItsContributionsLeaveOut() {
    DimensionFigure region = new DimensionFigure("region", 1, 0.05, true, -3.0, List.of(
        new SegmentFigure("EMEA", 50.0, 40.0, -10.0, -5.0, 0.5, 0.0, 0.5, 0.5, null, null),
        new SegmentFigure("APAC", 50.0, 48.0, -2.0, -2.0, 0.2, 0.0, 0.5, 0.5, null, null)));
    ExplainOutcome outcome = explain(new MeasureFacts("median_revenue", Aggregation.MEDIAN, Cases.REVENUE), false, 50, 40,
        List.of(region), List.of());
    assertThat(only(narrator.forExplain(outcome, explainRequest()), StatementKind.CAVEAT).text())
        .isEqualTo("The contributions by region are leave-one-out effects that do not add up: −€3 of the change is left unassigned.");
  }

  @Test
  void theSameNumbersGiveTheSameJsonWhateverTheOrderOfSegments() {
    String first = JSON.writeValueAsString(narrator.forExplain(emeaDrop(), explainRequest()));
    assertThat(JSON.writeValueAsString(narrator.forExplain(emeaDrop(), explainRequest()))).isEqualTo(first);
    ExplainOutcome o = emeaDrop();
    List<DimensionFigure> shuffledDims = new ArrayList<>();
    for (DimensionFigure d : o.dimensions()) {
      List<SegmentFigure> segments = new ArrayList<>(d.segments());
      Collections.shuffle(segments, new Random(7));
      Collections.reverse(segments);
      shuffledDims.add(new DimensionFigure(d.dimension(), d.explanatoryPower(), d.surprise(), d.selected(), d.residual(), segments));
    }
    ExplainOutcome shuffled = new ExplainOutcome(o.datasetId(), o.measure(), o.timeColumn(), o.compare(), o.additive(),
        o.baseline(), o.current(), o.change(), o.changePct(), shuffledDims, o.rootCauses());
    assertThat(JSON.writeValueAsString(narrator.forExplain(shuffled, explainRequest()))).isEqualTo(first);

    Map<String, Double> regions = new LinkedHashMap<>(Map.of("EMEA", 5.0, "AMER", 3.0, "APAC", 2.0, "LATAM", 1.0, "MEA", 40.0));
    Map<String, Double> reversed = new LinkedHashMap<>();
    new ArrayList<>(regions.keySet()).reversed().forEach(k -> reversed.put(k, regions.get(k)));
    assertThat(JSON.writeValueAsString(narrator.forQuery(grouped(reversed), asked(true, false))))
        .isEqualTo(JSON.writeValueAsString(narrator.forQuery(grouped(regions), asked(true, false))));
  }

  @Test
  void favorableDirectionDecidesGoodOrBadNews() {
    ColumnNotes costs = new ColumnNotes(Optional.of("costs"), Optional.of("USD"), Favorable.DOWN);
    ColumnNotes visits = new ColumnNotes(Optional.empty(), Optional.of("visits"), Favorable.NONE);
    DimensionFigure none = sumDimension("region", new Object[][] {{"EMEA", 1000.0, 920.0}});
    assertThat(narrator.forExplain(explain(new MeasureFacts("sum_costs", Aggregation.SUM, costs), true, 1000, 920,
        List.of(none), List.of()), explainRequest()).headline())
        .isEqualTo("Costs fell 8.0 % (−$80) from October to November, mostly in EMEA, good news.");
    assertThat(narrator.forExplain(explain(new MeasureFacts("sum_visits", Aggregation.SUM, visits), true, 1000, 920,
        List.of(none), List.of()), explainRequest()).headline())
        .isEqualTo("Visits fell 8.0 % (−80 visits) from October to November, mostly in EMEA.");
  }

  @Test
  void statementsAreRankedByImportanceAndCappedAtFive() {
    List<Statement> many = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      many.add(new Statement(StatementKind.values()[i], "s" + i, Map.of(), (i * 37 % 8) / 8.0));
    }
    List<Statement> ranked = Catalogue.rank(many);
    assertThat(ranked).hasSize(Catalogue.MAX_STATEMENTS);
    assertThat(ranked).extracting(Statement::importance).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(ranked.getFirst().importance()).isEqualTo(7 / 8.0);
  }
}
