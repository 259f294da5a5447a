package dev.mark.analytics.narrative;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers written for people, the same on every machine: no locale is consulted, the thousands
 * separator is a comma, the decimal mark a point, and a negative number starts with the minus
 * sign (U+2212), not a hyphen.
 *
 * <ul>
 *   <li>from 1,000,000 on: three significant digits and a scale, "1.23 M", "45.6 B";
 *   <li>from 1,000 on: whole numbers with separators, "12,345";
 *   <li>below: four significant digits, trailing zeros dropped, "129.9", "0.0375".
 * </ul>
 * Percentages have one decimal below 100 ("3.4 %", "15.0 %"), two significant digits below 1
 * ("0.042 %"), and none from 100 on ("1,250 %").
 */
final class Figures {

  static final String MINUS = "\u2212";

  private static final String[] SCALES = {"", " k", " M", " B", " T"};

  private Figures() {}

  /** {@code x} unsigned-looking: a negative number gets the minus sign. */
  static String number(double x) {
    return sign(x, false) + magnitude(Math.abs(x));
  }

  /** {@code x} with its sign always written: "+4,000", "−5,000", "0". */
  static String signed(double x) {
    return sign(x, true) + magnitude(Math.abs(x));
  }

  /** An amount of money: as {@link #number}, with cents below 1,000 unless whole ("129.90", "48"). */
  static String money(double x, boolean plus) {
    double abs = Math.abs(x);
    BigDecimal cents = BigDecimal.valueOf(abs).setScale(2, RoundingMode.HALF_UP);
    if (abs >= 999.995 || cents.stripTrailingZeros().scale() <= 0) {
      return plus ? signed(x) : number(x);
    }
    return sign(x, plus) + cents.toPlainString();
  }

  /** A percentage given in percent (12.5 → "12.5 %"). */
  static String percent(double pct) {
    return sign(pct, false) + percentMagnitude(Math.abs(pct)) + " %";
  }

  /** A change in percent with its sign: "+3.4 %", "−15.0 %". */
  static String signedPercent(double pct) {
    return sign(pct, true) + percentMagnitude(Math.abs(pct)) + " %";
  }

  /** A percentage without sign, for "fell 15.0 %". */
  static String percentMagnitude(double pct) {
    if (isZero(pct)) {
      return "0";
    }
    if (pct >= 100) {
      return grouped(round(pct, 0));
    }
    if (pct >= 1) {
      return round(pct, 1).toPlainString();
    }
    return significant(pct, 2);
  }

  /** A share (0.45) as a percentage ("45 %"), whole below 100 unless under 1 %. */
  static String share(double fraction) {
    double pct = fraction * 100;
    String digits = Math.abs(pct) >= 1 || isZero(pct) ? grouped(round(Math.abs(pct), 0)) : significant(Math.abs(pct), 1);
    return sign(pct, false) + digits + " %";
  }

  static String magnitude(double x) {
    if (isZero(x)) {
      return "0";
    }
    if (x >= 999_500) {
      int scale = 0;
      double scaled = x;
      while (scaled >= 999.5 && scale < SCALES.length - 1) {
        scaled /= 1000;
        scale++;
      }
      return significant(scaled, 3) + SCALES[scale];
    }
    if (x >= 999.5) {
      return grouped(round(x, 0));
    }
    return significant(x, 4);
  }

  private static String sign(double x, boolean plus) {
    if (isZero(x)) {
      return "";
    }
    return x < 0 ? MINUS : plus ? "+" : "";
  }

  // what rounds to zero is written without a sign: no "−0"
  private static boolean isZero(double x) {
    return Math.abs(x) < 5e-13;
  }

  private static BigDecimal round(double x, int decimals) {
    return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP);
  }

  private static String significant(double x, int digits) {
    BigDecimal rounded = new BigDecimal(Double.toString(x)).round(new MathContext(digits, RoundingMode.HALF_UP));
    String plain = rounded.stripTrailingZeros().toPlainString();
    return rounded.compareTo(BigDecimal.valueOf(1000)) >= 0 ? grouped(rounded) : plain;
  }

  private static String grouped(BigDecimal whole) {
    String digits = whole.setScale(0, RoundingMode.HALF_UP).toPlainString();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }
}
