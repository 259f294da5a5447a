package dev.mark.analytics.explain;

import dev.mark.analytics.Aggregation;
import dev.mark.datasets.ColumnNotes;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Why a measure moved between two periods: what the explain service answers, and what charts
 * and narratives of an explain are made from. Numbers that may have no value (a ratio over no
 * rows, a share of a change that is 0) are null.
 *
 * @param datasetId the dataset explained, for follow-up requests
 * @param measure the measure and what is known about its unit and direction
 * @param timeColumn the column that placed rows in the periods
 * @param additive whether each dimension's contributions add up exactly to {@code change}
 * @param change current − baseline, or null when either has no value
 * @param changePct the change in percent of the baseline's absolute value, or null when the
 *     baseline is 0 or has no value
 * @param dimensions one per dimension, most surprising first
 * @param rootCauses the segments that together explain the change, strongest first; empty when
 *     the change is within noise
 */
public record ExplainOutcome(
    String datasetId,
    MeasureFacts measure,
    String timeColumn,
    CompareMode compare,
    boolean additive,
    PeriodFigure baseline,
    PeriodFigure current,
    Double change,
    Double changePct,
    List<DimensionFigure> dimensions,
    List<CauseFigure> rootCauses) {

  /** How periods of different lengths are compared. */
  public enum CompareMode { TOTAL, PER_DAY }

  /**
   * @param name the measure's output name (alias or default)
   * @param agg its aggregation; {@code RATIO} for ratios
   * @param notes its description, unit and favorable direction
   */
  public record MeasureFacts(String name, Aggregation agg, ColumnNotes notes) {}

  /** The measure over one period; {@code value} per day under {@code PER_DAY}. */
  public record PeriodFigure(OffsetDateTime from, OffsetDateTime to, Double value, long rows) {}

  /**
   * One dimension's split of the change, ranked as Adtributor ranks dimensions.
   *
   * @param residual the change minus the sum of contributions; 0 when additive
   * @param segments every value of the dimension, largest absolute contribution first
   */
  public record DimensionFigure(String dimension, double explanatoryPower, double surprise,
      boolean selected, double residual, List<SegmentFigure> segments) {}

  /**
   * One value of a dimension.
   *
   * @param value the value (String, Boolean or Long), or null for rows without one
   * @param baseline the measure over the segment in the baseline (its own rate for a ratio)
   * @param mix for ratios, the part of the contribution due to the segment's weight; else null
   * @param rate for ratios, the part due to its own rate; else null
   */
  public record SegmentFigure(Object value, Double baseline, Double current, Double change,
      double contribution, Double explanatoryPower, double surprise, double shareBaseline,
      double shareCurrent, Double mix, Double rate) {}

  /**
   * A root cause: one segment or a combination across dimensions.
   *
   * @param elements dimension → value, in the order of the request's dimensions
   * @param change its contribution to the total change
   * @param score how well the evidence supports it, from 0 to 1
   */
  public record CauseFigure(Map<String, Object> elements, Double baseline, Double current,
      Double change, Double shareOfChange, double score) {}
}
