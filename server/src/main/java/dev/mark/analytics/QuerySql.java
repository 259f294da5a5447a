package dev.mark.analytics;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.val;

import dev.mark.analytics.QueryPlan.PlannedBucket;
import dev.mark.analytics.QueryPlan.PlannedAnyOf;
import dev.mark.analytics.QueryPlan.PlannedCondition;
import dev.mark.analytics.QueryPlan.PlannedFilter;
import dev.mark.analytics.QueryPlan.PlannedMeasure;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.ValueType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ expressions of a {@link QueryPlan}: column names are quoted identifiers, values are
 * bind values, and nothing from the caller is concatenated into SQL.
 */
public final class QuerySql {

  private QuerySql() {}

  static List<SelectFieldOrAsterisk> selectFields(QueryPlan plan) {
    List<SelectFieldOrAsterisk> fields = new ArrayList<>();
    plan.bucket().ifPresent(bucket -> fields.add(bucket(bucket).as(name(bucket.column().name()))));
    plan.dimensions().forEach(d -> fields.add(column(d)));
    plan.measures().forEach(m -> fields.add(measure(m).as(name(m.name()))));
    return fields;
  }

  static List<SelectFieldOrAsterisk> measureFields(QueryPlan plan) {
    return plan.measures().stream().<SelectFieldOrAsterisk>map(m -> measure(m).as(name(m.name()))).toList();
  }

  /** Groups by output position, so that the bucket's bind values need not repeat. */
  static List<Field<Integer>> groupBy(QueryPlan plan) {
    List<Field<Integer>> positions = new ArrayList<>();
    for (int i = 1; i <= plan.groupCount(); i++) {
      positions.add(inline(i));
    }
    return positions;
  }

  static List<SortField<Integer>> orderBy(QueryPlan plan) {
    return plan.order().stream()
        .map(key -> key.descending()
            ? inline(key.position() + 1).desc().nullsLast()
            : inline(key.position() + 1).asc().nullsLast())
        .toList();
  }

  public static Condition where(QueryPlan plan) {
    List<Condition> conditions = new ArrayList<>();
    plan.filters().forEach(f -> conditions.add(filter(f)));
    plan.bucket().ifPresent(bucket -> conditions.add(range(bucket)));
    return DSL.and(conditions);
  }

  /** The start of the bucket of each row: the one definition of a bucket, fill included. */
  static Field<Object> bucket(PlannedBucket bucket) {
    return bucketStart(bucket, column(bucket.column()));
  }

  /**
   * The start of the bucket holding {@code value}, a date or a timestamp like the bucket's
   * column. A timestamp's bucket starts at a local midnight (or hour) of the query's zone:
   * {@code date_trunc(field, value, zone)} keeps daylight-saving changes right.
   */
  @SuppressWarnings("unchecked")
  static Field<Object> bucketStart(PlannedBucket bucket, Field<?> value) {
    String granularity = bucket.granularity().sqlField();
    if (bucket.column().type() == ValueType.DATE) {
      return (Field<Object>) (Field<?>) function("date_trunc", SQLDataType.LOCALDATETIME, val(granularity),
          value.cast(SQLDataType.LOCALDATETIME)).cast(SQLDataType.LOCALDATE);
    }
    return (Field<Object>) (Field<?>) function("date_trunc", SQLDataType.TIMESTAMPWITHTIMEZONE,
        val(granularity), value, val(SqlTimeZone.name(bucket.zone())));
  }

  /** The type of a bucket start: a date for a date column, else a timestamp with time zone. */
  @SuppressWarnings("unchecked")
  static DataType<Object> bucketType(PlannedBucket bucket) {
    DataType<?> type = bucket.column().type() == ValueType.DATE
        ? SQLDataType.LOCALDATE
        : SQLDataType.TIMESTAMPWITHTIMEZONE;
    return (DataType<Object>) type;
  }

