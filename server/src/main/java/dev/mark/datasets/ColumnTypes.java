package dev.mark.datasets;

import dev.mark.api.model.ColumnType;

/**
 * The contract's column types and the service's, both ways. Each direction is an exhaustive
 * switch, so a type added to the contract or to the service does not compile until it is mapped.
 */
public final class ColumnTypes {

  private ColumnTypes() {}

  public static ValueType toValueType(ColumnType type) {
    return switch (type) {
      case STRING -> ValueType.STRING;
      case NUMBER -> ValueType.NUMBER;
      case INTEGER -> ValueType.INTEGER;
      case BOOLEAN -> ValueType.BOOLEAN;
      case DATE -> ValueType.DATE;
      case TIMESTAMP -> ValueType.TIMESTAMP;
    };
  }

  public static ColumnType toModel(ValueType type) {
    return switch (type) {
      case STRING -> ColumnType.STRING;
      case NUMBER -> ColumnType.NUMBER;
      case INTEGER -> ColumnType.INTEGER;
      case BOOLEAN -> ColumnType.BOOLEAN;
      case DATE -> ColumnType.DATE;
      case TIMESTAMP -> ColumnType.TIMESTAMP;
    };
  }
}
