package dev.mark.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.ValueType;
import dev.mark.support.RunningServer;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plan PostgreSQL makes of a query's statement, as the analytics runner binds it: the
 * period's bounds are timestamp constants, not text cast for every row, and an aggregate over
 * no groups can run in parallel (bench/explain.sh measured both: together 8× the same aggregate
 * typed by hand in psql).
 */
@ExtendWith(RunningServer.Extension.class)
class QueryStatementTest {

  private static final String TABLE = "query_statement_rows";
  private static final List<ColumnSpec> COLUMNS = List.of(
      new ColumnSpec("at", ValueType.TIMESTAMP, false),
      new ColumnSpec("region", ValueType.STRING, false),
      new ColumnSpec("revenue", ValueType.NUMBER, false));

  private static DSLContext sql;

  @BeforeAll
  static void createRows(RunningServer server) {
    sql = server.sql();
    sql.execute("create table " + TABLE + " (at timestamptz, region text, revenue numeric)");
    sql.execute("insert into " + TABLE + " select timestamptz '2026-09-01 00:00Z' + i * interval '1 hour',"
        + " 'r' || (i % 5), i from generate_series(1, 2000) i");
    sql.execute("analyze " + TABLE);
  }

  @Test
  void aPeriodsBoundsAreTimestampsNotTextCastForEveryRow() {
    String plan = explain(periodSum(List.of()));

    assertThat(plan).contains("'2026-09-01 00:00:00+00'::timestamp with time zone")
        .doesNotContain("::cstring").doesNotContain("::text").doesNotContain("::character varying");
  }

  @Test
  void anAggregateOverNoGroupsRunsInParallelWhenParallelPlansPay() {
    String plan = explain(periodSum(List.of()));

    assertThat(plan).contains("Gather").contains("Partial Aggregate").doesNotContain("Group Key: ()");
  }

  @Test
  void anAggregateByADimensionStillGroupsByIt() {
    String plan = explain(periodSum(List.of("region")));

    assertThat(plan).contains("Group Key: region");
  }

  private static QueryPlan periodSum(List<String> dimensions) {
    MetricQuery query = new MetricQuery(
        List.of(new MetricQuery.Measure(Aggregation.SUM, Optional.of("revenue"), Optional.empty())),
        dimensions,
        Optional.empty(),
        List.of(
            MetricQuery.Filter.condition("at", FilterOp.GTE, "2026-09-01T00:00:00Z", null),
            MetricQuery.Filter.condition("at", FilterOp.LT, "2026-10-01T00:00:00Z", null)),
        List.of(), 100, false);
    return QueryPlanner.plan(query, COLUMNS);
  }

  /** EXPLAIN of the statement with its bind values bound as the runner binds them, parallel plans made cheap. */
  private static String explain(QueryPlan plan) {
    return sql.transactionResult(configuration -> {
      DSLContext tx = AnalyticsRunner.withTypedInstants(configuration.dsl());
      for (String setting : List.of("parallel_setup_cost", "parallel_tuple_cost", "min_parallel_table_scan_size")) {
        tx.execute("set local " + setting + " = 0");
      }
      ResultQuery<Record> statement = QueryRepository.grouped(tx, table(name(TABLE)), plan);
      return String.join("\n", tx.resultQuery("explain {0}", statement).fetch().getValues(0, String.class));
    });
  }
}