  /**
   * A {@code from} or {@code to} bound as a value of the bucket's column: the instant itself,
   * or for a date column the day it falls on in the query's zone.
   */
  static Object bound(PlannedBucket bucket, OffsetDateTime instant) {
    return bucket.column().type() == ValueType.DATE
        ? instant.atZoneSameInstant(bucket.zone()).toLocalDate()
        : instant;
  }

  private static Condition range(PlannedBucket bucket) {
    Field<Object> column = column(bucket.column());
    List<Condition> bounds = new ArrayList<>();
    bucket.from().ifPresent(from -> bounds.add(column.ge(bound(bucket, from))));
    bucket.to().ifPresent(to -> bounds.add(column.lt(bound(bucket, to))));
    return DSL.and(bounds);
  }

  public static Field<?> measure(PlannedMeasure measure) {
    if (measure.ratio().isPresent()) {
      return ratio(measure.ratio().get());
    }
    if (measure.column().isEmpty()) {
      return count();
    }
    Field<Object> column = column(measure.column().get());
    Field<BigDecimal> numeric = column.coerce(SQLDataType.NUMERIC);
    return switch (measure.agg()) {
      case COUNT -> count(column);
      case COUNT_DISTINCT -> countDistinct(column);
      case SUM -> sum(numeric);
      case AVG -> avg(numeric);
      case MIN -> min(column);
      case MAX -> max(column);
      case MEDIAN -> percentileCont(0.5).withinGroupOrderBy(numeric);
      case P90 -> percentileCont(0.9).withinGroupOrderBy(numeric);
      case RATIO -> throw new IllegalStateException("a ratio has parts, not a column");
    };
  }

  /** numerator ÷ denominator as exact decimals; null, not an error, when the denominator is 0. */
  private static Field<BigDecimal> ratio(QueryPlan.RatioParts parts) {
    return numeric(parts.numerator()).div(DSL.nullif(numeric(parts.denominator()), inline(BigDecimal.ZERO)));
  }

  /** A sum or count as a numeric: a bigint count would otherwise divide as integers. */
  public static Field<BigDecimal> numeric(PlannedMeasure measure) {
    return measure(measure).cast(SQLDataType.NUMERIC);
  }

  private static Condition filter(PlannedFilter filter) {
    return switch (filter) {
      case PlannedAnyOf any -> DSL.or(any.filters().stream().map(QuerySql::filter).toList());
      case PlannedCondition condition -> condition(condition);
    };
  }

  private static Condition condition(PlannedCondition filter) {
    Field<Object> column = column(filter.column());
    List<Object> values = filter.values();
    return switch (filter.op()) {
      case EQ -> column.eq(values.getFirst());
      case NEQ -> column.isDistinctFrom(values.getFirst());
      case IN -> column.in(values);
      case NOT_IN -> column.isNull().or(column.notIn(values));
      case GT -> column.gt(values.getFirst());
      case GTE -> column.ge(values.getFirst());
      case LT -> column.lt(values.getFirst());
      case LTE -> column.le(values.getFirst());
      case BETWEEN -> column.between(values.get(0), values.get(1));
      case CONTAINS -> column.coerce(SQLDataType.CLOB).containsIgnoreCase((String) values.getFirst());
      case IS_NULL -> Boolean.TRUE.equals(values.getFirst()) ? column.isNull() : column.isNotNull();
    };
  }

  @SuppressWarnings("unchecked")
  public static Field<Object> column(ColumnSpec column) {
    return field(name(column.name()), (DataType<Object>) sqlType(column.type()));
  }

  private static DataType<?> sqlType(ValueType type) {
    return switch (type) {
      case STRING -> SQLDataType.CLOB;
      case NUMBER -> SQLDataType.NUMERIC;
      case INTEGER -> SQLDataType.BIGINT;
      case BOOLEAN -> SQLDataType.BOOLEAN;
      case DATE -> SQLDataType.LOCALDATE;
      case TIMESTAMP -> SQLDataType.TIMESTAMPWITHTIMEZONE;
    };
  }
}
