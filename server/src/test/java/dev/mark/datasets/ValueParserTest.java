package dev.mark.datasets;

import static dev.mark.datasets.ValueType.BOOLEAN;
import static dev.mark.datasets.ValueType.DATE;
import static dev.mark.datasets.ValueType.INTEGER;
import static dev.mark.datasets.ValueType.NUMBER;
import static dev.mark.datasets.ValueType.STRING;
import static dev.mark.datasets.ValueType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values a column of each type takes, from JSON and from CSV, and what it refuses, with which rule. */
class ValueParserTest {

  @Test
  void anEmptyCsvFieldIsNullForEveryType() throws InvalidValue {
    for (ValueType type : ValueType.values()) {
      assertThat(ValueParser.fromText(type, "")).as(type.apiName()).isNull();
    }
  }

  @Test
  void aJsonNullIsNullButAnEmptyJsonStringIsAnEmptyString() throws InvalidValue {
    assertThat(ValueParser.fromJson(STRING, null)).isNull();
    assertThat(ValueParser.fromJson(STRING, "")).isEqualTo("");
  }

  @Test
  void aStringKeepsItsSpacesQuotesAndLineBreaks() throws InvalidValue {
    assertThat(ValueParser.fromText(STRING, "  \"a\",\r\n\tb ")).isEqualTo("  \"a\",\r\n\tb ");
  }

  @Test
  void aStringWithTheNulCharacterIsRefused() {
    assertRefused(() -> ValueParser.fromText(STRING, "before\0after"), "invalid_character");
    assertRefused(() -> ValueParser.fromJson(STRING, "\0"), "invalid_character");
  }

  @Test
  void jsonIsStrictAboutTypesAndNeverReadsANumberFromAStringOrTheOtherWayRound() {
    assertRefused(() -> ValueParser.fromJson(NUMBER, "12"), "type").hasMessage("must be a number, got \"12\"");
    assertRefused(() -> ValueParser.fromJson(INTEGER, "12"), "type");
    assertRefused(() -> ValueParser.fromJson(STRING, 12), "type").hasMessage("must be a string, got 12");
    assertRefused(() -> ValueParser.fromJson(BOOLEAN, "true"), "type");
    assertRefused(() -> ValueParser.fromJson(DATE, 20261122), "type");
  }

  @Test
  void aNumberWithAnExponentIsTheDecimalItWrites() throws InvalidValue {
    assertThat((BigDecimal) ValueParser.fromText(NUMBER, "1.5e3")).isEqualByComparingTo("1500");
    assertThat((BigDecimal) ValueParser.fromText(NUMBER, "-2.5E-3")).isEqualByComparingTo("-0.0025");
  }

  @Test
  void aNumberKeepsTheDigitsItWasWrittenWith() throws InvalidValue {
    assertThat(ValueParser.fromText(NUMBER, "0.10")).isEqualTo(new BigDecimal("0.10"));
    assertThat(ValueParser.fromJson(NUMBER, new BigDecimal("47523071.92")))
        .isEqualTo(new BigDecimal("47523071.92"));
  }

  @Test
  void aNumberMayHaveAHundredDecimalPlacesButNotMore() throws InvalidValue {
    String hundred = "0." + "1".repeat(100);
    assertThat(ValueParser.fromText(NUMBER, hundred)).isEqualTo(new BigDecimal(hundred));
    assertRefused(() -> ValueParser.fromText(NUMBER, hundred + "1"), "out_of_range")
        .hasMessage("has more than 100 decimal places");
    assertRefused(() -> ValueParser.fromText(NUMBER, "1e-101"), "out_of_range");
  }

  @Test
  void trailingZerosBeyondAHundredDecimalPlacesAreDroppedNotRefused() throws InvalidValue {
    assertThat((BigDecimal) ValueParser.fromText(NUMBER, "1." + "0".repeat(150))).isEqualByComparingTo("1");
  }

  @Test
  void aNumberMayHaveAHundredDigitsBeforeThePointButNotMore() throws InvalidValue {
    assertThat(ValueParser.fromText(NUMBER, "9".repeat(100))).isEqualTo(new BigDecimal("9".repeat(100)));
    assertRefused(() -> ValueParser.fromText(NUMBER, "1" + "0".repeat(100)), "out_of_range")
        .hasMessage("is too large");
    assertRefused(() -> ValueParser.fromText(NUMBER, "1e100"), "out_of_range");
  }

  @Test
  void textThatIsNoDecimalIsRefusedAsTheWrongType() {
    for (String text : new String[] {"NaN", "Infinity", "0x1F", "1,5", "1.2.3", "-", "e5", "£5"}) {
      assertRefused(() -> ValueParser.fromText(NUMBER, text), "type").hasMessageContaining(text);
    }
  }

