package dev.mark.datasets;

import java.util.List;

/**
 * The table holding a dataset's rows, for reading them: its schema and name (SQL identifiers,
 * to be quoted by jOOQ) and the dataset's columns.
 */
public record RowsTable(String schema, String table, List<ColumnSpec> columns) {

  public RowsTable {
    columns = List.copyOf(columns);
  }
}
