package dev.mark.analytics.chart;

import static dev.mark.analytics.chart.Answers.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.mark.analytics.Granularity;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.support.ChartFiles;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chooser picks the kind the perceptual-effectiveness rules give for each shape of answer,
 * draws any kind asked for that can show the data, and refuses the others naming
 * {@code /chart/type}. Every chart drawn is written for the Node schema and rendering check.
 */
class ChartChooserTest {

  private static final Set<ChartKind> DRAWN = EnumSet.noneOf(ChartKind.class);

  static Answers monthlyRevenue() {
    Answers a = answer().time("ordered_at", Granularity.MONTH, "Europe/Paris")
        .measure("sum_revenue", "EUR", dev.mark.datasets.Favorable.UP, "Revenue after discounts");
    a.additive().add("sum_revenue");
    double[] values = {120500, 98200, 134000, 141250.5, 150900, 0, 162300, 158000, 171200, 169800, 180300, 210400};
    List<String> months = Answers.parisMonths();
    for (int i = 0; i < 12; i++) {
      a.row(months.get(i), i == 5 ? null : values[i]);
    }
    return a;
  }

  static Answers monthlyByRegion(String measure, boolean additive) {
    Answers a = answer().time("ordered_at", Granularity.MONTH, "Europe/Paris");
    a.dimension("region");
    if (additive) {
      a.sum(measure, "EUR");
    } else {
      a.measure(measure, "EUR");
    }
    String[] regions = {"EMEA", "AMER", "APAC", "LATAM"};
    List<String> months = Answers.parisMonths().subList(0, 6);
    for (int m = 0; m < months.size(); m++) {
      for (int r = 0; r < regions.length; r++) {
        a.row(months.get(m), regions[r], 1000.0 * (r + 1) + 150 * m * (r % 2 == 0 ? 1 : -1) + 400 * r);
      }
    }
    return a;
  }

  static Answers byRegion() {
    return answer().dimension("region").sum("sum_revenue", "EUR")
        .row("EMEA", 48210.5).row("AMER", 61200.0).row("APAC", 30555.25).row("LATAM", 9800.0);
  }

  static Answers byCountry(int countries, boolean additive) {
    Answers a = answer().dimension("country");
    if (additive) {
      a.sum("sum_revenue", "USD");
    } else {
      a.measure("avg_basket", "USD");
    }
    for (int i = 0; i < countries; i++) {
      a.row("Country number " + (i + 1), 1000.0 + 997 * ((i * 7919) % countries));
    }
    return a;
  }

  static Answers twoDimensions(int first, int second, boolean additive) {
    Answers a = answer().dimension("store").dimension("category");
    if (additive) {
      a.sum("sum_units", null);
    } else {
      a.measure("avg_discount", "percent");
    }
    for (int i = 0; i < first; i++) {
      for (int j = 0; j < second; j++) {
        a.row("Store " + (char) ('A' + i), "Cat " + (j + 1), (double) ((i * 37 + j * 11) % 23 + 5));
      }
    }
    return a;
  }

  static Answers twoMeasures() {
    Answers a = answer().dimension("product").sum("sum_revenue", "EUR").sum("count", null);
    for (int i = 0; i < 10; i++) {
      a.row("P" + i, 1000.0 + 310.0 * i + (i % 4) * 500, (long) (20 + 3 * i + (i % 3) * 4));
    }
    return a;
  }

  static Answers revenueAndCost() {
    return answer().dimension("region").sum("sum_revenue", "EUR").sum("sum_cost", "EUR")
        .row("EMEA", 48210.5, 30100.0).row("AMER", 61200.0, 45800.25).row("APAC", 30555.25, 21000.0);
  }

  static Answers basketSizes(boolean additive) {
    Answers a = answer().numericDimension("basket_size");
    if (additive) {
      a.sum("count", null);
    } else {
      a.measure("avg_revenue", "EUR");
    }
    for (long size = 1; size <= 40; size++) {
      a.row(size, additive ? (double) Math.round(400 * Math.exp(-(size - 8) * (size - 8) / 40.0)) : 12.5 * size);
    }
    return a;
  }

