package dev.mark.datasets;

/**
 * A declared column of a dataset.
 *
 * @param required whether every row must have a value in it
 */
public record ColumnSpec(String name, ValueType type, boolean required) {}
