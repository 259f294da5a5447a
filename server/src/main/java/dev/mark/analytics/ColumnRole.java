package dev.mark.analytics;

/** What a column of an answer holds: the time bucket, a grouping dimension, or a measure. */
public enum ColumnRole {
  TIME, DIMENSION, MEASURE
}
