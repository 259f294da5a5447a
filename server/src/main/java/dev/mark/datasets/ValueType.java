package dev.mark.datasets;

import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/** The type of a dataset column's values, and the PostgreSQL type that stores it. */
public enum ValueType {
  STRING(SQLDataType.CLOB),
  // numeric, not double: sums of money must not lose cents
  NUMBER(SQLDataType.NUMERIC),
  INTEGER(SQLDataType.BIGINT),
  BOOLEAN(SQLDataType.BOOLEAN),
  DATE(SQLDataType.LOCALDATE),
  TIMESTAMP(SQLDataType.TIMESTAMPWITHTIMEZONE);

  private final DataType<?> sqlType;

  ValueType(DataType<?> sqlType) {
    this.sqlType = sqlType;
  }

  DataType<?> sqlType() {
    return sqlType;
  }

  /** The name used in the API, e.g. {@code timestamp}. */
  public String apiName() {
    return name().toLowerCase();
  }

  public static ValueType fromApiName(String name) {
    return valueOf(name.toUpperCase());
  }
}
