package dev.mark.analytics.explain;

import dev.mark.analytics.Aggregation;
import dev.mark.analytics.explain.ExplainOutcome.CauseFigure;
import dev.mark.analytics.explain.NonAdditiveCauseRepository.PeriodFigures;
import dev.mark.analytics.explain.search.LeafTable;
import dev.mark.analytics.explain.search.MeasureKind;
import dev.mark.analytics.explain.search.RootCause;
import dev.mark.analytics.explain.search.RootCauseSearch;
import dev.mark.analytics.explain.search.SearchSettings;
import dev.mark.datasets.ColumnSpec;
import dev.mark.datasets.RowsTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Root causes of a measure that does not add up over segments ({@code count_distinct},
 * {@code median}, {@code p90}), in two steps.
 *
 * <ol>
 *   <li>Candidates: the root-cause search on the measure's additive companion, which moves with
 *       it and does add up: for {@code median} and {@code p90} the mean of the same column (a
 *       ratio, searched on its sum and its count, so that a segment whose values shifted and one
 *       whose volume shifted are both seen); for {@code count_distinct} the distinct values
 *       counted within each leaf. The search's noise model decides what is evidence, so pure
 *       noise has no candidate.
 *   <li>Verification, in one more statement: the measure itself recomputed without each
 *       candidate's rows (leave-one-out). A candidate's effect is how much of the change goes
 *       away without it: {@code change − (current without it − baseline without it)}. A
 *       candidate stays when its effect is at least {@link #MATERIAL} of the larger of the total
 *       change and the largest effect: a real shift in the companion that barely moves this
 *       measure (a mean pulled by a few outliers, say, while the median held) is not its cause.
 * </ol>
 *
 * Effects do not add up (the measure does not), so each cause's {@code change} is its own
 * leave-one-out effect and its {@code baseline} and {@code current} the measure over its rows.
 */
final class NonAdditiveRootCauses {

  /** The least effect a candidate must have, as a share of the change (or of the largest effect). */
  static final double MATERIAL = 0.1;

  private final NonAdditiveCauseRepository repository = new NonAdditiveCauseRepository();
  private final RootCauseSearch search = new RootCauseSearch();

  List<CauseFigure> find(DSLContext tx, RowsTable rows, ExplainPlan plan, List<ColumnSpec> dimensions) {
    if (dimensions.isEmpty() || plan.maxRootCauses() == 0 || plan.measure().column().isEmpty()) {
      return List.of();
    }
    MeasureKind kind = plan.measure().agg() == Aggregation.COUNT_DISTINCT ? MeasureKind.ADDITIVE : MeasureKind.RATIO;
    LeafTable table = new LeafTable(dimensions.stream().map(ColumnSpec::name).toList(),
        RootCauseFinder.leaves(repository.companionLeaves(tx, rows, plan, dimensions), kind));
    List<RootCause> candidates = search.find(table, kind, SearchSettings.DEFAULTS.withMaxRootCauses(plan.maxRootCauses()));
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<PeriodFigures> figures = repository.leaveOneOut(tx, rows, plan, dimensions,
        candidates.stream().map(RootCause::elements).toList());
    PeriodFigures baseline = period(figures, 0);
    PeriodFigures current = period(figures, 1);
    if (baseline == null || current == null || baseline.total() == null || current.total() == null) {
      return List.of();
    }
    double baselineDays = plan.divisor(plan.baseline()).doubleValue();
    double currentDays = plan.divisor(plan.current()).doubleValue();
    double change = current.total().doubleValue() / currentDays - baseline.total().doubleValue() / baselineDays;
    List<CauseFigure> causes = new ArrayList<>();
    double largest = Math.abs(change);
    double[] effects = new double[candidates.size()];
    for (int c = 0; c < candidates.size(); c++) {
      double without = value(current.outside().get(c), currentDays) - value(baseline.outside().get(c), baselineDays);
      effects[c] = change - without;
      if (Double.isFinite(effects[c])) {
        largest = Math.max(largest, Math.abs(effects[c]));
      }
    }
    for (int c = 0; c < candidates.size(); c++) {
      if (!Double.isFinite(effects[c]) || Math.abs(effects[c]) < MATERIAL * largest || effects[c] == 0) {
        continue;
      }
      causes.add(new CauseFigure(
          typed(dimensions, candidates.get(c).elements()),
          finite(value(baseline.inside().get(c), baselineDays)),
          finite(value(current.inside().get(c), currentDays)),
          effects[c],
          change == 0 ? null : effects[c] / change,
          RootCauseFinder.score(candidates.get(c))));
    }
    causes.sort(Comparator.comparingDouble((CauseFigure f) -> -Math.abs(f.change())));
    return List.copyOf(causes);
  }

  private static PeriodFigures period(List<PeriodFigures> figures, int period) {
    return figures.stream().filter(f -> f.period() == period).findFirst().orElse(null);
  }

  /** The figure per the plan's days; NaN when there is none (no rows). */
  private static double value(BigDecimal figure, double days) {
    return figure == null ? Double.NaN : figure.doubleValue() / days;
  }

  private static Map<String, Object> typed(List<ColumnSpec> dimensions, Map<String, String> elements) {
    Map<String, Object> typed = new LinkedHashMap<>();
    for (ColumnSpec dimension : dimensions) {
      if (elements.containsKey(dimension.name())) {
        typed.put(dimension.name(), DimensionValues.typed(dimension, elements.get(dimension.name())));
      }
    }
    return typed;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
