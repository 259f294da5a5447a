package dev.mark.sdk.core;

import com.fasterxml.jackson.databind.JavaType;
import dev.mark.sdk.model.IngestResult;
import dev.mark.sdk.model.IngestRowsRequest;
import java.util.List;
import java.util.Map;

/**
 * {@code client.rows()}: the rows of a dataset. Ingest is all or nothing (one bad value and a
 * {@link ValidationException} lists each by pointer, nothing written) and safe to retry: every
 * attempt carries the same Idempotency-Key. Thread-safe.
 */
public final class Rows {
  private final Transport transport;

  Rows(Transport transport) {
    this.transport = transport;
  }

  /** Appends rows given as column name to value (dates and timestamps as ISO strings). */
  public MarkResponse<IngestResult> ingest(String datasetId, List<Map<String, Object>> rows) {
    return ingest(datasetId, rows, RequestOptions.NONE);
  }

  public MarkResponse<IngestResult> ingest(String datasetId, List<Map<String, Object>> rows, RequestOptions options) {
    Transport.Body body = transport.json(new IngestRowsRequest().rows(rows));
    return transport.send("POST", Paths.dataset(datasetId, "/rows"), Map.of(), body, options, transport.type(IngestResult.class));
  }

  /** Appends rows given as CSV text: a header row naming the columns, then one line per row. */
  public MarkResponse<IngestResult> ingestCsv(String datasetId, String csv) {
    return ingestCsv(datasetId, csv, RequestOptions.NONE);
  }

  public MarkResponse<IngestResult> ingestCsv(String datasetId, String csv, RequestOptions options) {
    Transport.Body body = Transport.Body.text(csv, "text/csv");
    return transport.send("POST", Paths.dataset(datasetId, "/rows"), Map.of(), body, options, transport.type(IngestResult.class));
  }

  /** The first page of rows, in the order they were added; iterate it to walk all of them. */
  public Page<Map<String, Object>> list(String datasetId) {
    return list(datasetId, ListParams.FIRST_PAGE, RequestOptions.NONE);
  }

  public Page<Map<String, Object>> list(String datasetId, ListParams params, RequestOptions options) {
    JavaType row = transport.type(Map.class);
    return Lists.page(transport, Paths.dataset(datasetId, "/rows"), params.limitOrNull(), params.cursorOrNull(), options, row);
  }
}
