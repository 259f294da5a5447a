package dev.mark.analytics;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.mark.datasets.RowsTable;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.SelectConditionStep;
import org.jooq.SelectHavingStep;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/** Runs a {@link QueryPlan} on a dataset's rows table (the caller sets the statement timeout). */
final class QueryRepository {

  /** The raw result: one array of values per output row, and the totals row if asked. */
  record RawResult(List<Object[]> rows, Optional<Object[]> totals) {}

  RawResult run(DSLContext tx, RowsTable rows, QueryPlan plan) {
    Table<?> table = table(name(rows.schema(), rows.table()));
    try {
      boolean fill = plan.bucket().map(QueryPlan.PlannedBucket::fill).orElse(false);
      List<Object[]> result = fill
          ? filled(tx, table, plan)
          : grouped(tx, table, plan).fetch().map(Record::intoArray);
      Optional<Object[]> totals = plan.totals()
          ? Optional.of(tx.select(QuerySql.measureFields(plan))
              .from(table)
              .where(QuerySql.where(plan))
              .fetchSingle()
              .intoArray())
          : Optional.empty();
      return new RawResult(result, totals);
    } catch (DataAccessException e) {
      if (SqlStates.isUnknownTimeZone(e)) {
        // a zone of Java's tz database that this PostgreSQL's older one lacks
        throw new Unprocessable(ProblemCode.INVALID_QUERY, "The query does not fit the dataset.", List.of(
            FieldIssue.body("/time_bucket/time_zone", "unknown_time_zone", "the database does not know this time zone")));
      }
      throw e;
    }
  }

  /** The statement of a query whose buckets are not filled. */
  static ResultQuery<Record> grouped(DSLContext tx, Table<?> table, QueryPlan plan) {
    SelectConditionStep<Record> rows = tx.select(QuerySql.selectFields(plan))
        .from(table)
        .where(QuerySql.where(plan));
    // no GROUP BY at all rather than jOOQ's "group by ()" when nothing is grouped: PostgreSQL
    // plans that empty grouping set as grouping sets, which never run in parallel
    SelectHavingStep<Record> groups = plan.groupCount() == 0 ? rows : rows.groupBy(QuerySql.groupBy(plan));
    return groups
        .orderBy(QuerySql.orderBy(plan))
        .limit(plan.limit());
  }

  /**
   * Rows with every bucket filled, once the fill is known to fit the limit: groups × buckets is
   * counted first (each up to limit + 1), and a fill of more rows is refused before it is built.
   */
  private static List<Object[]> filled(DSLContext tx, Table<?> table, QueryPlan plan) {
    FillSql fill = new FillSql(plan);
    Record2<Integer, Integer> size = fill.size(tx, table, plan.limit() + 1).fetchSingle();
    long rows = (long) size.value1() * size.value2();
    if (rows > plan.limit()) {
      throw new Unprocessable(ProblemCode.INVALID_QUERY, "The query does not fit the dataset.", List.of(
          FieldIssue.body("/time_bucket/fill", "too_many_buckets", "filling would give "
              + (size.value1() > plan.limit() || size.value2() > plan.limit() ? "more than " + plan.limit() : rows)
              + " rows (" + size.value1() + " groups × " + size.value2() + " buckets, each counted up to "
              + (plan.limit() + 1) + "), over the limit of " + plan.limit()
              + "; narrow from and to, use a coarser granularity or fewer dimensions, or raise limit")));
    }
    return fill.query(tx, table).fetch().map(Record::intoArray);
  }
}
