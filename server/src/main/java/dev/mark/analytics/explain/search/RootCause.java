package dev.mark.analytics.explain.search;

import java.util.Map;

/**
 * A combination of dimension values that moved the measure.
 *
 * <p>For {@link MeasureKind#ADDITIVE} measures {@code baseline} and {@code current} are the sums
 * over the rows the cause covers, and {@code change = current - baseline}. For
 * {@link MeasureKind#RATIO} measures {@code baseline} and {@code current} are the cause's own
 * rates, and {@code change} is its rate effect on the total: how far the total ratio moved because
 * the cause's leaves changed rate, at current volume ({@code Σ (currentNum - currentDen ×
 * baselineRate) / total currentDen}, summed over the cause's leaves; a leaf with no baseline rows
 * keeps its current rate, so it adds nothing).
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
