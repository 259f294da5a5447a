package dev.mark.datasets;

import dev.mark.api.RowsApi;
import dev.mark.api.model.IngestResult;
import dev.mark.api.model.IngestRowsRequest;
import dev.mark.api.model.RowList;
import dev.mark.platform.http.ApiCall;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code rows} operations: JSON or CSV in, pages of rows out. */
public final class RowsHandler implements RowsApi {

  private static final int DEFAULT_PAGE_SIZE = 100;

  private final RowsService rows;

  public RowsHandler(RowsService rows) {
    this.rows = rows;
  }

  @Override
  public IngestResult ingestRows(ApiCall call, String datasetId, IngestRowsRequest request,
      String idempotencyKey) {
    RowsService.Ingested ingested = request != null
        ? rows.ingestJson(call.principal(), datasetId, request.rows())
        : rows.ingestCsv(call.principal(), datasetId, call.rawBody().bytes());
    return new IngestResult(ingested.inserted(), DatasetsHandler.toModel(ingested.dataset()));
  }

  @Override
  public RowList listRows(ApiCall call, String datasetId, Integer limit, String cursor) {
    RowsService.RowsPage page = rows.list(call.principal(), datasetId,
        limit == null ? DEFAULT_PAGE_SIZE : limit, Optional.ofNullable(cursor));
    return new RowList(
        page.rows().stream().map(RowsHandler::toJson).toList(),
        page.nextCursor().isPresent(),
        page.nextCursor().orElse(null));
  }

  /** Stored values as the API writes them: dates and RFC 3339 timestamps as strings. */
  private static Map<String, Object> toJson(Map<String, Object> row) {
    Map<String, Object> json = new LinkedHashMap<>();
    row.forEach((name, value) -> json.put(name, switch (value) {
      case OffsetDateTime time -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
      case LocalDate date -> date.toString();
      case null -> null;
      default -> value;
    }));
    return json;
  }
}
