package dev.mark.analytics.narrative;

import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.Favorable;
import java.util.Map;
import java.util.Optional;

/**
 * How a measure is named and how its values and changes are written, from its notes.
 *
 * <p>Units, one rule for all: EUR, USD and GBP take their symbol before the number ("€1,234",
 * "−$5,000"), every other currency code follows it ("1,234 CHF"); {@code percent} values are
 * percentages (12.5 → "12.5 %") and {@code fraction} values shares (0.125 → "12.5 %"), and a
 * change of either is written in percentage points; any other label follows the number ("1,234
 * visits"). Amounts of money below 1,000 that are not whole show their cents ("€129.90"). A
 * count has no unit.
 */
final class MeasureVoice {

  /** Names longer than this read badly inside a sentence: the column's name is used instead. */
  static final int MAX_DESCRIPTION_LENGTH = 40;

  private static final Map<String, String> SYMBOLS = Map.of("EUR", "€", "USD", "$", "GBP", "£");

  // prefixes of the default output names (`sum_revenue`), turned into words
  private static final String[][] PREFIXES = {
      {"count_distinct_", "distinct "}, {"count_", "count of "}, {"sum_", ""}, {"avg_", "average "},
      {"min_", "minimum "}, {"max_", "maximum "}, {"median_", "median "}, {"p90_", "90th percentile of "}};

  private final String name;
  private final Optional<String> unit;
  private final Favorable favorable;

  MeasureVoice(String outputName, ColumnNotes notes) {
    this.name = notes.description()
        .filter(d -> !d.isBlank() && d.length() <= MAX_DESCRIPTION_LENGTH)
        .orElseGet(() -> readable(outputName));
    this.unit = notes.unit();
    this.favorable = notes.favorable();
  }

  /** The measure's name inside a sentence: "revenue", "Net revenue". */
  String name() {
    return name;
  }

  /** The name at the start of a sentence. */
  String subject() {
    return capitalized(name);
  }

  /** A value in the measure's unit: "€1,234", "12.5 %", "1,234 CHF". */
  String value(double x) {
    return withUnit(x, false);
  }

  /** A change with its sign: "+€4,000", "−2.1 percentage points". */
  String change(double x) {
    return withUnit(x, true);
  }

  /** A change without its sign, for "fell €5,000" or "fell 2.1 percentage points". */
  String amount(double x) {
    String signed = withUnit(Math.abs(x), true);
    return signed.startsWith("+") ? signed.substring(1) : signed;
  }

  boolean isRate() {
    return unit.filter(u -> u.equals("percent") || u.equals("fraction")).isPresent();
  }

  /** "good news", "bad news", or empty when the measure has no favorable direction. */
  Optional<String> judgement(double change) {
    if (change == 0 || favorable == Favorable.NONE) {
      return Optional.empty();
    }
    boolean good = (change > 0) == (favorable == Favorable.UP);
    return Optional.of(good ? "good news" : "bad news");
  }

  /** "rose" or "fell". */
  static String verb(double change) {
    return change >= 0 ? "rose" : "fell";
  }

  /** "rise" or "drop". */
  static String noun(double change) {
    return change >= 0 ? "rise" : "drop";
  }

  static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** An output or column name in words: {@code sum_revenue} → "revenue". */
  static String readable(String outputName) {
    String words = outputName;
    for (String[] prefix : PREFIXES) {
      if (words.startsWith(prefix[0])) {
        words = prefix[1] + words.substring(prefix[0].length());
        break;
      }
    }
    return words.replace("_per_", " per ").replace('_', ' ');
  }

  private String withUnit(double x, boolean signed) {
    String u = unit.orElse("");
    if (u.equals("percent") || u.equals("fraction")) {
      double pct = u.equals("fraction") ? x * 100 : x;
      return signed
          ? Figures.signedPercent(pct).replace(" %", " percentage points")
          : Figures.percent(pct);
    }
    boolean currency = u.matches("[A-Z]{3}");
    String number = currency ? Figures.money(x, signed) : signed ? Figures.signed(x) : Figures.number(x);
    if (u.isEmpty()) {
      return number;
    }
    String symbol = SYMBOLS.get(u);
    if (symbol != null) {
      // the sign goes before the symbol: "−€5,000"
      boolean hasSign = number.startsWith("+") || number.startsWith(Figures.MINUS);
      return hasSign ? number.charAt(0) + symbol + number.substring(1) : symbol + number;
    }
    return number + " " + u;
  }
}
