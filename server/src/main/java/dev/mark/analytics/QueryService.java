package dev.mark.analytics;

import dev.mark.datasets.DatasetRecord;
import dev.mark.datasets.DatasetService;
import dev.mark.datasets.RowsTable;
import dev.mark.platform.ratelimit.Charges;
import dev.mark.platform.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers metric queries over a dataset's rows. The query is checked and priced first
 * ({@link QueryPrice}, from the dataset as this node knows it); then {@link AnalyticsRunner}
 * charges it and runs it in one transaction on the analytics connections, which finds the
 * dataset again (held until the end, so that a concurrent delete waits or is seen as a 404),
 * checks the query against it and runs it under a statement timeout; then returns JSON-ready
 * values. Sorting, limiting and filling empty buckets all happen in the query's SQL.
 */
public final class QueryService {

  private final AnalyticsRunner runner;
  private final DatasetService datasets;
  private final QueryRepository repository = new QueryRepository();

  public QueryService(AnalyticsRunner runner, DatasetService datasets) {
    this.runner = runner;
    this.datasets = datasets;
  }

  private record Planned(QueryPlan plan, QueryRepository.RawResult raw) {}

  /**
   * @param charges where the query's price beyond its base (the operation's cost, already
   *     charged) is charged
   */
  public QueryOutcome run(Principal caller, String datasetId, MetricQuery query, Charges charges) {
    DatasetRecord dataset = datasets.get(caller, datasetId);
    QueryPrice price = QueryPrice.of(charges.charged(), QueryPlanner.plan(query, dataset.columns()),
        dataset.rowCount());
    Planned planned = runner.run(caller, charges, price, tx -> {
      RowsTable rows = datasets.rowsTable(tx, caller, datasetId);
      QueryPlan plan = QueryPlanner.plan(query, rows.columns());
      return new Planned(plan, repository.run(tx, rows, plan));
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
