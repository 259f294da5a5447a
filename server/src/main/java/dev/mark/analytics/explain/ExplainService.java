package dev.mark.analytics.explain;

import dev.mark.analytics.AnalyticsRunner;
import dev.mark.analytics.QueryPrice;
import dev.mark.analytics.explain.ExplainOutcome.CauseFigure;
import dev.mark.analytics.explain.ExplainOutcome.MeasureFacts;
import dev.mark.analytics.explain.ExplainOutcome.PeriodFigure;
import dev.mark.analytics.explain.ExplainRepository.LeafRow;
import dev.mark.analytics.explain.ExplainRepository.SegmentRow;
import dev.mark.analytics.explain.SegmentSplit.DimensionSplit;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.DatasetRecord;
import dev.mark.datasets.DatasetService;
import dev.mark.datasets.RowsTable;
import dev.mark.platform.ratelimit.Charges;
import dev.mark.platform.security.Principal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains why a measure moved between two periods. Priced as a query and run by
 * {@link AnalyticsRunner} (the plan's concurrency, the analytics connections, the statement
 * timeout), in one transaction it finds the dataset
 * (held until the end, as a query does), checks the request, picks the default dimensions if
 * none were named, and reads the leaves in one SQL statement; the split of the change, the
 * Adtributor ranking and the root-cause search then run in memory.
 */
public final class ExplainService {

  private final AnalyticsRunner runner;
  private final DatasetService datasets;
  private final ExplainRepository repository = new ExplainRepository();
  private final RootCauseFinder causes = new RootCauseFinder();
  private final NonAdditiveRootCauses nonAdditiveCauses = new NonAdditiveRootCauses();

  public ExplainService(AnalyticsRunner runner, DatasetService datasets) {
    this.runner = runner;
    this.datasets = datasets;
  }

  /** What the transaction read: the plan, the dimensions, and the leaves or segment figures. */
  private record Read(ExplainPlan plan, List<ColumnSpec> dimensions, List<LeafRow> leaves, List<SegmentRow> segments,
      List<CauseFigure> nonAdditiveCauses) {}

  /**
   * @param charges where the explain's price beyond its base (the operation's cost, already
   *     charged) is charged: it is priced as a query of its measure, filters and dimensions
   */
  public ExplainOutcome explain(Principal caller, String datasetId, ExplainQuery query, Charges charges) {
    DatasetRecord dataset = datasets.get(caller, datasetId);
    QueryPrice price = QueryPrice.of(charges.charged(), ExplainPlanner.plan(query, dataset.columns()).checked(),
        dataset.rowCount());
    Read read = runner.run(caller, charges, price, tx -> {
      RowsTable rows = datasets.rowsTable(tx, caller, datasetId);
      ExplainPlan plan = ExplainPlanner.plan(query, rows.columns());
      List<ColumnSpec> dimensions = plan.dimensions()
          .orElseGet(() -> DimensionLimits.defaults(plan.candidates(),
              repository.distinctCounts(tx, rows, plan, plan.candidates())));
      if (plan.shape() == MeasureShape.LEAVE_ONE_OUT) {
        // the leave-one-out statement joins rows to segments: refuse too many before it runs
        Map<Integer, Long> distinct = plan.dimensions().isPresent()
            ? repository.distinctCounts(tx, rows, plan, dimensions) : Map.of();
        DimensionLimits.check(plan, dimensions, i -> distinct.getOrDefault(i, 0L).intValue());
        return new Read(plan, dimensions, List.of(),
            dimensions.isEmpty() ? List.of() : repository.segments(tx, rows, plan, dimensions),
            nonAdditiveCauses.find(tx, rows, plan, dimensions));
      }
      return new Read(plan, dimensions, repository.leaves(tx, rows, plan, dimensions), List.of(), List.of());
    });
    return read.plan().shape() == MeasureShape.LEAVE_ONE_OUT ? leaveOneOut(datasetId, read) : exact(datasetId, read);
  }

  private ExplainOutcome exact(String datasetId, Read read) {
    ExplainPlan plan = read.plan();
    LeafSegments segments = new LeafSegments(read.leaves(), read.dimensions());
    DimensionLimits.check(plan, read.dimensions(), segments::distinctValues);
    ExactSplit split = new ExactSplit(plan, segments.totals());
    List<DimensionSplit> splits = new ArrayList<>();
    for (int i = 0; i < read.dimensions().size(); i++) {
      splits.add(split.split(read.dimensions().get(i).name(), segments.of(i)));
    }
    List<CauseFigure> found = causes.find(plan, read.dimensions(), read.leaves(), split.change());
    return outcome(datasetId, plan, true, split.baseline(), split.current(), segments.totals().rows0(),
        segments.totals().rows1(), split.change(), splits, found);
  }

  private ExplainOutcome leaveOneOut(String datasetId, Read read) {
    ExplainPlan plan = read.plan();
    LeaveOneOutSplit split = new LeaveOneOutSplit(plan, read.segments());
    List<DimensionSplit> splits = new ArrayList<>();
    for (int i = 0; i < read.dimensions().size(); i++) {
      splits.add(split.split(i, read.dimensions().get(i)));
    }
    return outcome(datasetId, plan, false, split.baseline(), split.current(), split.rows(0), split.rows(1),
        split.change(), splits, read.nonAdditiveCauses());
  }

  private static ExplainOutcome outcome(String datasetId, ExplainPlan plan, boolean additive, BigDecimal baseline,
      BigDecimal current, long rows0, long rows1, BigDecimal change, List<DimensionSplit> splits,
      List<CauseFigure> rootCauses) {
    BigDecimal changePct = change == null || baseline == null || baseline.signum() == 0 ? null
        : change.multiply(BigDecimal.valueOf(100)).divide(baseline.abs(), ExactSplit.MATH);
    return new ExplainOutcome(
        datasetId,
        new MeasureFacts(plan.measure().name(), plan.measure().agg(), plan.measure().notes()),
        plan.timeColumn().name(),
        plan.compare(),
        additive,
        new PeriodFigure(plan.baseline().from(), plan.baseline().to(), doubleOf(baseline), rows0),
        new PeriodFigure(plan.current().from(), plan.current().to(), doubleOf(current), rows1),
        doubleOf(change),
        doubleOf(changePct),
        new AdtributorRanking(plan.adtributor()).rank(splits, change),
        rootCauses);
  }

  private static Double doubleOf(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }
}
