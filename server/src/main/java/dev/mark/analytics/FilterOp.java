package dev.mark.analytics;

/** A filter's comparison. */
public enum FilterOp {
  EQ, NEQ, IN, NOT_IN, GT, GTE, LT, LTE, BETWEEN, CONTAINS, IS_NULL;

  /** Whether it compares by order, which booleans do not have. */
  boolean isOrdering() {
    return this == GT || this == GTE || this == LT || this == LTE || this == BETWEEN;
  }
}
