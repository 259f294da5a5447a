package dev.mark.datasets;

import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks rows against a dataset's columns and streams them to COPY, collecting every invalid
 * value (up to {@link #MAX_ISSUES}) so that one 422 names them all. After the first invalid
 * value no more rows are sent, and {@link #finish()} throws, which rolls back the transaction
 * the COPY runs in: nothing is written unless every row is valid. Not thread-safe; one per
 * request.
 */
final class RowBatchBuilder {

  static final int MAX_ISSUES = 100;

  private final List<ColumnSpec> columns;
  private final CopyText copy;
  private final List<FieldIssue> issues = new ArrayList<>();
  private final String[] cells;
  private int rows;
  private boolean writing = true;

  RowBatchBuilder(List<ColumnSpec> columns, CopySink sink) {
    this.columns = columns;
    this.copy = new CopyText(sink);
    this.cells = new String[columns.size()];
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

  /** Sends no further row: the request will fail for a reason found outside the rows' values. */
  void stopWriting() {
    writing = false;
  }

  /** Sets the cell of column {@code index} in the current row (COPY text; null for NULL). */
  void set(int index, String cell) {
    cells[index] = cell;
  }

  /**
   * Ends the current row: checks required columns, then adds it if the batch is still valid,
   * and clears the cells for the next row.
   *
   * @param pointerPrefix e.g. {@code /rows/17}
   * @param where appended to messages, e.g. " (CSV line 19)", or empty
   */
  void endRow(String pointerPrefix, String where) {
    endRow(row -> pointerPrefix, where);
  }

  /** {@link #endRow(String, String)}, with the prefix built only if an issue needs it. */
  void endRow(java.util.function.IntFunction<String> pointerPrefix, String where) {
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      if (column.required() && cells[i] == null) {
        issue(pointerPrefix.apply(rows) + "/" + column.name(), "required", "is required" + where);
      }
    }
    if (issues.isEmpty() && writing) {
      copy.row(cells);
    }
    Arrays.fill(cells, null);
    rows++;
  }

  /**
   * Sends the last rows and returns how many there were.
   *
   * @throws Unprocessable listing every invalid value when any row is invalid
   */
  int finish() {
    if (!issues.isEmpty()) {
      String detail = (issues.size() >= MAX_ISSUES ? "At least " : "") + issues.size()
          + (issues.size() == 1 ? " value does" : " values do") + " not fit the dataset; no row was written.";
      throw new Unprocessable(ProblemCode.INVALID_ROWS, detail, issues);
    }
    copy.flush();
    return rows;
  }
}
