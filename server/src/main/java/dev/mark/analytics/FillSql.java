package dev.mark.analytics;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.denseRank;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.val;

import dev.mark.analytics.QueryPlan.PlannedBucket;
import dev.mark.analytics.QueryPlan.PlannedMeasure;
import dev.mark.datasets.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The statements of a query with {@code fill}. First {@link #size}: how many groups have rows
 * and how many buckets the period has, each counted only up to one past the limit, so that a
 * fill of more rows than {@code limit} is refused before it is built (3,000 groups × 10,000
 * days would otherwise be 30 M rows to sort). Then {@link #query}: the grouped rows, joined onto
 * every bucket of the period for each group that has rows, then sorted and limited, all in SQL.
 * The buckets come from {@code generate_series} stepping in the query's time zone from a start
 * that {@link QuerySql#bucketStart} computed, so a filled bucket is a bucket by the same
 * definition as a bucket with rows, across daylight-saving changes too.
 *
 * <pre>
 * with grouped as (select bucket k0, dimensions k1…, measures m0…,
 *                         dense_rank() over (order by dimensions) g … group by …),
 *      groups  as (select distinct g, k1… from grouped),
 *      series  as (select b from (select generate_series(first, last, step, zone) b) s
 *                  where b &lt; to limit limit+1)
 * select series.b, groups.k1…, case when grouped.k0 is null then 0 else grouped.m0 end…
 *   from series cross join groups left join grouped on grouped.k0 = series.b and grouped.g = groups.g
 * union all
 * select k0, k1…, m0… from grouped where k0 is null  -- no time
 * order by … limit …
 * </pre>
 *
 * <p>Groups are joined by their number {@code g} rather than by their values, which may be null:
 * {@code is not distinct from} cannot be hashed, and the join would compare every filled row with
 * every grouped one.
 */
final class FillSql {

  private static final Name GROUPED = name("grouped");
  private static final Name GROUPS = name("groups");
  private static final Name SERIES = name("series");

  private final QueryPlan plan;
  private final PlannedBucket bucket;
  private final DataType<Object> bucketType;

  FillSql(QueryPlan plan) {
    this.plan = plan;
    this.bucket = plan.bucket().orElseThrow();
    this.bucketType = QuerySql.bucketType(bucket);
  }

  /**
   * How many groups have rows (1 without dimensions) and how many buckets the period has, each
   * counted up to {@code cap}: a distinct scan of the dimensions and a walk of the series, no
   * grouping of measures and no filled row.
   */
  ResultQuery<Record2<Integer, Integer>> size(DSLContext tx, Table<?> rows, int cap) {
    Condition where = QuerySql.where(plan);
    Field<Integer> groups = plan.dimensions().isEmpty()
        ? inline(1)
        : DSL.field(select(count()).from(selectDistinct(plan.dimensions().stream().map(QuerySql::column).toList())
            .from(rows).where(where).limit(cap).asTable("d")));
    Field<Object> column = QuerySql.column(bucket.column());
    // a bucket's start only grows with its rows' times: the first bucket is the earliest row's
    Field<Object> first = QuerySql.bucketStart(bucket, DSL.field(select(min(column)).from(rows).where(where)));
    Field<Object> last = QuerySql.bucketStart(bucket, DSL.field(select(max(column)).from(rows).where(where)));
    Field<Integer> buckets = DSL.field(select(count()).from(series(first, last, cap).asTable("s2")));
    return tx.select(groups, buckets);
  }

  /** The statement; each row is the plan's output columns. */
  ResultQuery<Record> query(DSLContext tx, Table<?> rows) {
    CommonTableExpression<?> grouped = GROUPED.as(grouped(rows));
    CommonTableExpression<?> groups = GROUPS.as(selectDistinct(groupsFields()).from(grouped));
    CommonTableExpression<?> series = SERIES.as(series(
        DSL.field(select(min(key(GROUPED, 0))).from(grouped)),
        DSL.field(select(max(key(GROUPED, 0))).from(grouped)),
        plan.limit() + 1));
    Field<Object> start = field(SERIES.append("b"), bucketType);

    Condition sameBucket = key(GROUPED, 0).eq(start);
    Table<?> cells = plan.dimensions().isEmpty()
        ? series.leftJoin(grouped).on(sameBucket)
        : series.crossJoin(groups)
            .leftJoin(grouped).on(sameBucket.and(groupNumber(GROUPED).eq(groupNumber(GROUPS))));
    List<CommonTableExpression<?>> tables = plan.dimensions().isEmpty()
        ? List.of(grouped, series)
        : List.of(grouped, groups, series);
    return tx.with(tables)
        .select(cellFields(start))
        .from(cells)
        .unionAll(select(timelessFields()).from(grouped).where(key(GROUPED, 0).isNull()))
        .orderBy(QuerySql.orderBy(plan))
        .limit(plan.limit());
  }

  /** A bucket of the series, a group, its measures (or their zeros). */
  private List<SelectField<?>> cellFields(Field<Object> start) {
    List<SelectField<?>> fields = new ArrayList<>();
    fields.add(start);
    for (int i = 1; i < plan.groupCount(); i++) {
      fields.add(key(GROUPS, i));
    }
    Condition empty = key(GROUPED, 0).isNull();
    for (int i = 0; i < plan.measures().size(); i++) {
      Field<Object> measure = measure(i);
      fields.add(zero(plan.measures().get(i))
          .<Field<?>>map(zero -> DSL.when(empty, zero).otherwise(measure))
          .orElse(measure));
    }
    return fields;
  }

  /** A group of rows without a time, as grouped. */
  private List<SelectField<?>> timelessFields() {
    List<SelectField<?>> fields = new ArrayList<>();
    for (int i = 0; i < plan.groupCount(); i++) {
      fields.add(key(GROUPED, i));
    }
    for (int i = 0; i < plan.measures().size(); i++) {
      fields.add(measure(i));
    }
    return fields;
  }

  /** The rows grouped as without fill, with positional names and the group number. */
  private Select<?> grouped(Table<?> rows) {
    List<SelectField<?>> fields = new ArrayList<>();
    fields.add(QuerySql.bucket(bucket).as("k0"));
    for (int i = 0; i < plan.dimensions().size(); i++) {
      fields.add(QuerySql.column(plan.dimensions().get(i)).as("k" + (i + 1)));
    }
    for (int i = 0; i < plan.measures().size(); i++) {
      fields.add(QuerySql.measure(plan.measures().get(i)).as("m" + i));
    }
    if (!plan.dimensions().isEmpty()) {
      fields.add(denseRank().over(orderBy(plan.dimensions().stream().map(QuerySql::column).toList())).as("g"));
    }
    return select(fields)
        .from(rows)
        .where(QuerySql.where(plan))
        .groupBy(QuerySql.groupBy(plan));
  }

  private List<Field<?>> groupsFields() {
    List<Field<?>> fields = new ArrayList<>();
    fields.add(groupNumber(GROUPED));
    for (int i = 1; i < plan.groupCount(); i++) {
      fields.add(key(GROUPED, i));
    }
    return fields;
  }

  /**
   * Every bucket start from the first to the last, at most {@code cap}: from {@code from}'s
   * bucket (else {@code lowest}, the first bucket with rows) to the last bucket starting before
   * {@code to} (else {@code highest}, the last with rows).
   */
  private Select<?> series(Field<Object> lowest, Field<Object> highest, int cap) {
    Field<Object> first = bucket.from()
        .map(from -> QuerySql.bucketStart(bucket, val(QuerySql.bound(bucket, from))))
        .orElse(lowest);
    Field<Object> last = bucket.to()
        .<Field<Object>>map(to -> val(QuerySql.bound(bucket, to), bucketType))
        .orElse(highest);
    Field<?> step = inline(bucket.granularity().sqlStep()).cast(SQLDataType.INTERVAL);
    Field<?> generated = bucket.column().type() == ValueType.DATE
        // dates step as local timestamps (no zone, no daylight saving), then back to dates
        ? function("generate_series", SQLDataType.LOCALDATETIME, first.cast(SQLDataType.LOCALDATETIME),
            last.cast(SQLDataType.LOCALDATETIME), step)
        : function("generate_series", SQLDataType.TIMESTAMPWITHTIMEZONE, first, last, step,
            val(SqlTimeZone.name(bucket.zone())));
    Field<Object> start = field(name("s", "b"), bucketType);
    Condition beforeTo = bucket.to()
        .map(to -> start.lt(QuerySql.bound(bucket, to)))
        .orElse(DSL.noCondition());
    return select(bucket.column().type() == ValueType.DATE ? start.cast(bucketType).as("b") : start.as("b"))
        .from(select(generated.as("b")).asTable("s"))
        .where(beforeTo)
        .limit(cap);
  }

  private Field<Object> key(Name table, int position) {
    DataType<?> type = position == 0
        ? bucketType
        : QuerySql.column(plan.dimensions().get(position - 1)).getDataType();
    @SuppressWarnings("unchecked")
    Field<Object> key = field(table.append("k" + position), (DataType<Object>) type);
    return key;
  }

  @SuppressWarnings("unchecked")
  private Field<Object> measure(int index) {
    DataType<?> type = QuerySql.measure(plan.measures().get(index)).getDataType();
    return field(GROUPED.append("m" + index), (DataType<Object>) type);
  }

  private static Field<Long> groupNumber(Name table) {
    return field(table.append("g"), SQLDataType.BIGINT);
  }

  /** What a measure is in a bucket without rows: 0 for counts and sums, else null (a ratio over no rows too). */
  private static Optional<Field<Object>> zero(PlannedMeasure measure) {
    return switch (measure.agg()) {
      case COUNT, COUNT_DISTINCT, SUM -> Optional.of(inline((Object) 0));
      case AVG, MIN, MAX, MEDIAN, P90, RATIO -> Optional.empty();
    };
  }
}
