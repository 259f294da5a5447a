package dev.mark.datasets;

import java.util.List;

/**
 * Rows checked against a dataset's columns, ready for COPY.
 *
 * @param columns the columns, in the order of the values in {@code copyText}
 * @param rowCount how many rows
 * @param copyText the rows in COPY text format
 */
record RowBatch(List<ColumnSpec> columns, int rowCount, String copyText) {}
