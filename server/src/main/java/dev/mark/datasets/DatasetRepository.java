package dev.mark.datasets;

import static dev.mark.db.Tables.DATASETS;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.primaryKey;
import static org.jooq.impl.DSL.val;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.impl.SQLDataType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The catalogue of datasets, and the typed table that holds each one's rows in the
 * {@code dataset_rows} schema. Names of user columns reach SQL only through jOOQ's quoting.
 */
final class DatasetRepository {

  static final String ROWS_SCHEMA = "dataset_rows";
  /** The row-order column every rows table has; user column names cannot start with '_'. */
  static final String ROW_ID = "_row_id";
  /** The first key of datasets' advisory locks ("MKDS"); the second is a hash of the ID. */
  private static final int DATASET_LOCKS = 0x4d4b4453;

  /** A column as kept in {@code datasets.columns}; notes absent from older rows read as none. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record StoredColumn(
      String name, String type, boolean required, String description, String unit, String favorable) {}

  private final ObjectMapper mapper;

  DatasetRepository(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** How many datasets the account holds, in both environments. */
  int countOfAccount(DSLContext dsl, String accountId) {
    return dsl.fetchCount(DATASETS, DATASETS.ACCOUNT_ID.eq(accountId));
  }

  void insert(DSLContext dsl, Owner owner, DatasetRecord dataset, String tableName) {
    dsl.insertInto(DATASETS)
        .set(DATASETS.ID, dataset.id())
        .set(DATASETS.ACCOUNT_ID, owner.accountId())
        .set(DATASETS.ENVIRONMENT, owner.environment())
        .set(DATASETS.NAME, dataset.name())
        .set(DATASETS.DESCRIPTION, dataset.description().orElse(null))
        .set(DATASETS.COLUMNS, columnsJson(dataset.columns()))
        .set(DATASETS.TABLE_NAME, tableName)
        .set(DATASETS.CREATED_AT, dataset.createdAt())
        .set(DATASETS.UPDATED_AT, dataset.updatedAt())
        .execute();
  }

  void createRowsTable(DSLContext dsl, String tableName, List<ColumnSpec> columns) {
    CreateTableElementListStep table = dsl.createTable(name(ROWS_SCHEMA, tableName))
        .column(ROW_ID, SQLDataType.BIGINT.identity(true));
    for (ColumnSpec column : columns) {
      table = table.column(name(column.name()), column.type().sqlType().nullable(true));
    }
    table.constraints(primaryKey(ROW_ID)).execute();
    for (ColumnSpec column : columns) {
      if (column.type() == ValueType.DATE || column.type() == ValueType.TIMESTAMP) {
        // BRIN, measured by bench/time-index.sh: on rows that arrive in time order a one-week
        // query reads ~10x less, and COPY pays nothing for it (a B-tree slows random-order
        // ingest by ~40%)
        dsl.execute("create index on {0} using brin ({1})",
            name(ROWS_SCHEMA, tableName), name(column.name()));
      }
    }
  }

  Optional<DatasetRecord> find(DSLContext dsl, Owner owner, String id) {
    return dsl.selectFrom(DATASETS)
        .where(DATASETS.ID.eq(id))
        .and(DATASETS.ACCOUNT_ID.eq(owner.accountId()))
        .and(DATASETS.ENVIRONMENT.eq(owner.environment()))
        .fetchOptional(this::toDataset);
  }

  Optional<StoredDataset> findStored(DSLContext dsl, Owner owner, String id) {
    return dsl.selectFrom(DATASETS)
        .where(DATASETS.ID.eq(id))
        .and(DATASETS.ACCOUNT_ID.eq(owner.accountId()))
        .and(DATASETS.ENVIRONMENT.eq(owner.environment()))
        .fetchOptional(r -> new StoredDataset(toDataset(r), r.get(DATASETS.TABLE_NAME)));
  }

