package dev.mark.datasets;

import dev.mark.plans.PlanCatalog;
import dev.mark.platform.config.CacheConfig;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.NotFound;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.platform.ids.Ids;
import dev.mark.platform.pagination.Cursors;
import dev.mark.platform.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import tools.jackson.databind.ObjectMapper;

/**
 * Datasets of one account: creation (catalogue row and typed rows table in one transaction),
 * lookup, cursor-paginated listing and deletion. A dataset of another account, or of the other
 * environment, does not exist as far as a caller can tell. Lookups by ID go through a
 * {@link DatasetCache}; whatever changes a dataset calls {@link #changed} once it has committed.
 */
public final class DatasetService {

  private static final String PREFIX = "ds";

  private final Transactions transactions;
  private final DatasetRepository repository;
  private final DatasetCache cache;
  private final DatasetQuota quota;
  private final Clock clock;

  /**
   * @param caches how long, and how many, datasets are kept in memory
   * @param plans the caps on an account's datasets and their columns
   */
  public DatasetService(Transactions transactions, ObjectMapper mapper, CacheConfig caches,
      PlanCatalog plans, Clock clock) {
    this.transactions = transactions;
    this.repository = new DatasetRepository(mapper);
    this.quota = new DatasetQuota(plans, repository);
    this.cache = new DatasetCache(caches.datasetTtl(), caches.datasetEntries(),
        (owner, id) -> repository.find(transactions.reads(), owner, id));
    this.clock = clock;
  }

  /**
   * Creates a dataset and its rows table.
   *
   * @throws Unprocessable when column names repeat, use the reserved leading underscore or are
   *     PostgreSQL's system columns, or there are more columns than the plan allows
   * @throws dev.mark.platform.errors.Conflict {@code dataset_limit_reached} when the account
   *     holds as many datasets as its plan allows
   */
  public DatasetRecord create(Principal caller, DatasetDraft draft) {
    checkColumns(draft.columns());
    quota.checkColumns(caller, draft.columns());
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MILLIS);
    String id = Ids.next(PREFIX);
    DatasetRecord dataset = new DatasetRecord(
        id, draft.name(), draft.description(), draft.columns(), 0, now, now);
    return transactions.inTransaction(tx -> {
      quota.requireRoom(tx, caller);
      String tableName = id.toLowerCase();
      repository.insert(tx, owner(caller), dataset, tableName);
      repository.createRowsTable(tx, tableName, draft.columns());
      return dataset;
    });
  }

  /**
   * The dataset as of at most the cache's TTL ago, or as of the last change made through this
   * node, whichever is later.
   *
   * @throws NotFound when the caller has no such dataset
   */
  public DatasetRecord get(Principal caller, String id) {
    return cache.get(owner(caller), id).orElseThrow(() -> notFound(id));
  }

  /**
   * Where a dataset's rows are, for modules that read them (analytics), looked up in the
   * reader's transaction {@code tx} and held until it ends: a delete of the dataset waits for
   * the reader, and a dataset deleted before is not found, so the table is there for the whole
   * transaction. Not cached: it must be the database's answer in that transaction.
   *
   * @throws NotFound when the caller has no such dataset
   */
  public RowsTable rowsTable(DSLContext tx, Principal caller, String id) {
    repository.holdForReading(tx, id);
    StoredDataset stored = repository.findStored(tx, owner(caller), id)
        .orElseThrow(() -> notFound(id));
    return new RowsTable(DatasetRepository.ROWS_SCHEMA, stored.tableName(), stored.dataset().columns());
  }

  /**
   * One page of the caller's datasets, newest first.
   *
   * @param cursor the {@code next_cursor} of the previous page, if any
   * @throws BadRequest when the cursor was not made by this API
   */
  public DatasetPage list(Principal caller, int limit, Optional<String> cursor) {
    Optional<String> before = cursor.map(c -> Cursors.decode(c, PREFIX));
    List<DatasetRecord> rows = repository.page(transactions.reads(), owner(caller), before, limit + 1);
    if (rows.size() <= limit) {
      return new DatasetPage(rows, Optional.empty());
    }
    List<DatasetRecord> page = rows.subList(0, limit);
    return new DatasetPage(page, Optional.of(Cursors.encode(page.getLast().id())));
  }

  /** Deletes a dataset and its rows. @throws NotFound when the caller has no such dataset */
  public void delete(Principal caller, String id) {
    Owner owner = owner(caller);
    try {
      // waits for the queries that read the dataset, which may run up to the query timeout
      transactions.inPatientTransaction(tx -> {
        repository.holdForDeleting(tx, id);
        String tableName = repository.delete(tx, owner, id).orElseThrow(() -> notFound(id));
        repository.dropRowsTable(tx, tableName);
        return null;
      });
    } finally {
      changed(owner, id);
    }
  }

  /**
   * Makes this node read dataset {@code id} of {@code owner} from the database again. Call it
   * after the change has committed (or failed with an unknown outcome), never before: a read
   * between an early call and the commit would cache the old dataset again.
   */
  void changed(Owner owner, String id) {
    // and again once a transaction this one joined (an idempotent request's) has ended
    cache.invalidate(owner, id);
    transactions.afterTransaction(() -> cache.invalidate(owner, id));
  }

  /**
   * PostgreSQL's system columns: every table has them, so a user column of the same name cannot
   * be created (https://www.postgresql.org/docs/current/ddl-system-columns.html).
   */
  private static final List<String> SYSTEM_COLUMNS = List.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid");

  private static void checkColumns(List<ColumnSpec> columns) {
    List<FieldIssue> issues = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      String pointer = "/columns/" + i + "/name";
      if (name.startsWith("_")) {
        issues.add(FieldIssue.body(pointer, "reserved", name + " is reserved: names starting with _ are Mark's own"));
      } else if (SYSTEM_COLUMNS.contains(name)) {
        issues.add(FieldIssue.body(pointer, "reserved", name + " is reserved: PostgreSQL gives every table a column "
            + name + "; the reserved names are " + String.join(", ", SYSTEM_COLUMNS)));
      } else if (!seen.add(name)) {
        issues.add(FieldIssue.body(pointer, "duplicate", name + " is declared more than once"));
      }
    }
    if (!issues.isEmpty()) {
      throw new Unprocessable(ProblemCode.INVALID_DATASET, "The columns of the dataset are not valid.", issues);
    }
  }

  private static Owner owner(Principal caller) {
    return new Owner(caller.accountId(), caller.environment());
  }

  private static NotFound notFound(String id) {
    return new NotFound(ProblemCode.NOT_FOUND, "There is no dataset " + id + ".");
  }
}
