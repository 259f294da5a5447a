package dev.mark.datasets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A dataset as stored in the catalogue. */
public record DatasetRecord(
    String id,
    String name,
    Optional<String> description,
    List<ColumnSpec> columns,
    long rowCount,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
