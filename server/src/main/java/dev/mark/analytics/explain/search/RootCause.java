package dev.mark.analytics.explain.search;

import java.util.Map;

/**
 * A combination of dimension values that moved the measure.
 *
 * <p>For {@link MeasureKind#ADDITIVE} measures {@code baseline} and {@code current} are the sums
 * over the rows the cause covers, and {@code change = current - baseline}. For
 * {@link MeasureKind#RATIO} measures {@code baseline} and {@code current} are the cause's own
 * rates, and {@code change} is its effect on the total ratio: the current total ratio less what
 * it would be had the cause's leaves kept their baseline rate and their baseline share of the
 * volume. A cause that moved only its rate gets its rate effect, one that moved only its volume
 * its mix effect (a leaf with no baseline rows counts as added volume).
 *
 * @param elements dimension → value, in the table's dimension order; a value may be null
 * @param shareOfChange {@code change} ÷ the total change (negative when the cause moved against
 *     the total; NaN when the total did not move)
 * @param score the evidence for the cause: how far, in chi-square units, its fit clears the
 *     evidence threshold; always positive, higher is stronger
 */
public record RootCause(
    Map<String, String> elements,
    double baseline,
    double current,
    double change,
    double shareOfChange,
    double score) {}
