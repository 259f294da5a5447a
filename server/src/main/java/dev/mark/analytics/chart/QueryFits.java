package dev.mark.analytics.chart;

import static dev.mark.analytics.chart.ChartKind.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on every chart kind for a query's answer, ranked. The ranking follows the
 * perceptual-effectiveness order of Mackinlay (1986), as CompassQL and Draco weigh it: position
 * on a common scale first (lines, bars, points), then length, then angle and area (pie), then
 * colour (heatmap); time goes on x; colour carries at most {@code maxCategories} categories.
 */
final class QueryFits {

  // Few enough colours to tell apart side by side; grouped bars beyond this are a forest.
  static final int MAX_GROUPS = 6;
  // A pie compares angles, the weakest common channel after area: only a few parts.
  static final int MAX_PIE_PARTS = 6;
  // Vertical bars are kept for a few short labels; beyond, horizontal bars read better.
  static final int MAX_VERTICAL_BARS = 7;
  static final int MAX_VERTICAL_LABEL = 12;

  private final QueryShape s;
  private final int max;

  private QueryFits(QueryShape shape, int maxCategories) {
    this.s = shape;
    this.max = maxCategories;
  }

  static List<Fit> rank(QueryShape shape, int maxCategories) {
    return new QueryFits(shape, maxCategories).rank();
  }

  /** Whether the answer is one numeric dimension whose values are counted or summed: binned. */
  static boolean numericDistribution(QueryShape s, int max) {
    return s.time().isEmpty() && s.dimensions().size() == 1 && s.measures().size() == 1
        && s.dimensions().getFirst().numeric() && s.measures().getFirst().additive()
        && s.dimensions().getFirst().distinct() > max;
  }

  private List<Fit> rank() {
    if (s.rowCount() == 0 || s.measures().isEmpty()) {
      return nothingToDraw();
    }
    Map<ChartKind, Fit> fits = new EnumMap<>(ChartKind.class);
    for (Fit fit : List.of(kpi(), line(), area(), stackedArea(), bar(), horizontalBar(), groupedBar(),
        stackedBar(), heatmap(), scatter(), histogram(), table(), boxplot(), pie(), waterfall())) {
      fits.put(fit.kind(), fit);
    }
    List<ChartKind> order = new ArrayList<>(List.of(LINE, AREA, STACKED_AREA, BAR, HORIZONTAL_BAR,
        GROUPED_BAR, STACKED_BAR, HEATMAP, SCATTER, HISTOGRAM, KPI, TABLE, BOXPLOT, PIE, WATERFALL));
    if (s.rowCount() == 1) {
      first(order, KPI);
    }
    if (s.time().isEmpty() && s.measures().size() == 2) {
      first(order, SCATTER);
    }
    if (numericDistribution(s, max)) {
      first(order, HISTOGRAM);
    } else if (oneDimension() && s.dimensions().getFirst().numeric() && !measure().additive()) {
      first(order, SCATTER);
    }
    if (oneDimension() && !verticalBars()) {
      order.remove(HORIZONTAL_BAR);
      order.add(order.indexOf(BAR), HORIZONTAL_BAR);
    }
    List<Fit> ranked = new ArrayList<>(order.stream().map(fits::get).filter(Fit::fits).toList());
    order.stream().map(fits::get).filter(f -> !f.fits()).forEach(ranked::add);
    return ranked;
  }

  private List<Fit> nothingToDraw() {
    String why = s.rowCount() == 0 ? "the answer has no rows" : "the answer has no measure";
    List<Fit> ranked = new ArrayList<>(List.of(table()));
    for (ChartKind kind : ChartKind.values()) {
      if (kind != TABLE) {
        ranked.add(Fit.no(kind, "a " + kind.apiName() + " cannot be drawn: " + why));
      }
    }
    return ranked;
  }

  private Fit kpi() {
    if (s.measures().size() != 1) {
      return Fit.no(KPI, "a kpi shows a single measure, and this answer has " + s.measures().size());
    }
    if (s.rowCount() == 1 && s.dimensions().isEmpty()) {
      return Fit.yes(KPI, "one value: a single number reads best");
    }
    if (s.time().isPresent() && s.dimensions().isEmpty() && s.rowCount() >= 2) {
      return Fit.yes(KPI, "the latest " + bucket() + " as a single number, with its change from the one before");
    }
    return Fit.no(KPI, "a kpi shows one value, and this answer has " + s.rowCount() + " rows across "
        + groupingWords());
  }

