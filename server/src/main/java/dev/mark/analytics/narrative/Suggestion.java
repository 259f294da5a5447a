package dev.mark.analytics.narrative;

import java.util.Map;

/**
 * A next question and the request that asks it, ready to send with {@code POST}.
 *
 * @param operation {@code queryDataset} or {@code explainDataset}
 * @param path e.g. {@code /v1/datasets/ds_…/explain}
 * @param body the request's JSON body, as maps, lists, strings and numbers
 */
public record Suggestion(String text, String operation, String path, Map<String, Object> body) {

  static Suggestion query(String text, String datasetId, Map<String, Object> body) {
    return new Suggestion(text, "queryDataset", "/v1/datasets/" + datasetId + "/query", body);
  }

  static Suggestion explain(String text, String datasetId, Map<String, Object> body) {
    return new Suggestion(text, "explainDataset", "/v1/datasets/" + datasetId + "/explain", body);
  }
}
