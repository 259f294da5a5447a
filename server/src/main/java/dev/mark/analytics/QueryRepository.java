package dev.mark.analytics;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.mark.datasets.RowsTable;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

/** Runs a {@link QueryPlan} on a dataset's rows table (the caller sets the statement timeout). */
final class QueryRepository {

  /** The raw result: one array of values per output row, and the totals row if asked. */
  record RawResult(List<Object[]> rows, Optional<Object[]> totals) {}

  RawResult run(DSLContext tx, RowsTable rows, QueryPlan plan) {
    Table<?> table = table(name(rows.schema(), rows.table()));
    boolean fill = plan.bucket().map(QueryPlan.PlannedBucket::fill).orElse(false);
    List<Object[]> result = fill ? filled(tx, table, plan) : grouped(tx, table, plan);
    Optional<Object[]> totals = plan.totals()
        ? Optional.of(tx.select(QuerySql.measureFields(plan))
            .from(table)
            .where(QuerySql.where(plan))
            .fetchSingle()
            .intoArray())
        : Optional.empty();
    return new RawResult(result, totals);
  }

  private static List<Object[]> grouped(DSLContext tx, Table<?> table, QueryPlan plan) {
    return tx.select(QuerySql.selectFields(plan))
        .from(table)
        .where(QuerySql.where(plan))
        .groupBy(QuerySql.groupBy(plan))
        .orderBy(QuerySql.orderBy(plan))
        .limit(plan.limit())
        .fetch()
        .map(Record::intoArray);
  }

  /** Rows with every bucket filled; the count of buckets that ends each row is checked and cut. */
  private static List<Object[]> filled(DSLContext tx, Table<?> table, QueryPlan plan) {
    List<Object[]> rows = new FillSql(plan).query(tx, table).fetch().map(Record::intoArray);
    if (rows.stream().anyMatch(row -> FillSql.buckets(row) > FillSql.MAX_BUCKETS)) {
      throw new Unprocessable(ProblemCode.INVALID_QUERY, "The query does not fit the dataset.", List.of(
          FieldIssue.body("/time_bucket/fill", "too_many_buckets", "filling would add more than "
              + FillSql.MAX_BUCKETS + " buckets; narrow from and to, or use a coarser granularity")));
    }
    return rows.stream().map(row -> Arrays.copyOf(row, row.length - 1)).toList();
  }
}