  static Stream<Arguments> shapesAndTheirCharts() {
    return Stream.of(
        argumentSet("one value is a kpi", answer().sum("sum_revenue", "EUR").row(1234567.891), ChartKind.KPI),
        argumentSet("one measure over time is a line", monthlyRevenue(), ChartKind.LINE),
        argumentSet("a measure over time by a few regions is a line per region", monthlyByRegion("sum_revenue", true), ChartKind.LINE),
        argumentSet("a few short categories are vertical bars", byRegion(), ChartKind.BAR),
        argumentSet("long category names are horizontal bars", byCountry(9, true), ChartKind.HORIZONTAL_BAR),
        argumentSet("many categories of a sum are horizontal bars", byCountry(30, true), ChartKind.HORIZONTAL_BAR),
        argumentSet("two dimensions, one of few values, are grouped bars", twoDimensions(8, 3, true), ChartKind.GROUPED_BAR),
        argumentSet("two dimensions of more values of a sum are stacked bars", twoDimensions(10, 8, true), ChartKind.STACKED_BAR),
        argumentSet("two dimensions of many values of an average are a heatmap", twoDimensions(10, 8, false), ChartKind.HEATMAP),
        argumentSet("two measures are a scatter", twoMeasures(), ChartKind.SCATTER),
        argumentSet("counts over a numeric dimension of many values are a histogram", basketSizes(true), ChartKind.HISTOGRAM),
        argumentSet("an average along a numeric dimension is a scatter", basketSizes(false), ChartKind.SCATTER),
        argumentSet("three dimensions are a table", answer().dimension("a").dimension("b").dimension("c")
            .sum("count", null).row("x", "y", "z", 3L).row("x", "y", "w", 4L), ChartKind.TABLE),
        argumentSet("no rows is a table", answer().dimension("region").sum("count", null), ChartKind.TABLE));
  }

  @ParameterizedTest
  @MethodSource("shapesAndTheirCharts")
  void theChooserPicksTheMostEffectiveChart(Answers answer, ChartKind expected, TestInfo info) {
    ChartOutcome chart = answer.chart();

    assertThat(chart.type()).isEqualTo(expected);
    assertThat(chart.reason()).isNotBlank();
    assertThat(chart.alternatives()).extracting(ChartOutcome.Alternative::type).doesNotContain(expected);
    if (expected != ChartKind.TABLE && answer.outcome().rows().size() > 0) {
      assertThat(chart.alternatives()).extracting(ChartOutcome.Alternative::type).contains(ChartKind.TABLE);
    }
    drawn(info, chart);
  }

  static Stream<Arguments> kindsAskedFor() {
    return Stream.of(
        argumentSet("area", monthlyRevenue(), ChartKind.AREA),
        argumentSet("kpi of the latest month", monthlyRevenue(), ChartKind.KPI),
        argumentSet("bars over time", monthlyRevenue(), ChartKind.BAR),
        argumentSet("table of monthly values", monthlyRevenue(), ChartKind.TABLE),
        argumentSet("stacked area", monthlyByRegion("sum_revenue", true), ChartKind.STACKED_AREA),
        argumentSet("heatmap of months by region", monthlyByRegion("sum_revenue", true), ChartKind.HEATMAP),
        argumentSet("grouped bars of months by region", monthlyByRegion("sum_revenue", true), ChartKind.GROUPED_BAR),
        argumentSet("stacked bars of months by region", monthlyByRegion("sum_revenue", true), ChartKind.STACKED_BAR),
        argumentSet("boxplot by region over months", monthlyByRegion("avg_price", false), ChartKind.BOXPLOT),
        argumentSet("pie of four regions", byRegion(), ChartKind.PIE),
        argumentSet("horizontal bars of four regions", byRegion(), ChartKind.HORIZONTAL_BAR),
        argumentSet("bars of 30 countries, the rest as Other", byCountry(30, true), ChartKind.BAR),
        argumentSet("histogram of 30 countries' values", byCountry(30, false), ChartKind.HISTOGRAM),
        argumentSet("grouped bars of two measures of one unit", revenueAndCost(), ChartKind.GROUPED_BAR),
        argumentSet("line along a numeric dimension", basketSizes(false), ChartKind.LINE),
        argumentSet("boxplot of stores by category", twoDimensions(10, 8, false), ChartKind.BOXPLOT),
        argumentSet("table of a single value", answer().sum("sum_revenue", "EUR").row(12.5), ChartKind.TABLE));
  }