  /**
   * Holds dataset {@code id} for reading until {@code tx} ends: a delete waits for the readers
   * that hold it, and readers that come after a waiting delete wait for it. Take it before
   * looking the dataset up, so that the lookup sees any delete that went first.
   *
   * <p>An advisory lock rather than a row lock on the catalogue: PostgreSQL queues lock-manager
   * locks in order, while a steady stream of readers sharing a row lock can keep a delete waiting
   * for ever. The lock's number is a hash of the ID; two datasets sharing one only wait on each
   * other's deletes.
   */
  void holdForReading(DSLContext tx, String id) {
    tx.select(function("pg_advisory_xact_lock_shared", Object.class, inline(DATASET_LOCKS), hashOf(id))).fetch();
  }

  /** Holds dataset {@code id} until {@code tx} ends, once no reader holds it: see {@link #holdForReading}. */
  void holdForDeleting(DSLContext tx, String id) {
    tx.select(function("pg_advisory_xact_lock", Object.class, inline(DATASET_LOCKS), hashOf(id))).fetch();
  }

  private static Field<Integer> hashOf(String id) {
    return function("hashtext", Integer.class, val(id));
  }

  /** Adds {@code added} to a dataset's row count, stamps it updated at {@code now}; returns it. */
  DatasetRecord countAdded(DSLContext dsl, String id, long added, OffsetDateTime now) {
    return dsl.update(DATASETS)
        .set(DATASETS.ROW_COUNT, DATASETS.ROW_COUNT.plus(added))
        .set(DATASETS.UPDATED_AT, now)
        .where(DATASETS.ID.eq(id))
        .returning()
        .fetchSingle(this::toDataset);
  }

  /** Up to {@code limit} datasets, newest first, older than {@code beforeId} if given. */
  List<DatasetRecord> page(DSLContext dsl, Owner owner, Optional<String> beforeId, int limit) {
    return dsl.selectFrom(DATASETS)
        .where(DATASETS.ACCOUNT_ID.eq(owner.accountId()))
        .and(DATASETS.ENVIRONMENT.eq(owner.environment()))
        .and(beforeId.map(DATASETS.ID::lt).orElse(noCondition()))
        .orderBy(DATASETS.ID.desc())
        .limit(limit)
        .fetch(this::toDataset);
  }

  /** Deletes a dataset's catalogue row; returns the name of its rows table, if it existed. */
  Optional<String> delete(DSLContext dsl, Owner owner, String id) {
    return dsl.deleteFrom(DATASETS)
        .where(DATASETS.ID.eq(id))
        .and(DATASETS.ACCOUNT_ID.eq(owner.accountId()))
        .and(DATASETS.ENVIRONMENT.eq(owner.environment()))
        .returningResult(DATASETS.TABLE_NAME)
        .fetchOptional(Record1::value1);
  }

  void dropRowsTable(DSLContext dsl, String tableName) {
    dsl.dropTable(name(ROWS_SCHEMA, tableName)).execute();
  }

  private DatasetRecord toDataset(Record r) {
    return new DatasetRecord(
        r.get(DATASETS.ID),
        r.get(DATASETS.NAME),
        Optional.ofNullable(r.get(DATASETS.DESCRIPTION)),
        columns(r.get(DATASETS.COLUMNS)),
        r.get(DATASETS.ROW_COUNT),
        r.get(DATASETS.CREATED_AT),
        r.get(DATASETS.UPDATED_AT));
  }

  private JSONB columnsJson(List<ColumnSpec> columns) {
    List<StoredColumn> stored = columns.stream()
        .map(c -> new StoredColumn(
            c.name(),
            c.type().apiName(),
            c.required(),
            c.notes().description().orElse(null),
            c.notes().unit().orElse(null),
            c.notes().favorable() == Favorable.NONE ? null : c.notes().favorable().apiName()))
        .toList();
    return JSONB.valueOf(mapper.writeValueAsString(stored));
  }

  private List<ColumnSpec> columns(JSONB json) {
    List<StoredColumn> stored = mapper.readValue(json.data(), new TypeReference<>() {});
    return stored.stream()
        .map(c -> new ColumnSpec(
            c.name(),
            ValueType.fromApiName(c.type()),
            c.required(),
            new ColumnNotes(
                Optional.ofNullable(c.description()),
                Optional.ofNullable(c.unit()),
                c.favorable() == null ? Favorable.NONE : Favorable.fromApiName(c.favorable()))))
        .toList();
  }
}
