package dev.mark.analytics.chart;

import static dev.mark.analytics.chart.Answers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.analytics.Granularity;
import dev.mark.support.ChartFiles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The specs say what the data says: titles and formats from names and units, bucket labels in
 * the query's zone, bars from zero sorted by value, the largest categories and Other for sums,
 * gaps for missing values. The Node check renders the files written here and compares the axis
 * labels it draws with {@code expect.x_labels}.
 */
class ChartSpecTest {

  @Test
  void aLineOverParisMonthsIsLabelledWithTheMonthsOfParisWhereverItIsDrawn() {
    ChartOutcome chart = ChartChooserTest.monthlyRevenue().chart();

    Map<String, Object> x = encoding(chart.spec(), "x");
    assertThat(x).containsEntry("type", "temporal").containsEntry("scale", Map.of("type", "utc"));
    assertThat(axis(x)).containsEntry("format", "%b %Y");
    assertThat((List<?>) axis(x).get("values")).hasSize(12).first().isEqualTo(1767225600000L); // 2026-01-01 wall clock
    assertThat(transforms(chart.spec())).first().asString().contains("substring");
    List<String> labels = List.of("Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026",
        "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026");
    ChartFiles.write("spec-line-paris-months", chart, labels);
  }

  @Test
  void daysInKolkataAndWeeksInNewYorkAreLabelledByTheirOwnStart() {
    Answers days = answer().time("at", Granularity.DAY, "Asia/Kolkata").sum("count", null);
    Answers weeks = answer().time("at", Granularity.WEEK, "America/New_York").sum("count", null);
    for (int d = 1; d <= 7; d++) {
      days.row(String.format("2026-03-%02dT00:00:00+05:30", d), (long) (10 + d));
      java.time.LocalDate monday = java.time.LocalDate.of(2026, 3, 2).plusWeeks(d - 1);
      weeks.row(monday + (d == 1 ? "T00:00:00-05:00" : "T00:00:00-04:00"), (long) d);
    }

    ChartFiles.write("spec-line-kolkata-days", days.chart(),
        List.of("Mar 01", "Mar 02", "Mar 03", "Mar 04", "Mar 05", "Mar 06", "Mar 07"));
    ChartFiles.write("spec-line-new-york-weeks", weeks.chart(),
        List.of("Mar 02", "Mar 09", "Mar 16", "Mar 23", "Mar 30", "Apr 06", "Apr 13"));
  }

  @Test
  void aMissingValueIsAGapNotAZero() {
    ChartOutcome chart = ChartChooserTest.monthlyRevenue().chart();

    assertThat(values(chart.spec())).element(5).satisfies(row -> assertThat(row.get("sum_revenue")).isNull());
    assertThat(mark(chart.spec())).containsEntry("invalid", "break-paths-show-domains");
  }

  @Test
  void titlesAndFormatsComeFromNamesAndUnits() {
    ChartOutcome chart = ChartChooserTest.byRegion().chart();

    Map<String, Object> y = encoding(chart.spec(), "y");
    assertThat(y).containsEntry("title", "Revenue (sum, EUR)").containsEntry("scale", Map.of("zero", true));
    assertThat(axis(y)).containsEntry("format", ",.0f");
    assertThat(title(chart.spec())).isEqualTo("Revenue (sum) by region");
    assertThat(Labels.measure("count_distinct_customer_id")).isEqualTo("Customer id (distinct count)");
    assertThat(Labels.measure("avg_price")).isEqualTo("Price (average)");
    assertThat(Labels.measure("gross_margin")).isEqualTo("Gross margin");
  }

  @Test
  void barsStartAtZeroSortedByValue() {
    Map<String, Object> spec = ChartChooserTest.byRegion().chart().spec();

    assertThat(encoding(spec, "x")).containsEntry("sort", List.of("AMER", "EMEA", "APAC", "LATAM"));
    assertThat(encoding(spec, "y")).containsEntry("scale", Map.of("zero", true));
    ChartFiles.write("spec-bar-regions-eur", ChartChooserTest.byRegion().chart());
  }

