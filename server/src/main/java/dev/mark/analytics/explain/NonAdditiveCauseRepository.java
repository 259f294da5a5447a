package dev.mark.analytics.explain;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.QuerySql;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.RowsTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.AggregateFilterStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The SQL behind the root causes of a measure that does not add up ({@code count_distinct},
 * {@code median}, {@code p90}), each in one statement: the leaves of its additive companion, and
 * the measure over each candidate cause's rows and over the rest (leave-one-out), by
 * {@code FILTER} clauses over one scan.
 */
final class NonAdditiveCauseRepository {

  /** The measure in one period: over every row, and for each candidate over its rows and the rest. */
  record PeriodFigures(int period, BigDecimal total, List<BigDecimal> inside, List<BigDecimal> outside) {}

  /**
   * The leaves of the measure's additive companion, one row per period and combination of
   * {@code dimensions}' values: for {@code median} and {@code p90} the sum and the count of the
   * column's values (the mean, a ratio); for {@code count_distinct} the distinct values within
   * the leaf and the rows.
   */
  List<ExplainRepository.LeafRow> companionLeaves(DSLContext tx, RowsTable rows, ExplainPlan plan,
      List<ColumnSpec> dimensions) {
    Field<Object> column = QuerySql.column(plan.measure().column().orElseThrow());
    boolean distinct = plan.measure().agg() == Aggregation.COUNT_DISTINCT;
    List<SelectField<?>> fields = new ArrayList<>();
    fields.add(ExplainSql.period(plan));
    dimensions.forEach(d -> fields.add(QuerySql.column(d)));
    fields.add(distinct ? countDistinct(column).cast(SQLDataType.NUMERIC)
        : sum(column.coerce(SQLDataType.NUMERIC)));
    fields.add(distinct ? count().cast(SQLDataType.NUMERIC) : count(column).cast(SQLDataType.NUMERIC));
    fields.add(count());
    List<Field<Integer>> positions = new ArrayList<>();
    for (int i = 1; i <= dimensions.size() + 1; i++) {
      positions.add(inline(i));
    }
    int k = dimensions.size();
    List<ExplainRepository.LeafRow> leaves = new ArrayList<>();
    withWorkMem(tx);
    tx.select(fields).from(rowsTable(rows)).where(ExplainSql.rows(plan)).groupBy(positions).fetch()
        .forEach(r -> leaves.add(new ExplainRepository.LeafRow(
            r.get(0, Integer.class),
            Arrays.copyOfRange(r.intoArray(), 1, k + 1),
            orZero(r.get(k + 1, BigDecimal.class)),
            orZero(r.get(k + 2, BigDecimal.class)),
            r.get(k + 3, Long.class))));
    return leaves;
  }

  /**
   * The measure per period over every row, and, for each candidate (dimension → value as text,
   * a value may be null), over the candidate's rows and over all the others: one scan, each
   * figure an aggregate with its own {@code FILTER}.
   */
  List<PeriodFigures> leaveOneOut(DSLContext tx, RowsTable rows, ExplainPlan plan, List<ColumnSpec> dimensions,
      List<Map<String, String>> candidates) {
    List<SelectField<?>> fields = new ArrayList<>();
    fields.add(ExplainSql.period(plan));
    fields.add(QuerySql.measure(plan.measure()));
    for (Map<String, String> candidate : candidates) {
      Condition inside = inside(dimensions, candidate);
      fields.add(filtered(plan, inside));
      fields.add(filtered(plan, DSL.not(inside)));
    }
    List<PeriodFigures> figures = new ArrayList<>();
    tx.select(fields).from(rowsTable(rows)).where(ExplainSql.rows(plan)).groupBy(inline(1)).fetch()
        .forEach(r -> {
          List<BigDecimal> in = new ArrayList<>();
          List<BigDecimal> out = new ArrayList<>();
          for (int c = 0; c < candidates.size(); c++) {
            in.add(r.get(2 + 2 * c, BigDecimal.class));
            out.add(r.get(3 + 2 * c, BigDecimal.class));
          }
          figures.add(new PeriodFigures(r.get(0, Integer.class), r.get(1, BigDecimal.class), in, out));
        });
    return figures;
  }

  /** The rows of a candidate: each of its dimensions at its value, compared as text as the leaves carry it. */
  private static Condition inside(List<ColumnSpec> dimensions, Map<String, String> candidate) {
    Condition inside = DSL.trueCondition();
    for (ColumnSpec dimension : dimensions) {
      if (candidate.containsKey(dimension.name())) {
        inside = inside.and(QuerySql.column(dimension).cast(SQLDataType.VARCHAR)
            .isNotDistinctFrom(DSL.val(candidate.get(dimension.name()), SQLDataType.VARCHAR)));
      }
    }
    return inside;
  }

  /** The measure over the rows that meet {@code condition}: a new aggregate each time, as jOOQ's are built up in place. */
  private static Field<?> filtered(ExplainPlan plan, Condition condition) {
    return ((AggregateFilterStep<?>) QuerySql.measure(plan.measure())).filterWhere(condition);
  }

  /** As {@link ExplainRepository}: room to hash the leaves' groups in memory. */
  private static void withWorkMem(DSLContext tx) {
    tx.select(DSL.function("set_config", String.class, DSL.val("work_mem"), DSL.val("256MB"), inline(true))).fetch();
  }

  private static org.jooq.Table<?> rowsTable(RowsTable rows) {
    return DSL.table(name(rows.schema(), rows.table()));
  }

  private static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