  private Fit line() {
    if (s.time().isEmpty()) {
      if (oneDimension() && s.dimensions().getFirst().numeric() && s.measures().size() == 1 && s.rowCount() >= 2) {
        return Fit.yes(LINE, "a measure along an ordered numeric dimension: a line shows its shape");
      }
      return Fit.no(LINE, "a line needs a time bucket or an ordered numeric dimension on x");
    }
    if (buckets() < 2) {
      return Fit.no(LINE, "a line needs at least two time buckets, and this answer has " + buckets());
    }
    if (s.dimensions().isEmpty() && s.measures().size() > 1 && !MeasureField.shareAUnit(s.measures())) {
      return Fit.no(LINE, "measures of different units cannot share an axis: ask for one measure at a time");
    }
    if (s.dimensions().isEmpty() && s.measures().size() <= max) {
      return Fit.yes(LINE, s.measures().size() == 1
          ? "one time dimension and one measure: a line over time"
          : "one time dimension and " + s.measures().size() + " measures: a line each over time");
    }
    if (oneDimension() && s.measures().size() == 1 && (categories() <= max || measure().additive())) {
      return Fit.yes(LINE, "a measure over time for each " + dimension().title().toLowerCase()
          + ": one coloured line per value" + (categories() > max ? ", the largest " + (max - 1) + " and Other" : ""));
    }
    return Fit.no(LINE, oneDimension()
        ? "a line per value needs at most " + max + " values or an additive measure to group the rest as Other"
        : "a line over time shows one measure by at most one dimension");
  }

  private Fit area() {
    if (s.time().isPresent() && s.dimensions().isEmpty() && s.measures().size() == 1 && buckets() >= 2) {
      return Fit.yes(AREA, "one measure over time, filled down to zero: stresses volume, less precise than a line");
    }
    return Fit.no(AREA, "an area shows one measure over a time bucket with no dimension");
  }

  private Fit stackedArea() {
    if (s.time().isPresent() && oneDimension() && s.measures().size() == 1 && buckets() >= 2
        && partsOfWhole()) {
      return Fit.yes(STACKED_AREA, "the parts of an additive total over time, stacked: the total reads well, each part less so");
    }
    return Fit.no(STACKED_AREA, "a stacked area needs a time bucket, one dimension and an additive, non-negative measure");
  }

  private Fit bar() {
    if (s.measures().size() != 1) {
      return Fit.no(BAR, "bars show one measure; this answer has " + s.measures().size());
    }
    if (s.time().isPresent() && s.dimensions().isEmpty()) {
      return Fit.yes(BAR, "a bar per " + bucket() + ": lengths compare single periods well");
    }
    if (s.time().isEmpty() && oneDimension()) {
      if (categories() <= max) {
        return Fit.yes(BAR, "one dimension and one measure: bars sorted by value, the most precise comparison");
      }
      if (measure().additive()) {
        return Fit.yes(BAR, "bars sorted by value, the largest " + (max - 1) + " and the rest as Other");
      }
      return Fit.no(BAR, "more than " + max + " values of a measure that does not add up: use horizontal bars");
    }
    return Fit.no(BAR, "bars show one measure by one dimension or over time; this answer has " + groupingWords());
  }

  private Fit horizontalBar() {
    if (s.time().isEmpty() && oneDimension() && s.measures().size() == 1) {
      String rest = categories() > max && measure().additive() ? ", the largest " + (max - 1) + " and Other" : "";
      return Fit.yes(HORIZONTAL_BAR, "one dimension and one measure: horizontal bars sorted by value leave room for long names" + rest);
    }
    return Fit.no(HORIZONTAL_BAR, "horizontal bars show one measure by one dimension, without a time bucket");
  }

  private Fit groupedBar() {
    if (s.time().isEmpty() && oneDimension() && s.measures().size() >= 2 && s.measures().size() <= MAX_GROUPS
        && categories() <= max && MeasureField.shareAUnit(s.measures())) {
      return Fit.yes(GROUPED_BAR, "a bar for each measure side by side, by " + dimension().title().toLowerCase());
    }
    if (s.measures().size() == 1 && s.groupings() == 2 && smallerGrouping() <= MAX_GROUPS
        && largerGrouping() <= max) {
      return Fit.yes(GROUPED_BAR, "two dimensions and one measure, with few values in one: grouped bars compare within each group");
    }
    return Fit.no(GROUPED_BAR, "grouped bars need two groupings, one of at most " + MAX_GROUPS
        + " values and the other of at most " + max);
  }

  private Fit stackedBar() {
    if (s.measures().size() == 1 && s.groupings() == 2 && partsOfWhole() && smallerGrouping() <= max
        && largerGrouping() <= Math.max(max, 36)) {
      return Fit.yes(STACKED_BAR, "two groupings of an additive measure: stacked bars show each total and its parts");
    }
    return Fit.no(STACKED_BAR, "stacked bars need two groupings and an additive, non-negative measure");
  }

