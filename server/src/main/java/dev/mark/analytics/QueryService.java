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
 * Answers metric queries over a dataset's rows: checks the query against the dataset, runs it
 * in one read-only transaction under a statement timeout, fills empty buckets when asked, and
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

  public QueryOutcome run(Principal caller, String datasetId, MetricQuery query) {
    RowsTable rows = datasets.rowsTable(caller, datasetId);
    QueryPlan plan = QueryPlanner.plan(query, rows.columns());
    boolean fill = plan.bucket().map(QueryPlan.PlannedBucket::fill).orElse(false);
    // a fill must see every group before it sorts and cuts, so the SQL is not limited then
    int sqlLimit = fill ? Integer.MAX_VALUE : plan.limit();
    QueryRepository.RawResult raw = transactions.inTransaction(
        tx -> repository.run(tx, rows, plan, sqlLimit, timeoutMillis));
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
