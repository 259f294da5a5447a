package dev.mark.datasets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads rows sent as JSON objects (column name to value) into a {@link RowBatchBuilder}. */
final class JsonRows {

  private JsonRows() {}

  static RowBatch read(List<ColumnSpec> columns, List<Map<String, Object>> rows) {
    Map<String, Integer> indexByName = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      indexByName.put(columns.get(i).name(), i);
    }
    RowBatchBuilder batch = new RowBatchBuilder(columns, rows.size());
    for (int r = 0; r < rows.size() && !batch.isFull(); r++) {
      String prefix = "/rows/" + r;
      for (Map.Entry<String, Object> cell : rows.get(r).entrySet()) {
        Integer index = indexByName.get(cell.getKey());
        String pointer = prefix + "/" + escape(cell.getKey());
        if (index == null) {
          batch.issue(pointer, "unknown_column", "the dataset has no column " + cell.getKey());
          continue;
        }
        try {
          batch.set(index, ValueParser.fromJson(columns.get(index).type(), cell.getValue()));
        } catch (InvalidValue e) {
          batch.issue(pointer, e.code(), e.getMessage());
        }
      }
      batch.endRow(prefix, "");
    }
    return batch.build();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