  private Fit heatmap() {
    if (s.measures().size() == 1 && s.groupings() == 2 && s.rowCount() >= 2) {
      return Fit.yes(HEATMAP, "two groupings and one measure: a grid coloured by value shows every cell, even with many values");
    }
    return Fit.no(HEATMAP, "a heatmap needs exactly two groupings and one measure");
  }

  private Fit scatter() {
    if (s.rowCount() < 3) {
      return Fit.no(SCATTER, "a scatter needs at least three points");
    }
    if (s.measures().size() == 2 && s.groupings() <= 1) {
      return Fit.yes(SCATTER, "two measures: one against the other, a point per " + rowWord());
    }
    if (s.time().isEmpty() && oneDimension() && dimension().numeric() && s.measures().size() == 1) {
      return Fit.yes(SCATTER, "a numeric dimension and a measure: a point per value");
    }
    return Fit.no(SCATTER, "a scatter needs two quantities: two measures, or a numeric dimension and a measure");
  }

  private Fit histogram() {
    if (numericDistribution(s, max)) {
      return Fit.yes(HISTOGRAM, "a numeric dimension with many values: its distribution in bins");
    }
    if (s.measures().size() == 1 && s.groupings() >= 1 && s.rowCount() >= 10) {
      return Fit.yes(HISTOGRAM, "how the measure's values spread over the " + s.rowCount() + " groups, in bins");
    }
    return Fit.no(HISTOGRAM, "a histogram needs one measure over at least 10 groups, or a numeric dimension");
  }

  private Fit table() {
    return Fit.yes(TABLE, "the values as they are");
  }

  private Fit boxplot() {
    if (s.measures().size() == 1 && s.groupings() == 2 && s.rowCount() >= 3 * smallerGrouping()
        && smallerGrouping() <= max) {
      return Fit.yes(BOXPLOT, "the spread of the measure within each value of the smaller grouping");
    }
    return Fit.no(BOXPLOT, "a boxplot needs two groupings with at least three values of the measure per box");
  }

  private Fit pie() {
    if (s.time().isEmpty() && oneDimension() && s.measures().size() == 1 && partsOfWhole()
        && categories() >= 2 && categories() <= MAX_PIE_PARTS) {
      return Fit.yes(PIE, "a few parts of a whole; angles compare less precisely than bars");
    }
    return Fit.no(PIE, "a pie needs one dimension of 2 to " + MAX_PIE_PARTS
        + " values and an additive, non-negative measure");
  }

  private Fit waterfall() {
    return Fit.no(WATERFALL, "a waterfall shows an explain's contributions from baseline to current; ask explain for it");
  }

  private boolean verticalBars() {
    CategoryField d = dimension();
    return d.distinct() <= MAX_VERTICAL_BARS && d.longestLabel() <= MAX_VERTICAL_LABEL;
  }

  private boolean partsOfWhole() {
    return s.measures().size() == 1 && measure().additive() && measure().nonNegative();
  }

  private boolean oneDimension() {
    return s.dimensions().size() == 1;
  }

  private CategoryField dimension() {
    return s.dimensions().getFirst();
  }

  private MeasureField measure() {
    return s.measures().getFirst();
  }

  private int categories() {
    return dimension().distinct();
  }

  private int buckets() {
    return s.time().map(t -> t.buckets().size()).orElse(0);
  }

  private String bucket() {
    return s.time().map(t -> t.granularity().name().toLowerCase()).orElse("row");
  }

  private String rowWord() {
    return s.time().isPresent() ? bucket() : s.dimensions().isEmpty() ? "row" : dimension().title().toLowerCase();
  }

  private int smallerGrouping() {
    return Math.min(groupingSize(0), groupingSize(1));
  }

  private int largerGrouping() {
    return Math.max(groupingSize(0), groupingSize(1));
  }

  private int groupingSize(int index) {
    List<Integer> sizes = new ArrayList<>();
    s.time().ifPresent(t -> sizes.add(t.buckets().size()));
    s.dimensions().forEach(d -> sizes.add(d.distinct()));
    return index < sizes.size() ? sizes.get(index) : 0;
  }

  private String groupingWords() {
    return s.groupings() == 0 ? "no grouping" : s.groupings() == 1 ? "one grouping" : s.groupings() + " groupings";
  }

  private static void first(List<ChartKind> order, ChartKind kind) {
    order.remove(kind);
    order.addFirst(kind);
  }
}
