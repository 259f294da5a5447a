package dev.mark.datasets;

/** A declared column of a dataset. */
public record ColumnSpec(String name, ValueType type) {}
