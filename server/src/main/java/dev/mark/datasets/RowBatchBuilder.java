package dev.mark.datasets;

import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.Unprocessable;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks rows against a dataset's columns and encodes them for COPY, collecting every invalid
 * value (up to {@link #MAX_ISSUES}) so that one 422 names them all. Nothing is written unless
 * every row is valid. Not thread-safe; one per request.
 */
final class RowBatchBuilder {

  static final int MAX_ISSUES = 100;

  private final List<ColumnSpec> columns;
  private final CopyText copy;
  private final List<FieldIssue> issues = new ArrayList<>();
  private final Object[] values;
  private int rows;

  RowBatchBuilder(List<ColumnSpec> columns, int expectedRows) {
    this.columns = columns;
    this.copy = new CopyText(expectedRows);
    this.values = new Object[columns.size()];
  }

  List<ColumnSpec> columns() {
    return columns;
  }

  /** Whether enough issues were found that reading further rows is pointless. */
  boolean isFull() {
    return issues.size() >= MAX_ISSUES;
  }

  void issue(String pointer, String code, String message) {
    if (!isFull()) {
      issues.add(FieldIssue.body(pointer, code, message));
    }
  }

  /** Sets the value of column {@code index} in the current row. */
  void set(int index, Object value) {
    values[index] = value;
  }

  /**
   * Ends the current row: checks required columns, then encodes it if the batch is still
   * valid, and clears the values for the next row.
   *
   * @param pointerPrefix e.g. {@code /rows/17}
   * @param where appended to messages, e.g. " (CSV line 19)", or empty
   */
  void endRow(String pointerPrefix, String where) {
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      if (column.required() && values[i] == null) {
        issue(pointerPrefix + "/" + column.name(), "required", "is required" + where);
      }
    }
    if (issues.isEmpty()) {
      for (int i = 0; i < values.length; i++) {
        copy.value(values[i], i == 0);
      }
      copy.endRow();
    }
    java.util.Arrays.fill(values, null);
    rows++;
  }

  /**
   * The checked rows.
   *
   * @throws Unprocessable listing every invalid value when any row is invalid
   */
  RowBatch build() {
    if (!issues.isEmpty()) {
      String detail = (issues.size() >= MAX_ISSUES ? "At least " : "") + issues.size()
          + (issues.size() == 1 ? " value does" : " values do") + " not fit the dataset; no row was written.";
      throw new Unprocessable("invalid_rows", detail, issues);
    }
    return new RowBatch(columns, rows, copy.text());
  }
}
