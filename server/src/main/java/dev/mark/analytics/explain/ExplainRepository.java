package dev.mark.analytics.explain;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.grouping;
import static org.jooq.impl.DSL.groupingSets;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.table;

import dev.mark.analytics.QuerySql;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.RowsTable;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.CaseConditionStep;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Record6;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Reads what an explain needs from a dataset's rows, each in one SQL statement under the
 * statement timeout: the distinct counts of the candidate dimensions, the leaves (one row per
 * period and combination of dimension values), or, for a measure that does not add up, each
 * dimension's segments, the totals and the leave-one-out values.
 */
final class ExplainRepository {

  /** One leaf in one period: the measure's additive parts over its rows. */
  record LeafRow(int period, Object[] values, BigDecimal numerator, BigDecimal denominator, long rows) {}

  /**
   * A figure of a measure that does not add up.
   *
   * @param leftOut false for a segment's own value (or, with {@code dimension} −1, the period's
   *     total), true for the value over every row but the segment's
   * @param value the segment's value as text (null for rows without one)
   */
  record SegmentRow(boolean leftOut, int period, int dimension, String value, BigDecimal measure, long rows) {}

  /** How many distinct values each of {@code columns} has in the rows read, in one pass (grouping sets). */
  Map<Integer, Long> distinctCounts(DSLContext tx, RowsTable rows, ExplainPlan plan, List<ColumnSpec> columns) {
    if (columns.isEmpty()) {
      return Map.of();
    }
    Field<Object>[] fields = columns.stream().map(QuerySql::column).toArray(Field[]::new);
    Field<Integer> which = whichSet(fields).as(name("I"));
    Table<?> sets = select(which)
        .from(rowsTable(rows))
        .where(ExplainSql.rows(plan))
        .groupBy(groupingSets(Arrays.stream(fields).map(f -> new Field<?>[] {f}).toArray(Field[][]::new)))
        .asTable("D");
    Field<Integer> set = field(name("D", "I"), Integer.class);
    Map<Integer, Long> counts = new HashMap<>();
    run(tx, () -> tx.select(set, count()).from(sets).groupBy(set).fetch()
        .forEach(r -> counts.put(r.value1(), r.value2().longValue())));
    return counts;
  }

  /**
   * The leaves: one row per period and combination of {@code dimensions}' values that has rows
   * in that period. Both periods come from one scan, one group per combination (each period's
   * parts with FILTER), read straight off the JDBC result: at 50,000 combinations, grouping by
   * period too doubled the groups PostgreSQL hashes and the rows it sends, and kept it from a
   * parallel plan.
   */
  List<LeafRow> leaves(DSLContext tx, RowsTable rows, ExplainPlan plan, List<ColumnSpec> dimensions) {
    boolean ratio = plan.shape() == MeasureShape.RATIO;
    List<SelectField<?>> fields = new ArrayList<>();
    dimensions.forEach(d -> fields.add(QuerySql.column(d)));
    for (ExplainQuery.Period period : List.of(plan.baseline(), plan.current())) {
      Condition in = ExplainSql.in(plan, period);
      fields.add(count().filterWhere(in));
      fields.add(ExplainSql.numerator(plan, in));
      if (ratio) {
        fields.add(ExplainSql.denominator(plan, in));
      }
    }
    SelectConditionStep<Record> read = tx.select(fields).from(rowsTable(rows)).where(ExplainSql.rows(plan));
    List<Field<Integer>> positions = new ArrayList<>();
    for (int i = 1; i <= dimensions.size(); i++) {
      positions.add(inline(i));
    }
    // no dimensions: one row of totals, without jOOQ's "group by ()" (never parallel)
    ResultQuery<Record> statement = dimensions.isEmpty() ? read : read.groupBy(positions);
    List<LeafRow> leaves = new ArrayList<>();
    run(tx, () -> {
      try (ResultSet result = statement.fetchResultSet()) {
        while (result.next()) {
          Object[] values = new Object[dimensions.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = value(result, i + 1, dimensions.get(i));
          }
          int column = values.length + 1;
          for (int period = 0; period < 2; period++) {
            long count = result.getLong(column++);
            BigDecimal numerator = orZero(result.getBigDecimal(column++));
            BigDecimal denominator = ratio ? orZero(result.getBigDecimal(column++)) : BigDecimal.valueOf(count);
            if (count > 0) {
              leaves.add(new LeafRow(period, values, numerator, denominator, count));
            }
          }
        }
      } catch (SQLException e) {
        throw new DataAccessException("could not read the leaves", e);
      }
    });
    return leaves;
  }

  /** A dimension's value as jOOQ would type it: a string, a long or a boolean (the groupable types). */
  private static Object value(ResultSet result, int column, ColumnSpec dimension) throws SQLException {
    Object value = switch (dimension.type()) {
      case STRING -> result.getString(column);
      case INTEGER -> result.getLong(column);
      case BOOLEAN -> result.getBoolean(column);
      default -> QuerySql.column(dimension).getDataType().convert(result.getObject(column));
    };
    return result.wasNull() ? null : value;
  }