  @Test
  void spacesAroundACsvNumberAreIgnored() throws InvalidValue {
    assertThat(ValueParser.fromText(NUMBER, " 42.5 ")).isEqualTo(new BigDecimal("42.5"));
    assertThat(ValueParser.fromText(INTEGER, " 42 ")).isEqualTo(42L);
  }

  @Test
  void anIntegerIsAnySixtyFourBitValue() throws InvalidValue {
    assertThat(ValueParser.fromText(INTEGER, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(ValueParser.fromText(INTEGER, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(ValueParser.fromJson(INTEGER, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void anIntegerOneBeyondSixtyFourBitsIsOutOfRange() {
    assertRefused(() -> ValueParser.fromText(INTEGER, "9223372036854775808"), "out_of_range")
        .hasMessage("must fit in 64 bits");
    assertRefused(() -> ValueParser.fromText(INTEGER, "-9223372036854775809"), "out_of_range");
    assertRefused(() -> ValueParser.fromJson(INTEGER, new BigInteger("9223372036854775808")), "out_of_range");
    assertRefused(() -> ValueParser.fromText(INTEGER, "1e19"), "out_of_range");
  }

  @Test
  void anIntegerMayBeWrittenWithAnExponentOrTrailingZerosButNotAFraction() throws InvalidValue {
    assertThat(ValueParser.fromText(INTEGER, "1e3")).isEqualTo(1000L);
    assertThat(ValueParser.fromText(INTEGER, "2.50e1")).isEqualTo(25L);
    assertThat(ValueParser.fromText(INTEGER, "7.000")).isEqualTo(7L);
    assertThat(ValueParser.fromJson(INTEGER, new BigDecimal("-0.0"))).isEqualTo(0L);
    assertRefused(() -> ValueParser.fromText(INTEGER, "1.5"), "type").hasMessage("must be an integer, got 1.5");
    assertRefused(() -> ValueParser.fromJson(INTEGER, new BigDecimal("1e-3")), "type");
  }

  @Test
  void aBooleanIsTrueOrFalseInLowerUpperOrTitleCase() throws InvalidValue {
    for (String text : new String[] {"true", "TRUE", "True"}) {
      assertThat(ValueParser.fromText(BOOLEAN, text)).as(text).isEqualTo(true);
    }
    for (String text : new String[] {"false", "FALSE", "False"}) {
      assertThat(ValueParser.fromText(BOOLEAN, text)).as(text).isEqualTo(false);
    }
    assertThat(ValueParser.fromJson(BOOLEAN, Boolean.FALSE)).isEqualTo(false);
  }

  @Test
  void otherSpellingsOfABooleanAreRefused() {
    for (String text : new String[] {"tRUE", "yes", "no", "1", "0", "t", "f", "on", " true"}) {
      assertRefused(() -> ValueParser.fromText(BOOLEAN, text), "type").hasMessageContaining("must be true or false");
    }
    assertRefused(() -> ValueParser.fromJson(BOOLEAN, 1), "type");
  }

  @Test
  void aDateIsReadFromIsoTextInTheYearsOneToNineThousandNineHundredNinetyNine() throws InvalidValue {
    assertThat(ValueParser.fromText(DATE, "0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(ValueParser.fromJson(DATE, "9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    assertRefused(() -> ValueParser.fromText(DATE, "0000-12-31"), "out_of_range")
        .hasMessage("must be in the years 0001 to 9999");
    assertRefused(() -> ValueParser.fromText(DATE, "2026-02-29"), "type");
  }

  @Test
  void aTimestampIsStoredInUtc() throws InvalidValue {
    assertThat(ValueParser.fromText(TIMESTAMP, "2026-03-29T03:30:00+02:00"))
        .isEqualTo(OffsetDateTime.of(2026, 3, 29, 1, 30, 0, 0, ZoneOffset.UTC));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"9999-12-31T23:30:00-01:00", "0001-01-01T00:30:00+01:00"})
  void aTimestampWhoseOffsetTakesItOutOfTheYearsOneToNineThousandNineHundredNinetyNineIsRefused(String text) {
    assertRefused(() -> ValueParser.fromText(TIMESTAMP, text), "out_of_range");
  }

  @Test
  void aDateIsNotATimestampNorATimestampADate() {
    assertRefused(() -> ValueParser.fromText(TIMESTAMP, "2026-11-22"), "type")
        .hasMessageContaining("RFC 3339");
    assertRefused(() -> ValueParser.fromText(DATE, "2026-11-22T09:30:00Z"), "type");
  }

  @Test
  void aLongRefusedValueIsAbbreviatedInTheMessage() {
    String text = "x".repeat(500);
    assertRefused(() -> ValueParser.fromText(NUMBER, text), "type")
        .hasMessage("must be a number, got \"" + "x".repeat(37) + "...\"");
  }

  private interface Parse {
    Object run() throws InvalidValue;
  }

  private static AbstractThrowableAssert<?, ?> assertRefused(Parse parse, String code) {
    return assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
