package dev.mark.analytics;

import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import dev.mark.datasets.RowsTable;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Timeout;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/** Runs a {@link QueryPlan} on a dataset's rows table, under a statement timeout. */
final class QueryRepository {

  private static final String QUERY_CANCELED = "57014";

  /** The raw result: one array of values per output row, and the totals row if asked. */
  record RawResult(List<Object[]> rows, Optional<Object[]> totals) {}

  RawResult run(DSLContext tx, RowsTable rows, QueryPlan plan, int rowLimit, long timeoutMillis) {
    Table<?> table = table(name(rows.schema(), rows.table()));
    try {
      // SET LOCAL: the timeout ends with this transaction, not with the pooled connection
      tx.select(function("set_config", String.class,
              val("statement_timeout"), val(Long.toString(timeoutMillis)), inline(true)))
          .fetch();
      List<Object[]> result = tx.select(QuerySql.selectFields(plan))
          .from(table)
          .where(QuerySql.where(plan))
          .groupBy(QuerySql.groupBy(plan))
          .orderBy(QuerySql.orderBy(plan))
          .limit(rowLimit)
          .fetch()
          .map(Record::intoArray);
      Optional<Object[]> totals = plan.totals()
          ? Optional.of(tx.select(QuerySql.measureFields(plan))
              .from(table)
              .where(QuerySql.where(plan))
              .fetchSingle()
              .intoArray())
          : Optional.empty();
      return new RawResult(result, totals);
    } catch (DataAccessException e) {
      if (QUERY_CANCELED.equals(e.sqlState())) {
        throw new Timeout(ProblemCode.QUERY_TIMEOUT, "The query was stopped after " + timeoutMillis
            + " ms; narrow it with filters or a shorter period.");
      }
      throw e;
    }
  }
}
