package dev.mark.analytics.narrative;

import java.util.Comparator;
import java.util.List;

/**
 * The catalogue of statements, version {@value #VERSION}: its thresholds, and how statements
 * are ranked. A change of wording, threshold or formula is a new version, so that a stored
 * narrative can be told apart from one the server would write today.
 *
 * <p>Importance, from 0 to 1, by kind:
 * <ul>
 *   <li>{@code period_change}: 0.6 + 0.4·min(1, |change %| / 10) — the answer itself, more so
 *       when the change is large; 0.8 when no percentage can be computed.
 *   <li>{@code flat}: 0.9 — it is the answer when nothing moved.
 *   <li>{@code trend}: 0.9·(1 − p) with p the Mann–Kendall p-value (said only below 0.05).
 *   <li>{@code record}: 0.5 + 0.4·min(1, margin / range), margin over the previous extreme.
 *   <li>{@code top_contributor}, {@code top_detractor}: 0.9·min(1, |contribution / change|), the
 *       share of the change explained; in a grouped query 0.8·share of the total.
 *   <li>{@code offset}: 0.8·min(1, |offsetting| / |offset|).
 *   <li>{@code concentration}: 0.7·share held by the top fifth.
 *   <li>{@code outlier}: 0.4 + 0.5·min(1, (|z| − 3.5) / 3.5).
 *   <li>{@code mix_shift}: 0.5 + 0.4·|mix| / (|mix| + |rate|).
 *   <li>{@code caveat}: 0.75 when a comparison cannot be made; 0.6·min(1, missing/buckets +
 *       0.5) for missing buckets; 0.5·min(1, |residual / change|) for a non-additive residual.
 * </ul>
 * Statements are sorted by importance, then by kind and text so that ties are broken the same
 * way every time, and cut at {@value #MAX_STATEMENTS}.
 */
public final class Catalogue {

  public static final String VERSION = "1";
  public static final int MAX_STATEMENTS = 5;
  public static final int MAX_SUGGESTIONS = 5;

  /** Two-sided significance level of the Mann–Kendall test for a trend. */
  static final double TREND_P = 0.05;
  /** The fewest buckets a trend, a record or an outlier is looked for in. */
  static final int MIN_SERIES = 4;
  /** Iglewicz and Hoaglin's cut-off for the modified z-score of an outlier. */
  static final double OUTLIER_Z = 3.5;
  /** An explained change below this many percent of the baseline is flat. */
  static final double FLAT_PCT = 1.0;
  /**
   * A bucket-to-bucket change within this many robust standard deviations (1.4826·MAD) of the
   * series' earlier bucket-to-bucket changes is flat.
   */
  static final double FLAT_SIGMAS = 2.0;
  /** Concentration: the top fifth of at least 5 segments holding this share of the total. */
  static final double CONCENTRATION_SHARE = 0.8;
  /** An offsetting segment must cancel at least this part of the change it offsets. */
  static final double OFFSET_MIN_RATIO = 0.2;
  /** A contributor must explain at least this share of the change to be named. */
  static final double CONTRIBUTOR_MIN_SHARE = 0.1;

  private Catalogue() {}

  static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /** The most important statements first, at most {@value #MAX_STATEMENTS}. */
  static List<Statement> rank(List<Statement> candidates) {
    return candidates.stream()
        .sorted(Comparator.comparingDouble(Statement::importance).reversed()
            .thenComparing(Statement::kind)
            .thenComparing(Statement::text))
        .limit(MAX_STATEMENTS)
        .toList();
  }

  /** Importance rounded to 3 decimals, so that the JSON never shows float noise. */
  static double importance(double x) {
    return Math.round(clamp(x) * 1000) / 1000.0;
  }
}
