package dev.mark.analytics;

import dev.mark.datasets.DatasetService;
import dev.mark.datasets.RowsTable;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers metric queries over a dataset's rows: in one transaction, finds the dataset (held
 * until the end, so that a concurrent delete waits or is seen as a 404), checks the query
 * against it and runs it under a statement timeout; then fills empty buckets when asked, and
 * returns JSON-ready values.
 */
public final class QueryService {

  private final Transactions transactions;
  private final DatasetService datasets;
  private final QueryRepository repository = new QueryRepository();
  private final long timeoutMillis;

  public QueryService(Transactions transactions, DatasetService datasets, long timeoutMillis) {
    this.transactions = transactions;
    this.datasets = datasets;
    this.timeoutMillis = timeoutMillis;
  }

  private record Planned(QueryPlan plan, QueryRepository.RawResult raw) {}

  public QueryOutcome run(Principal caller, String datasetId, MetricQuery query) {
    Planned planned = transactions.inTransaction(tx -> {
      RowsTable rows = datasets.rowsTable(tx, caller, datasetId);
      QueryPlan plan = QueryPlanner.plan(query, rows.columns());
      boolean fill = plan.bucket().map(QueryPlan.PlannedBucket::fill).orElse(false);
      // a fill must see every group before it sorts and cuts, so the SQL is not limited then
      int sqlLimit = fill ? Integer.MAX_VALUE : plan.limit();
      return new Planned(plan, repository.run(tx, rows, plan, sqlLimit, timeoutMillis));
    });
    QueryPlan plan = planned.plan();
    QueryRepository.RawResult raw = planned.raw();
    boolean fill = plan.bucket().map(QueryPlan.PlannedBucket::fill).orElse(false);
    List<Object[]> result = raw.rows();
    if (fill) {
      result = new ArrayList<>(BucketFill.fill(plan, result));
      result.sort(comparator(plan));
      result = result.subList(0, Math.min(plan.limit(), result.size()));
    }
    ResultValues values = new ResultValues(plan);
    return new QueryOutcome(
        plan.outputColumns(),
        result.stream().map(values::row).toList(),
        raw.totals().map(totals -> totals(plan, values, totals)));
  }

  private static Map<String, Object> totals(QueryPlan plan, ResultValues values, Object[] totals) {
    Map<String, Object> byName = new LinkedHashMap<>();
    for (int i = 0; i < plan.measures().size(); i++) {
      byName.put(plan.measures().get(i).name(), values.measure(totals[i]));
    }
    return byName;
  }

  /** The order the SQL would have given: the plan's sort keys, nulls last. */
  private static Comparator<Object[]> comparator(QueryPlan plan) {
    Comparator<Object[]> comparator = (a, b) -> 0;
    for (QueryPlan.SortKey key : plan.order()) {
      Comparator<Object> values = Comparator.nullsLast(key.descending()
          ? (x, y) -> BucketFill.compare(y, x)
          : BucketFill::compare);
      comparator = comparator.thenComparing(row -> row[key.position()], values);
    }
    return comparator;
  }
}
