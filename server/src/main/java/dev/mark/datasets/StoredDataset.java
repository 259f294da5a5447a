package dev.mark.datasets;

/** A dataset and the name of the table that holds its rows (in the rows schema). */
record StoredDataset(DatasetRecord dataset, String tableName) {}
