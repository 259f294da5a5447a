package dev.mark.datasets;

import java.util.List;
import java.util.Optional;

/** What a caller asks for when creating a dataset. */
public record DatasetDraft(String name, Optional<String> description, List<ColumnSpec> columns) {

  public DatasetDraft {
    columns = List.copyOf(columns);
  }
}