  /**
   * For a measure that does not add up: in one statement, the total of each period, each
   * segment's value (grouping sets over period × dimension and period) and its leave-one-out
   * value (the rows of the other segments, joined to the list of segments).
   */
  List<SegmentRow> segments(DSLContext tx, RowsTable rows, ExplainPlan plan, List<ColumnSpec> dimensions) {
    Set<ColumnSpec> read = new LinkedHashSet<>(dimensions);
    plan.measure().column().ifPresent(read::add);
    List<SelectField<?>> baseFields = new ArrayList<>();
    baseFields.add(ExplainSql.period(plan));
    read.forEach(c -> baseFields.add(QuerySql.column(c)));
    CommonTableExpression<?> base = name("B").as(select(baseFields).from(rowsTable(rows)).where(ExplainSql.rows(plan)));
    Field<Integer> period = field(name(ExplainSql.PERIOD), Integer.class);
    Field<Object>[] dims = dimensions.stream().map(QuerySql::column).toArray(Field[]::new);
    Field<BigDecimal> measure = QuerySql.measure(plan.measure()).cast(SQLDataType.NUMERIC);

    Field<?>[][] sets = new Field<?>[dims.length + 1][];
    for (int i = 0; i < dims.length; i++) {
      sets[i] = new Field<?>[] {period, dims[i]};
    }
    sets[dims.length] = new Field<?>[] {period};
    CaseConditionStep<String> text = null;
    for (int i = 0; i < dims.length; i++) {
      Condition grouped = grouping(dims[i]).eq(0);
      Field<String> value = dims[i].cast(SQLDataType.VARCHAR);
      text = text == null ? DSL.when(grouped, value) : text.when(grouped, value);
    }
    Select<Record6<Boolean, Integer, Integer, String, BigDecimal, Integer>> own = select(inline(false).as("K"), period, whichSet(dims).as("I"),
        text.otherwise(DSL.castNull(SQLDataType.VARCHAR)).as("V"), measure.as("M"), count().as("R"))
        .from(table(name("B")))
        .groupBy(groupingSets(sets));

    Select<Record2<Integer, String>> segmentList = null;
    for (int i = 0; i < dims.length; i++) {
      Select<Record2<Integer, String>> one = selectDistinct(inline(i).as("I"), dims[i].cast(SQLDataType.VARCHAR).as("V"))
          .from(table(name("B")));
      segmentList = segmentList == null ? one : segmentList.unionAll(one);
    }
    CommonTableExpression<?> segments = name("S").as(segmentList);
    Field<Integer> i = field(name("S", "I"), Integer.class);
    Field<String> v = field(name("S", "V"), String.class);
    Condition outside = DSL.falseCondition();
    for (int d = 0; d < dims.length; d++) {
      outside = outside.or(i.eq(d).and(dims[d].cast(SQLDataType.VARCHAR).isDistinctFrom(v)));
    }
    Select<Record6<Boolean, Integer, Integer, String, BigDecimal, Integer>> leftOut = select(inline(true).as("K"), period, i, v, measure.as("M"), count().as("R"))
        .from(table(name("B")))
        .join(table(name("S"))).on(outside)
        .groupBy(period, i, v);

    List<SegmentRow> result = new ArrayList<>();
    run(tx, () -> tx.with(base).with(segments)
        .selectFrom(own.unionAll(leftOut).asTable("U"))
        .fetch()
        .forEach(r -> result.add(new SegmentRow(
            r.get(0, Boolean.class),
            r.get(1, Integer.class),
            r.get(2, Integer.class),
            r.get(3, String.class),
            r.get(4, BigDecimal.class),
            r.get(5, Long.class)))));
    return result;
  }

  private static Field<Integer> whichSet(Field<?>[] fields) {
    CaseConditionStep<Integer> which = null;
    for (int i = 0; i < fields.length; i++) {
      Condition grouped = grouping(fields[i]).eq(0);
      which = which == null ? DSL.when(grouped, inline(i)) : which.when(grouped, inline(i));
    }
    return which.otherwise(inline(-1));
  }

  /**
   * The memory a sort or hash of the statement may take before it spills to disk: at the default
   * 4 MB, the 100,000 groups of 50,000 leaves in two periods spilled 62 MB to disk in 33 batches
   * and took 7.5–8.5 s; in memory (57 MB), 5.8 s (1,000,000 rows, EXPLAIN ANALYZE, busy machine).
   */
  private static final String WORK_MEM = "256MB";

  /** Runs {@code statement} with room to hash its groups; the runner set the statement timeout. */
  private static void run(DSLContext tx, Runnable statement) {
    tx.select(DSL.function("set_config", String.class, DSL.val("work_mem"), DSL.val(WORK_MEM), inline(true))).fetch();
    statement.run();
  }

  private static Table<?> rowsTable(RowsTable rows) {
    return DSL.table(name(rows.schema(), rows.table()));
  }

  private static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
