package dev.mark.datasets;

/**
 * A declared column of a dataset.
 *
 * @param required whether every row must have a value in it
 * @param notes its description, unit and favorable direction, for telling answers
 */
public record ColumnSpec(String name, ValueType type, boolean required, ColumnNotes notes) {

  /** A column with nothing said about it beyond its type. */
  public ColumnSpec(String name, ValueType type, boolean required) {
    this(name, type, required, ColumnNotes.NONE);
  }
}
