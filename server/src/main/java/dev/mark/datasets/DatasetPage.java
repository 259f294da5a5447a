package dev.mark.datasets;

import java.util.List;
import java.util.Optional;

/** One page of datasets and the cursor of the next, if there is one. */
public record DatasetPage(List<DatasetRecord> items, Optional<String> nextCursor) {}
