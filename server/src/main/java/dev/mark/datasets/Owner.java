package dev.mark.datasets;

/** Whose datasets: one account in one environment. Datasets never cross either. */
record Owner(String accountId, String environment) {}
