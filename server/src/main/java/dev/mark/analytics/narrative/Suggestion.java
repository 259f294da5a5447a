package dev.mark.analytics.narrative;

import java.util.Map;

/**
 * A next question and the request that asks it, ready to send with {@code POST}.
 *
 * @param operation {@code queryDataset} or {@code explainDataset}
 * @param datasetId the dataset the request asks, the {@code dataset_id} of its path
 * @param path e.g. {@code /v1/datasets/ds_…/explain}
 * @param body the request's JSON body, as maps, lists, strings and numbers: a {@code QueryRequest}
 *     for {@code queryDataset}, an {@code ExplainRequest} for {@code explainDataset}
 */
public record Suggestion(String text, String operation, String datasetId, String path, Map<String, Object> body) {

  public static final String QUERY = "queryDataset";
  public static final String EXPLAIN = "explainDataset";

  static Suggestion query(String text, String datasetId, Map<String, Object> body) {
    return new Suggestion(text, QUERY, datasetId, "/v1/datasets/" + datasetId + "/query", body);
  }

  static Suggestion explain(String text, String datasetId, Map<String, Object> body) {
    return new Suggestion(text, EXPLAIN, datasetId, "/v1/datasets/" + datasetId + "/explain", body);
  }
}
