package dev.mark.datasets;

import dev.mark.api.RowsApi;
import dev.mark.api.model.IngestResult;
import dev.mark.api.model.RowList;
import dev.mark.platform.http.ApiCall;
import dev.mark.platform.json.Rfc3339;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code rows} operations: JSON or CSV in, pages of rows out. The binder has filled in the
 * contract's default {@code limit}.
 */
public final class RowsHandler implements RowsApi {

  private final RowsService rows;

  public RowsHandler(RowsService rows) {
    this.rows = rows;
  }

  @Override
  public IngestResult ingestRows(ApiCall call, String datasetId, ObjectNode request,
      String idempotencyKey) {
    // a bulk body: the binder passes no tree (request is null) and the service streams the bytes
    RowsService.Ingested ingested = call.rawBody().isJson()
        ? rows.ingestJson(call.principal(), datasetId, call.rawBody().stream())
        : rows.ingestCsv(call.principal(), datasetId, call.rawBody().stream());
    return new IngestResult(ingested.inserted(), DatasetsHandler.toModel(ingested.dataset()));
  }

  @Override
  public RowList listRows(ApiCall call, String datasetId, Integer limit, String cursor) {
    RowsService.RowsPage page = rows.list(call.principal(), datasetId,
        limit, Optional.ofNullable(cursor));
    return new RowList(
        page.rows().stream().map(RowsHandler::toJson).toList(),
        page.nextCursor().isPresent(),
        page.nextCursor().orElse(null));
  }

  /** Stored values as the API writes them: dates and RFC 3339 timestamps as strings. */
  private static ObjectNode toJson(Map<String, Object> row) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    row.forEach((name, value) -> {
      switch (value) {
        case null -> json.putNull(name);
        case String text -> json.put(name, text);
        case BigDecimal number -> json.put(name, number);
        case Long number -> json.put(name, number);
        case Boolean bool -> json.put(name, bool);
        case OffsetDateTime time -> json.put(name, Rfc3339.utc(time));
        case LocalDate date -> json.put(name, date.toString());
        default -> throw new IllegalStateException("no JSON form for " + value.getClass());
      }
    });
    return json;
  }
}
