package dev.mark.datasets;

import dev.mark.platform.contract.ApiContract;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.NotFound;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.json.JsonProblems;
import dev.mark.platform.json.StrictUtf8;
import dev.mark.platform.pagination.Cursors;
import dev.mark.platform.security.Principal;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectMapper;

/**
 * Adds rows to datasets and reads them back. One transaction locks the dataset, streams the
 * rows into COPY as they are checked (so PostgreSQL stores rows while later ones are read), and
 * updates the row count; an invalid row anywhere rolls it all back, so a request writes all its
 * rows or none. Once it ends, the dataset service hears of the change, so that this node shows
 * the new row count at once.
 */
public final class RowsService {

  /** The outcome of an ingest: how many rows were added, and the dataset after. */
  public record Ingested(long inserted, DatasetRecord dataset) {}

  /** A page of rows and the cursor of the next page, if any. */
  public record RowsPage(List<Map<String, Object>> rows, Optional<String> nextCursor) {}

  private final Transactions transactions;
  private final ObjectMapper mapper;
  private final DatasetRepository datasets;
  private final RowsRepository rows = new RowsRepository();
  private final DatasetService datasetService;
  private final Clock clock;
  private final int maxRowsPerRequest;
  private final IngestShape jsonShape;

  /** @param contract where the shape of a JSON ingest body is read from (its {@code IngestRowsRequest}) */
  public RowsService(Transactions transactions, ObjectMapper mapper, DatasetService datasetService,
      Clock clock, int maxRowsPerRequest, ApiContract contract) {
    this.transactions = transactions;
    this.jsonShape = IngestShape.read(contract, mapper);
    this.mapper = mapper;
    this.datasets = new DatasetRepository(mapper);
    this.datasetService = datasetService;
    this.clock = clock;
    this.maxRowsPerRequest = maxRowsPerRequest;
  }

  /**
   * Adds rows given as JSON ({@code {"rows": [{...}, ...]}}), read as a stream: checked against
   * the contract's shape and the columns as they come, and refused as soon as a cap is crossed.
   */
  public Ingested ingestJson(Principal caller, String datasetId, InputStream json) {
    StoredDataset stored = find(caller, datasetId);
    List<ColumnSpec> columns = stored.dataset().columns();
    return write(caller, stored, sink -> {
      try (JsonParser parser = mapper.createParser(new StrictUtf8(json))) {
        JsonRows.copy(columns, jsonShape, parser, maxRowsPerRequest, sink);
      } catch (NumberFormatException e) {
        // a number Jackson cannot read outside a row's value
        throw new BadRequest(ProblemCode.MALFORMED_JSON, "The body holds a number that cannot be read.", List.of());
      } catch (JacksonException e) {
        throw JsonProblems.malformed(e);
      }
    });
  }

  /** Adds rows given as CSV with a header row, read as a stream. */
  public Ingested ingestCsv(Principal caller, String datasetId, InputStream csv) {
    StoredDataset stored = find(caller, datasetId);
    List<ColumnSpec> columns = stored.dataset().columns();
    return write(caller, stored, sink -> CsvRows.copy(columns, csv, maxRowsPerRequest, sink));
  }

  /** Rows in insertion order, after the row the cursor names. */
  public RowsPage list(Principal caller, String datasetId, int limit, Optional<String> cursor) {
    long after = cursor.map(Cursors::decodeRow).orElse(0L);
    // the dataset is looked up and held in the read's own transaction: one deleted meanwhile is
    // a 404, never a read of a table that was just dropped
    RowsRepository.RowPage page = transactions.inTransaction(tx -> {
      datasets.holdForReading(tx, datasetId);
      StoredDataset stored = datasets.findStored(tx, owner(caller), datasetId)
          .orElseThrow(() -> notFound(datasetId));
      return rows.page(tx, stored.tableName(), stored.dataset().columns(), after, limit + 1);
    });
    if (page.rows().size() <= limit) {
      return new RowsPage(page.rows(), Optional.empty());
    }
    // one row more than asked was fetched, to learn whether there is a next page
    return new RowsPage(page.rows().subList(0, limit),
        Optional.of(Cursors.encodeRow(page.rowIds().get(limit - 1))));
  }

  /** Runs {@code producer}, which checks rows and streams them to COPY, in one transaction. */
  private Ingested write(Principal caller, StoredDataset stored, Consumer<CopySink> producer) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MILLIS);
    String id = stored.dataset().id();
    try {
      // waits for another ingest of the dataset, whose COPY may take a while
      return transactions.inPatientTransaction(tx -> {
        if (!rows.lock(tx, id)) {
          throw notFound(id);
        }
        long inserted = rows.copy(tx, stored.tableName(), stored.dataset().columns(), producer);
        return new Ingested(inserted, datasets.countAdded(tx, id, inserted, now));
      });
    } finally {
      datasetService.changed(owner(caller), id);
    }
  }

  private StoredDataset find(Principal caller, String datasetId) {
    return datasets.findStored(transactions.reads(), owner(caller), datasetId)
        .orElseThrow(() -> notFound(datasetId));
  }

  private static Owner owner(Principal caller) {
    return new Owner(caller.accountId(), caller.environment());
  }

  private static NotFound notFound(String id) {
    return new NotFound(ProblemCode.NOT_FOUND, "There is no dataset " + id + ".");
  }
}
