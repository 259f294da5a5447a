package dev.mark.analytics;

import dev.mark.analytics.explain.ExplainOutcome;
import dev.mark.analytics.narrative.Narrative;
import dev.mark.analytics.narrative.Narrator;
import dev.mark.analytics.narrative.QueryAsked;
import dev.mark.api.model.ExplainRequest;
import dev.mark.api.model.NarrativeStatement;
import dev.mark.api.model.QueryRequest;
import dev.mark.api.model.StatementKind;
import dev.mark.api.model.SuggestedRequest;
import dev.mark.api.model.Suggestion;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.DatasetService;
import dev.mark.datasets.ValueType;
import dev.mark.platform.http.ApiCall;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The narratives of the analytics answers as API models: gives the narrator the request as
 * JSON values and the dataset's time columns, and maps what it writes to the generated models.
 * A suggestion's body, built as JSON values, becomes the typed request its operation takes.
 */
final class QueryNarration {

  private final Narrator narrator = new Narrator();
  private final DatasetService datasets;
  private final ObjectMapper mapper;

  QueryNarration(DatasetService datasets, ObjectMapper mapper) {
    this.datasets = datasets;
    this.mapper = mapper;
  }

  dev.mark.api.model.Narrative forQuery(ApiCall call, String datasetId, QueryOutcome outcome) {
    List<String> timeColumns = outcome.time().isPresent() ? List.of()
        : datasets.get(call.principal(), datasetId).columns().stream()
            .filter(c -> c.type() == ValueType.DATE || c.type() == ValueType.TIMESTAMP)
            .map(ColumnSpec::name)
            .toList();
    @SuppressWarnings("unchecked")
    Map<String, Object> body = call.body(Map.class);
    return toModel(narrator.forQuery(outcome, new QueryAsked(datasetId, body, timeColumns)));
  }

  /** The narrative of an explain, for {@code explainDataset} when {@code include} asks for it. */
  dev.mark.api.model.Narrative forExplain(ApiCall call, ExplainOutcome outcome) {
    @SuppressWarnings("unchecked")
    Map<String, Object> body = call.body(Map.class);
    return toModel(narrator.forExplain(outcome, body));
  }

  private dev.mark.api.model.Narrative toModel(Narrative narrative) {
    return new dev.mark.api.model.Narrative(
        narrative.catalogueVersion(),
        narrative.headline(),
        narrative.statements().stream()
            .map(s -> new NarrativeStatement(kind(s.kind()), s.text(), s.values(), s.importance()))
            .toList(),
        narrative.suggestions().stream()
            .map(s -> new Suggestion(s.text(), toModel(s)))
            .toList());
  }

  // the narrator builds only valid bodies, so a body the model cannot hold is a bug: a 500
  private SuggestedRequest toModel(dev.mark.analytics.narrative.Suggestion s) {
    boolean query = s.operation().equals(dev.mark.analytics.narrative.Suggestion.QUERY);
    return new SuggestedRequest(
        SuggestedRequest.OperationEnum.fromValue(s.operation()),
        SuggestedRequest.MethodEnum.POST,
        s.path(),
        s.datasetId(),
        query ? mapper.convertValue(s.body(), QueryRequest.class) : null,
        query ? null : mapper.convertValue(s.body(), ExplainRequest.class));
  }

  private static StatementKind kind(dev.mark.analytics.narrative.StatementKind kind) {
    return switch (kind) {
      case PERIOD_CHANGE -> StatementKind.PERIOD_CHANGE;
      case TREND -> StatementKind.TREND;
      case RECORD -> StatementKind.RECORD;
      case TOP_CONTRIBUTOR -> StatementKind.TOP_CONTRIBUTOR;
      case TOP_DETRACTOR -> StatementKind.TOP_DETRACTOR;
      case OFFSET -> StatementKind.OFFSET;
      case CONCENTRATION -> StatementKind.CONCENTRATION;
      case OUTLIER -> StatementKind.OUTLIER;
      case MIX_SHIFT -> StatementKind.MIX_SHIFT;
      case FLAT -> StatementKind.FLAT;
      case CAVEAT -> StatementKind.CAVEAT;
    };
  }
}
