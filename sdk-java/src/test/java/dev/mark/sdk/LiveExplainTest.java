package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.model.Aggregation;
import dev.mark.sdk.model.Chart;
import dev.mark.sdk.model.ChartType;
import dev.mark.sdk.model.Column;
import dev.mark.sdk.model.ColumnType;
import dev.mark.sdk.model.CreateDatasetRequest;
import dev.mark.sdk.model.DimensionExplanation;
import dev.mark.sdk.model.ExplainRequest;
import dev.mark.sdk.model.ExplainResult;
import dev.mark.sdk.model.Favorable;
import dev.mark.sdk.model.IncludePart;
import dev.mark.sdk.model.Measure;
import dev.mark.sdk.model.Narrative;
import dev.mark.sdk.model.NarrativeStatement;
import dev.mark.sdk.model.Period;
import dev.mark.sdk.model.QueryRequest;
import dev.mark.sdk.model.QueryResult;
import dev.mark.sdk.model.RootCause;
import dev.mark.sdk.model.Segment;
import dev.mark.sdk.model.StatementKind;
import dev.mark.sdk.model.SuggestedRequest;
import dev.mark.sdk.model.Suggestion;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Why revenue dropped, asked from Java against the real server: a dataset with one planted cause
 * (EMEA's web revenue falls to 40 % in November, every other leaf moves by a few euros), an
 * explain with its chart and narrative read through the typed models, and every suggested next
 * question sent back through the SDK as it came.
 */
@ExtendWith(LiveServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveExplainTest {

  private static final String[] REGIONS = {"EMEA", "APAC", "AMER", "LATAM"};
  private static final String[] CHANNELS = {"web", "store", "partner"};
  private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
  private static final Period OCTOBER = period("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z");
  private static final Period NOVEMBER = period("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z");

  private MarkClient mark;
  private String datasetId;
  private ExplainResult why;

  @BeforeAll
  void plantACauseAndExplainIt(LiveServer server) {
    mark = server.client().apiKey(server.apiKey()).build();
    datasetId = mark.datasets().create(new CreateDatasetRequest().name("Planted cause").columns(List.of(
        new Column().name("ordered_at").type(ColumnType.TIMESTAMP),
        new Column().name("region").type(ColumnType.STRING),
        new Column().name("channel").type(ColumnType.STRING),
        new Column().name("device").type(ColumnType.STRING),
        new Column().name("revenue").type(ColumnType.NUMBER).unit("EUR").favorable(Favorable.UP)))).data().getId();
    mark.rows().ingest(datasetId, rows());
    why = mark.analytics().explain(datasetId, new ExplainRequest()
        .measure(new Measure().agg(Aggregation.SUM).column("revenue"))
        .baseline(OCTOBER)
        .current(NOVEMBER)
        .include(Set.of(IncludePart.CHART, IncludePart.NARRATIVE))).data();
  }

  /** One order per region × channel × device and month (36 leaves); EMEA web falls to 40 % in November. */
  private static List<Map<String, Object>> rows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int month : new int[] {10, 11}) {
      for (int r = 0; r < REGIONS.length; r++) {
        for (int c = 0; c < CHANNELS.length; c++) {
          for (int d = 0; d < DEVICES.length; d++) {
            double revenue = 1000 + 100 * r + 70 * c + 40 * d + ((month * 13 + r * 7 + c * 5 + d * 3) % 9) * 4;
            if (month == 11 && r == 0 && c == 0) {
              revenue *= 0.4;
            }
            rows.add(Map.of("ordered_at", "2026-%02d-10T12:00:00Z".formatted(month), "region", REGIONS[r],
                "channel", CHANNELS[c], "device", DEVICES[d], "revenue", BigDecimal.valueOf(revenue)));
          }
        }
      }
    }
    return rows;
  }

  @Test
  void theRootCauseIsThePlantedCombination() {
    assertThat(why.getChange()).isNegative();
    assertThat(why.getRootCauses()).isNotEmpty();
    RootCause first = why.getRootCauses().get(0);
    assertThat(first.getElements()).containsExactlyInAnyOrderEntriesOf(Map.of("region", "EMEA", "channel", "web"));
    assertThat(first.getChange()).isNegative();
    assertThat(first.getShareOfChange().doubleValue()).isGreaterThan(0.9);
    assertThat(first.getScore().doubleValue()).isBetween(0.0, 1.0);
  }

  @Test
  void eachDimensionsContributionsAddUpToTheChange() {
    assertThat(why.getAdditive()).isTrue();
    assertThat(why.getBaseline().getValue().subtract(why.getCurrent().getValue()).negate())
        .isEqualByComparingTo(why.getChange());
    assertThat(why.getDimensions()).extracting(DimensionExplanation::getDimension)
        .containsExactlyInAnyOrder("region", "channel", "device");
    double change = why.getChange().doubleValue();
    for (DimensionExplanation dimension : why.getDimensions()) {
      double sum = dimension.getSegments().stream().mapToDouble(s -> s.getContribution().doubleValue()).sum();
      assertThat(sum).as(dimension.getDimension()).isCloseTo(change, within(Math.abs(change) * 1e-9));
      assertThat(dimension.getResidual()).isEqualByComparingTo(BigDecimal.ZERO);
    }
    Segment emea = why.getDimensions().stream().filter(d -> d.getDimension().equals("region")).findFirst().orElseThrow()
        .getSegments().get(0);
    assertThat(emea.getValue()).as("largest contribution first").isEqualTo("EMEA");
    assertThat(emea.getShareBaseline().doubleValue()).isBetween(0.0, 1.0);
  }

  @Test
  void theChartIsAVegaLiteWaterfallOfTheContributions() {
    Chart chart = why.getChart();
    assertThat(chart.getType()).isEqualTo(ChartType.WATERFALL);
    assertThat(chart.getReason()).isNotBlank();
    assertThat(chart.getAlternatives()).isNotEmpty();
    assertThat(chart.getSpec()).containsEntry("$schema", "https://vega.github.io/schema/vega-lite/v6.json");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) chart.getSpec().get("data")).get("values");
    assertThat(steps.get(0)).containsEntry("step", "Baseline");
    assertThat(steps.get(steps.size() - 1)).containsEntry("step", "Current");
    assertThat(steps).anySatisfy(step -> assertThat(step).containsEntry("step", "EMEA"));
  }

  @Test
  void theNarrativeNamesTheCauseAndCallsTheDropBadNews() {
    Narrative narrative = why.getNarrative();
    assertThat(narrative.getCatalogueVersion()).isNotBlank();
    assertThat(narrative.getHeadline()).startsWith("Revenue fell").contains("EMEA web", "€", "bad news");
    assertThat(narrative.getStatements()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    // a 4 % drop, 99 % of it in one segment: the segment comes first
    NarrativeStatement top = narrative.getStatements().get(0);
    assertThat(top.getKind()).isEqualTo(StatementKind.TOP_DETRACTOR);
    assertThat(top.getValues()).containsEntry("segment", Map.of("region", "EMEA", "channel", "web"));
    assertThat(top.getText()).startsWith("EMEA web accounts for −€");
    assertThat(narrative.getStatements()).filteredOn(s -> s.getKind() == StatementKind.PERIOD_CHANGE)
        .singleElement().satisfies(s -> assertThat(new BigDecimal(s.getValues().get("change").toString()))
            .isEqualByComparingTo(why.getChange()));
  }

  @Test
  void everySuggestionIsSentBackThroughTheSdkAndAnswered() {
    List<Suggestion> suggestions = why.getNarrative().getSuggestions();
    assertThat(suggestions).isNotEmpty();
    Set<SuggestedRequest.OperationEnum> operations = new LinkedHashSet<>();
    for (Suggestion suggestion : suggestions) {
      SuggestedRequest request = suggestion.getRequest();
      operations.add(request.getOperation());
      assertThat(request.getDatasetId()).isEqualTo(datasetId);
      // the body comes typed, under the name of the operation that takes it
      Narrative answered = switch (request.getOperation()) {
        case EXPLAIN_DATASET -> {
          assertThat(request.getQuery()).isNull();
          assertThat(request.getPath()).isEqualTo("/v1/datasets/" + datasetId + "/explain");
          yield mark.analytics().explain(request.getDatasetId(), request.getExplain()).data().getNarrative();
        }
        case QUERY_DATASET -> {
          assertThat(request.getExplain()).isNull();
          assertThat(request.getPath()).isEqualTo("/v1/datasets/" + datasetId + "/query");
          yield mark.analytics().query(request.getDatasetId(), request.getQuery()).data().getNarrative();
        }
        default -> throw new AssertionError("an operation this SDK does not know: " + request.getOperation());
      };
      assertThat(answered.getHeadline()).as(suggestion.getText()).isNotBlank();
    }
    assertThat(operations).contains(SuggestedRequest.OperationEnum.EXPLAIN_DATASET);
  }

  @Test
  void aQueryByRegionComesWithItsBarChart() {
    QueryResult result = mark.analytics().query(datasetId, new QueryRequest()
        .measures(List.of(new Measure().agg(Aggregation.SUM).column("revenue")))
        .dimensions(List.of("region"))
        .include(Set.of(IncludePart.CHART))).data();

    Chart chart = result.getChart();
    assertThat(chart.getType()).isIn(ChartType.BAR, ChartType.HORIZONTAL_BAR);
    assertThat(chart.getReason()).isNotBlank();
    assertThat(chart.getSpec()).containsEntry("$schema", "https://vega.github.io/schema/vega-lite/v6.json");
    assertThat(result.getNarrative()).as("only what include asks for").isNull();

    QueryResult asked = mark.analytics().query(datasetId, new QueryRequest()
        .measures(List.of(new Measure().agg(Aggregation.SUM).column("revenue")))
        .dimensions(List.of("region"))
        .chart(new dev.mark.sdk.model.ChartRequest().type(ChartType.TABLE))).data();
    assertThat(asked.getChart().getType()).isEqualTo(ChartType.TABLE);
  }

  private static Period period(String from, String to) {
    return new Period().from(OffsetDateTime.parse(from)).to(OffsetDateTime.parse(to));
  }
}
