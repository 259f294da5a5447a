package dev.mark.plans;

/**
 * What one account on a plan may create: keys and datasets are counted over both environments,
 * columns per dataset. Each cap is checked inside the transaction that creates, under a lock on
 * the account (see {@code AccountService#lockForQuota}), so concurrent creates cannot both take
 * the last place.
 *
 * @param maxApiKeys active (not revoked, not expired) API keys
 * @param maxDatasets datasets
 * @param maxColumnsPerDataset columns one dataset declares
 * @param maxTimeColumnsPerDataset {@code date} and {@code timestamp} columns one dataset declares:
 *     each gets an index, which every ingest then maintains
 */
public record PlanCaps(int maxApiKeys, int maxDatasets, int maxColumnsPerDataset,
    int maxTimeColumnsPerDataset) {

  /**
   * The caps of a plan whose entry in a plans file names none: files written before the caps
   * existed keep working, with room no honest account needs and a bound every abuser meets.
   */
  static final PlanCaps UNSTATED = new PlanCaps(100, 1_000, 200, 50);
}