  @ParameterizedTest
  @MethodSource("kindsAskedFor")
  void aKindAskedForIsDrawnWhenItFits(Answers answer, ChartKind kind, TestInfo info) {
    ChartOutcome chart = answer.chart(kind);

    assertThat(chart.type()).isEqualTo(kind);
    assertThat(chart.spec()).containsEntry("$schema", "https://vega.github.io/schema/vega-lite/v6.json");
    drawn(info, chart);
  }

  static Stream<Arguments> kindsThatCannotShowTheData() {
    return Stream.of(
        argumentSet("a waterfall of a query", byRegion(), ChartKind.WATERFALL, "explain"),
        argumentSet("a line without time", byRegion(), ChartKind.LINE, "time bucket"),
        argumentSet("a kpi of many rows", byRegion(), ChartKind.KPI, "4 rows"),
        argumentSet("a pie of 30 parts", byCountry(30, true), ChartKind.PIE, "2 to 6"),
        argumentSet("a pie of an average", byCountry(4, false), ChartKind.PIE, "additive"),
        argumentSet("a boxplot of one grouping", byRegion(), ChartKind.BOXPLOT, "two groupings"),
        argumentSet("a stacked area of an average", monthlyByRegion("avg_price", false), ChartKind.STACKED_AREA, "additive"),
        argumentSet("a heatmap of one grouping", byRegion(), ChartKind.HEATMAP, "two groupings"),
        argumentSet("a scatter of one measure by region", byRegion(), ChartKind.SCATTER, "two quantities"),
        argumentSet("a histogram of four values", byRegion(), ChartKind.HISTOGRAM, "at least 10"),
        argumentSet("grouped bars of one grouping", byRegion(), ChartKind.GROUPED_BAR, "two groupings"),
        argumentSet("an area by region", monthlyByRegion("sum_revenue", true), ChartKind.AREA, "no dimension"),
        argumentSet("bars of two measures", twoMeasures(), ChartKind.BAR, "one measure"),
        argumentSet("grouped bars of measures in different units", twoMeasures(), ChartKind.GROUPED_BAR, "two groupings"),
        argumentSet("horizontal bars over time", monthlyRevenue(), ChartKind.HORIZONTAL_BAR, "without a time bucket"),
        argumentSet("stacked bars of an average", twoDimensions(10, 8, false), ChartKind.STACKED_BAR, "additive"),
        argumentSet("vertical bars of 30 averages", byCountry(30, false), ChartKind.BAR, "horizontal"),
        argumentSet("a line of an empty answer", answer().time("t", Granularity.DAY, "UTC").sum("count", null),
            ChartKind.LINE, "no rows"));
  }

  @ParameterizedTest
  @MethodSource("kindsThatCannotShowTheData")
  void aKindThatCannotShowTheDataIsRefusedNamingChartType(Answers answer, ChartKind kind, String why) {
    assertThatThrownBy(() -> answer.chart(kind))
        .isInstanceOfSatisfying(Unprocessable.class, e -> {
          assertThat(e.code()).isEqualTo(ProblemCode.INVALID_QUERY);
          assertThat(e.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.pointer()).isEqualTo("/chart/type");
            assertThat(issue.message()).contains(why).contains("the types that fit: ").contains("table");
          });
        });
  }

  @AfterAll
  static void everyKindButWaterfallIsReachableForAQuery() {
    assertThat(DRAWN).containsAll(EnumSet.complementOf(EnumSet.of(ChartKind.WATERFALL)));
  }

  static void drawn(TestInfo info, ChartOutcome chart) {
    DRAWN.add(chart.type());
    ChartFiles.write("query-" + chart.type().apiName() + "-" + slug(info.getDisplayName()), chart);
  }

  static String slug(String words) {
    return words.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
