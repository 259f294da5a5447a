package dev.mark.datasets;

import dev.mark.plans.PlanCaps;
import dev.mark.plans.PlanCatalog;
import dev.mark.platform.db.AccountQuotaLock;
import dev.mark.platform.errors.Conflict;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.platform.security.Principal;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The caps of the caller's plan on datasets: how many an account holds (over both environments)
 * and how many columns, and date or timestamp columns (each indexed, so each costs every
 * ingest), one dataset declares. Thread-safe.
 */
final class DatasetQuota {

  private final PlanCatalog plans;
  private final DatasetRepository repository;

  DatasetQuota(PlanCatalog plans, DatasetRepository repository) {
    this.plans = plans;
    this.repository = repository;
  }

  /** @throws Unprocessable {@code too_many_columns}, naming {@code /columns} */
  void checkColumns(Principal caller, List<ColumnSpec> columns) {
    PlanCaps caps = plans.capsOf(caller.planId());
    if (columns.size() > caps.maxColumnsPerDataset()) {
      throw tooMany(caller, columns.size() + " columns", caps.maxColumnsPerDataset() + " columns");
    }
    long timeColumns = columns.stream()
        .filter(c -> c.type() == ValueType.DATE || c.type() == ValueType.TIMESTAMP)
        .count();
    if (timeColumns > caps.maxTimeColumnsPerDataset()) {
      throw tooMany(caller, timeColumns + " date or timestamp columns",
          caps.maxTimeColumnsPerDataset() + " date or timestamp columns");
    }
  }

  /**
   * Inside the creating transaction, before the insert: holds the account's quota lock until
   * {@code tx} ends, so that concurrent creates at the cap are counted one after the other.
   *
   * @throws Conflict {@code dataset_limit_reached} when the account has its plan's datasets
   */
  void requireRoom(DSLContext tx, Principal caller) {
    int cap = plans.capsOf(caller.planId()).maxDatasets();
    AccountQuotaLock.hold(tx, caller.accountId());
    if (repository.countOfAccount(tx, caller.accountId()) >= cap) {
      throw new Conflict(ProblemCode.DATASET_LIMIT_REACHED, "The account has " + cap
          + " datasets, as many as its plan allows; delete one to create another.");
    }
  }

  private static Unprocessable tooMany(Principal caller, String declared, String allowed) {
    return new Unprocessable(ProblemCode.TOO_MANY_COLUMNS, "The dataset declares " + declared
        + "; the plan " + caller.planId() + " allows " + allowed + " per dataset.",
        List.of(FieldIssue.body("/columns", "too_many", "may hold at most " + allowed)));
  }
}
