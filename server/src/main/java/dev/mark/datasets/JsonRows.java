package dev.mark.datasets;

import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.PayloadTooLarge;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.json.JsonValueChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads rows sent as JSON ({@code {"rows": [{column: value, …}, …]}}) token by token, checking
 * each value as it comes and streaming valid rows to COPY: no tree of the body is ever built,
 * and reading stops at once at the row cap (a 413) or after {@link RowBatchBuilder#MAX_ISSUES}
 * invalid values, so that a body of millions of rows costs what it takes to reach the cap.
 *
 * <p>The shape is the contract's {@code IngestRowsRequest}, read from it ({@link IngestShape})
 * and checked here as the binder would have checked it (the binder does not parse bulk bodies):
 * breaking it is a 400 {@code validation_failed} naming the part, as for every other body; a
 * value that does not fit its column is a 422 {@code invalid_rows}.
 */
final class JsonRows {

  private final Map<String, Integer> indexByName = new HashMap<>();
  private final List<ColumnSpec> columns;
  private final IngestShape shape;
  private final String rowsPointer;
  private final JsonParser parser;
  private final int maxRows;
  private final RowBatchBuilder batch;
  private final List<FieldIssue> shapeIssues = new ArrayList<>();

  private JsonRows(List<ColumnSpec> columns, IngestShape shape, JsonParser parser, int maxRows, CopySink sink) {
    this.columns = columns;
    this.shape = shape;
    this.rowsPointer = "/" + JsonValueChecks.pointerToken(shape.rowsProperty());
    this.parser = parser;
    this.maxRows = maxRows;
    this.batch = new RowBatchBuilder(columns, sink);
    for (int i = 0; i < columns.size(); i++) {
      indexByName.put(columns.get(i).name(), i);
    }
  }

  /**
   * Streams the rows of the document {@code parser} reads to {@code sink}.
   *
   * @return how many rows were sent
   * @throws BadRequest when the document is not an {@code IngestRowsRequest}
   * @throws PayloadTooLarge when it has more than {@code maxRows} rows
   * @throws dev.mark.platform.errors.Unprocessable when a value does not fit its column
   */
  static int copy(List<ColumnSpec> columns, IngestShape shape, JsonParser parser, int maxRows, CopySink sink) {
    return new JsonRows(columns, shape, parser, maxRows, sink).read();
  }

  private int read() {
    JsonToken root = parser.nextToken();
    if (root != JsonToken.START_OBJECT) {
      throw BadRequest.validation(List.of(root == null
          ? FieldIssue.body("", "required", "a body is required")
          : FieldIssue.body("", "type", "must be an object")));
    }
    boolean sawRows = false;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME && !stopped()) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!name.equals(shape.rowsProperty())) {
        shapeIssue("/" + JsonValueChecks.pointerToken(name), "unknown_property", "is not a known property");
        parser.skipChildren();
      } else if (value != JsonToken.START_ARRAY) {
        shapeIssue(rowsPointer, "type", "must be an array");
        parser.skipChildren();
      } else {
        sawRows = true;
        if (rows() < shape.minRows()) {
          shapeIssue(rowsPointer, "min_items", "must have at least " + shape.minRows()
              + (shape.minRows() == 1 ? " item" : " items"));
        }
      }
    }
    if (!stopped() && parser.nextToken() != null) {
      throw new BadRequest(ProblemCode.MALFORMED_JSON, "The body has more after its JSON value.", List.of());
    }
    if (!sawRows && shapeIssues.isEmpty() && !stopped()) {
      shapeIssue(rowsPointer, "required", "is required");
    }
    if (!shapeIssues.isEmpty()) {
      throw BadRequest.validation(shapeIssues);
    }
    return batch.finish();
  }

  /** Reads the rows array up to its end (or until reading further is pointless); how many rows. */
  private int rows() {
    int row = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (row == maxRows) {
        throw new PayloadTooLarge(ProblemCode.TOO_MANY_ROWS, "One request may add at most " + maxRows + " rows.");
      }
      int index = row++;
      if (token == JsonToken.START_OBJECT) {
        row(index);
      } else {
        shapeIssue(prefix(index), "type", "must be an object");
        parser.skipChildren();
      }
      if (stopped()) {
        break;
      }
    }
    return row;
  }

  /** One row's values; pointers are built only for issues, as most rows have none. */
  private void row(int row) {
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      Integer index = indexByName.get(name);
      if (index == null) {
        batch.issue(pointer(row, name), "unknown_column", "the dataset has no column " + JsonValueChecks.writable(name));
        parser.skipChildren();
        continue;
      }
      try {
        batch.set(index, CopyCells.fromToken(columns.get(index).type(), parser));
      } catch (InvalidValue e) {
        batch.issue(pointer(row, name), e.code(), e.getMessage());
      }
    }
    batch.endRow(this::prefix, "");
  }

  private String prefix(int row) {
    return rowsPointer + "/" + row;
  }

  private String pointer(int row, String name) {
    return prefix(row) + "/" + JsonValueChecks.pointerToken(name);
  }

  private void shapeIssue(String pointer, String code, String message) {
    if (shapeIssues.size() < RowBatchBuilder.MAX_ISSUES) {
      shapeIssues.add(FieldIssue.body(pointer, code, message));
    }
    // the request fails whatever follows: no further row is worth writing
    batch.stopWriting();
  }

  /** Whether enough is wrong that reading further is pointless. */
  private boolean stopped() {
    return batch.isFull() || shapeIssues.size() >= RowBatchBuilder.MAX_ISSUES;
  }
}
