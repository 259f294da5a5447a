package dev.mark.analytics;

import dev.mark.datasets.DatasetService;
import dev.mark.datasets.RowsTable;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers metric queries over a dataset's rows: in one transaction, finds the dataset (held
 * until the end, so that a concurrent delete waits or is seen as a 404), checks the query
 * against it and runs it under a statement timeout; then returns JSON-ready values. Sorting,
 * limiting and filling empty buckets all happen in the query's SQL.
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
      return new Planned(plan, repository.run(tx, rows, plan, timeoutMillis));
    });
    QueryPlan plan = planned.plan();
    ResultValues values = new ResultValues(plan);
    return new QueryOutcome(
        plan.outputColumns(),
        planned.raw().rows().stream().map(values::row).toList(),
        planned.raw().totals().map(totals -> totals(plan, values, totals)),
        plan.bucket().map(b -> new TimeAxis(b.column().name(), b.granularity(), b.zone(), b.from(), b.to())));
  }

  private static Map<String, Object> totals(QueryPlan plan, ResultValues values, Object[] totals) {
    Map<String, Object> byName = new LinkedHashMap<>();
    for (int i = 0; i < plan.measures().size(); i++) {
      byName.put(plan.measures().get(i).name(), values.measure(totals[i]));
    }
    return byName;
  }
}
