package dev.mark.datasets;

import static dev.mark.db.Tables.DATASETS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The rows of datasets, in their typed tables: bulk insert with PostgreSQL COPY (jOOQ has no
 * COPY API, so PgJDBC's CopyManager runs on the transaction's own connection), and reads in
 * insertion order. Table and column names reach SQL only as identifiers quoted by jOOQ.
 */
final class RowsRepository {

  /** A page of rows and, for each, its {@code _row_id}. */
  record RowPage(List<Map<String, Object>> rows, List<Long> rowIds) {}

  /** Locks a dataset's catalogue row for this transaction; empty if it is gone. */
  boolean lock(DSLContext tx, String datasetId) {
    return tx.selectOne()
        .from(DATASETS)
        .where(DATASETS.ID.eq(datasetId))
        .forUpdate()
        .fetchOptional()
        .isPresent();
  }

  /**
   * Appends rows with COPY, streaming them to PostgreSQL as {@code producer} writes them.
   * If the producer throws, the COPY is cancelled (and the caller's transaction rolls back).
   *
   * @return how many rows PostgreSQL wrote
   */
  long copy(DSLContext tx, String tableName, List<ColumnSpec> columns, Consumer<CopySink> producer) {
    String columnList = columns.stream()
        .map(c -> tx.render(name(c.name())))
        .collect(Collectors.joining(", "));
    String sql = "COPY " + tx.render(name(DatasetRepository.ROWS_SCHEMA, tableName))
        + " (" + columnList + ") FROM STDIN";
    // a COPY of a bulk body (up to 64 MiB) may rightly outlast the main pool's statement
    // timeout; the socket timeout still bounds each wait for the database's answer
    tx.execute("set local statement_timeout = 0");
    long copied = tx.connectionResult(connection -> {
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      try {
        producer.accept(rows -> {
          byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);
          try {
            copy.writeToCopy(bytes, 0, bytes.length);
          } catch (SQLException e) {
            throw new DataAccessException("COPY into " + tableName + " failed", e);
          }
        });
        return copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    });
    tx.execute("set local statement_timeout to default");
    return copied;
  }

  /** Up to {@code limit} rows after {@code afterRowId}, in insertion order. */
  RowPage page(DSLContext dsl, String tableName, List<ColumnSpec> columns, long afterRowId, int limit) {
    Field<Long> rowId = field(name(DatasetRepository.ROW_ID), SQLDataType.BIGINT);
    List<Field<?>> fields = new ArrayList<>();
    fields.add(rowId);
    columns.forEach(c -> fields.add(field(name(c.name()), c.type().sqlType())));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Long> rowIds = new ArrayList<>();
    for (Record record : dsl.select(fields)
        .from(table(name(DatasetRepository.ROWS_SCHEMA, tableName)))
        .where(rowId.gt(afterRowId))
        .orderBy(rowId)
        .limit(limit)
        .fetch()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i).name(), record.get(i + 1));
      }
      rows.add(row);
      rowIds.add(record.get(rowId));
    }
    return new RowPage(rows, rowIds);
  }
}
