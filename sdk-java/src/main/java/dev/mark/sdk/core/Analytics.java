package dev.mark.sdk.core;

import dev.mark.sdk.model.QueryRequest;
import dev.mark.sdk.model.QueryResult;
import java.util.Map;

/** {@code client.analytics()}: metrics computed over a dataset's rows. Thread-safe. */
public final class Analytics {
  private final Transport transport;

  Analytics(Transport transport) {
    this.transport = transport;
  }

  /** Computes measures, grouped by dimensions and a time bucket, over the filtered rows. */
  public MarkResponse<QueryResult> query(String datasetId, QueryRequest query) {
    return query(datasetId, query, RequestOptions.NONE);
  }

  public MarkResponse<QueryResult> query(String datasetId, QueryRequest query, RequestOptions options) {
    return transport.send("POST", Paths.dataset(datasetId, "/query"), Map.of(), transport.json(query), options,
        transport.type(QueryResult.class));
  }
}
