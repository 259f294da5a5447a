package dev.mark.analytics.explain;

import dev.mark.analytics.explain.ExplainOutcome.CauseFigure;
import dev.mark.analytics.explain.ExplainRepository.LeafRow;
import dev.mark.analytics.explain.search.Leaf;
import dev.mark.analytics.explain.search.LeafTable;
import dev.mark.analytics.explain.search.MeasureKind;
import dev.mark.analytics.explain.search.RootCause;
import dev.mark.analytics.explain.search.RootCauseSearch;
import dev.mark.analytics.explain.search.SearchSettings;
import dev.mark.datasets.ColumnSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the root causes of an additive or ratio measure's change: hands the leaves to the
 * root-cause search, and types its causes back into the API's terms (values as the dimension's
 * type, per day where the plan says so, a score from 0 to 1).
 */
final class RootCauseFinder {

  /**
   * The search's evidence (chi-square units above the noise) that maps to a score of ½: about
   * its own threshold, {@code 2·ln(20·M)}, for the thousands of cells a search looks at.
   */
  private static final double HALF_SCORE_EVIDENCE = 20;

  private final RootCauseSearch search = new RootCauseSearch();

  List<CauseFigure> find(ExplainPlan plan, List<ColumnSpec> dimensions, List<LeafRow> rows, BigDecimal change) {
    if (dimensions.isEmpty() || plan.maxRootCauses() == 0 || change == null) {
      return List.of();
    }
    MeasureKind kind = plan.shape() == MeasureShape.ADDITIVE ? MeasureKind.ADDITIVE : MeasureKind.RATIO;
    LeafTable table = new LeafTable(dimensions.stream().map(ColumnSpec::name).toList(), leaves(rows, kind));
    SearchSettings settings = SearchSettings.DEFAULTS.withMaxRootCauses(plan.maxRootCauses());
    List<CauseFigure> causes = new ArrayList<>();
    for (RootCause cause : search.find(table, kind, settings)) {
      causes.add(figure(plan, dimensions, kind, cause, change));
    }
    return causes;
  }

  /** One leaf per combination, both periods' parts side by side. */
  static List<Leaf> leaves(List<LeafRow> rows, MeasureKind kind) {
    Map<List<String>, double[]> parts = new LinkedHashMap<>();
    for (LeafRow row : rows) {
      List<String> key = Arrays.stream(row.values()).map(DimensionValues::text).toList();
      double[] p = parts.computeIfAbsent(key, k -> new double[6]);
      p[row.period() * 2] += row.numerator().doubleValue();
      // an additive leaf's denominator says only that the leaf has rows in the period
      p[row.period() * 2 + 1] += kind == MeasureKind.ADDITIVE ? (row.rows() > 0 ? 1 : 0) : row.denominator().doubleValue();
      p[4 + row.period()] += row.rows();
    }
    List<Leaf> leaves = new ArrayList<>(parts.size());
    parts.forEach((key, p) -> leaves.add(new Leaf(key.toArray(String[]::new), p[0], p[1], p[2], p[3], p[4], p[5])));
    return leaves;
  }

  private static CauseFigure figure(ExplainPlan plan, List<ColumnSpec> dimensions, MeasureKind kind,
      RootCause cause, BigDecimal totalChange) {
    Map<String, Object> elements = new LinkedHashMap<>();
    for (ColumnSpec dimension : dimensions) {
      if (cause.elements().containsKey(dimension.name())) {
        elements.put(dimension.name(), DimensionValues.typed(dimension, cause.elements().get(dimension.name())));
      }
    }
    double baseline = cause.baseline();
    double current = cause.current();
    double change = cause.change();
    if (kind == MeasureKind.ADDITIVE) {
      baseline /= plan.divisor(plan.baseline()).doubleValue();
      current /= plan.divisor(plan.current()).doubleValue();
      change = current - baseline;
    }
    Double share = totalChange.signum() == 0 ? null : change / totalChange.doubleValue();
    return new CauseFigure(elements, finite(baseline), finite(current), finite(change), share, score(cause));
  }

  /** The search's evidence as a score from 0 to 1. */
  static double score(RootCause cause) {
    return Math.max(0, Math.min(1, cause.score() / (cause.score() + HALF_SCORE_EVIDENCE)));
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
