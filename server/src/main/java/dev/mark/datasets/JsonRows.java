package dev.mark.datasets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads rows sent as JSON objects (column name to value) and streams them to COPY. */
final class JsonRows {

  private JsonRows() {}

  /** @return how many rows were sent; throws {@code Unprocessable} if any is invalid */
  static int copy(List<ColumnSpec> columns, JsonNode rows, CopySink sink) {
    Map<String, Integer> indexByName = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      indexByName.put(columns.get(i).name(), i);
    }
    RowBatchBuilder batch = new RowBatchBuilder(columns, sink);
    for (int r = 0; r < rows.size() && !batch.isFull(); r++) {
      String prefix = "/rows/" + r;
      for (Map.Entry<String, JsonNode> cell : rows.get(r).properties()) {
        Integer index = indexByName.get(cell.getKey());
        if (index == null) {
          batch.issue(prefix + "/" + escape(cell.getKey()), "unknown_column",
              "the dataset has no column " + cell.getKey());
          continue;
        }
        try {
          batch.set(index, CopyCells.fromJson(columns.get(index).type(), cell.getValue()));
        } catch (InvalidValue e) {
          batch.issue(prefix + "/" + escape(cell.getKey()), e.code(), e.getMessage());
        }
      }
      batch.endRow(prefix, "");
    }
    return batch.finish();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