  @Test
  void aSumOverManyCategoriesKeepsTheLargestAndAddsUpTheRestAsOther() {
    Answers answer = ChartChooserTest.byCountry(30, true);
    ChartOutcome chart = answer.chart(Optional.empty(), 8);

    List<Map<String, Object>> values = values(chart.spec());
    assertThat(values).hasSize(8);
    assertThat(values.getLast()).containsEntry("country", "Other");
    assertThat(sum(values, "sum_revenue")).isEqualByComparingTo(sum(records(answer), "sum_revenue"));
    List<?> order = (List<?>) encoding(chart.spec(), "y").get("sort");
    assertThat(order).hasSize(8).last().isEqualTo("Other");
    // the rest, often larger than any kept country, is grey: a remainder, not the leader
    Map<?, ?> bars = (Map<?, ?>) ((List<?>) chart.spec().get("layer")).getFirst();
    assertThat(bars.get("encoding").toString()).contains("datum['country'] == 'Other'", "#b3b3b3");
    ChartFiles.write("spec-top-n-other", chart);
  }

  @Test
  void anAverageOverManyCategoriesShowsThemAllAsHorizontalBars() {
    ChartOutcome chart = ChartChooserTest.byCountry(30, false).chart();

    assertThat(chart.type()).isEqualTo(ChartKind.HORIZONTAL_BAR);
    assertThat(values(chart.spec())).hasSize(30).noneMatch(r -> "Other".equals(r.get("country")));
    assertThat((List<?>) encoding(chart.spec(), "y").get("sort")).hasSize(30).first().isEqualTo("Country number 2");
  }

  @Test
  void percentsAreDrawnAsFractionsWithAPercentFormat() {
    ChartOutcome chart = answer().dimension("channel").measure("avg_conversion", "percent")
        .row("web", 3.25).row("store", 12.5).row("phone", null).chart();

    assertThat(transforms(chart.spec())).singleElement().asString().contains("/ 100");
    assertThat(encoding(chart.spec(), "y")).containsEntry("field", "avg_conversion (fraction)");
    assertThat(axis(encoding(chart.spec(), "y"))).containsEntry("format", ".0%");
    ChartFiles.write("spec-percent-bars", chart);
  }

  @Test
  void twoMeasuresOverTimeShareAnAxisWithALinePerMeasure() {
    Answers answer = answer().time("day", Granularity.DAY, "UTC").sum("sum_revenue", "EUR").sum("sum_cost", "EUR");
    for (int d = 1; d <= 10; d++) {
      answer.row(String.format("2026-05-%02d", d), 100.0 * d, 60.0 * d + 30);
    }

    ChartOutcome chart = answer.chart();

    assertThat(chart.type()).isEqualTo(ChartKind.LINE);
    assertThat(encoding(chart.spec(), "color")).containsEntry("field", "Measure");
    ChartFiles.write("spec-two-measures-over-days", chart, List.of("May 01", "May 02", "May 03", "May 04", "May 05",
        "May 06", "May 07", "May 08", "May 09", "May 10"));
  }

  static List<Map<String, Object>> records(Answers answer) {
    return QueryShape.of(answer.outcome(), answer.additive()).records();
  }

  static BigDecimal sum(List<Map<String, Object>> rows, String field) {
    return rows.stream().map(r -> (BigDecimal) r.get(field)).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> values(Map<String, Object> spec) {
    return (List<Map<String, Object>>) ((Map<String, Object>) spec.get("data")).get("values");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> encoding(Map<String, Object> spec, String channel) {
    return (Map<String, Object>) ((Map<String, Object>) spec.get("encoding")).get(channel);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> axis(Map<String, Object> encoding) {
    return (Map<String, Object>) encoding.get("axis");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mark(Map<String, Object> spec) {
    return (Map<String, Object>) spec.get("mark");
  }

  @SuppressWarnings("unchecked")
  static List<Object> transforms(Map<String, Object> spec) {
    return new ArrayList<>((List<Object>) spec.getOrDefault("transform", List.of()));
  }

  @SuppressWarnings("unchecked")
  static String title(Map<String, Object> spec) {
    return (String) ((Map<String, Object>) spec.get("title")).get("text");
  }
}
