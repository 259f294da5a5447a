package dev.mark.datasets;

import static dev.mark.datasets.ValueType.BOOLEAN;
import static dev.mark.datasets.ValueType.DATE;
import static dev.mark.datasets.ValueType.INTEGER;
import static dev.mark.datasets.ValueType.NUMBER;
import static dev.mark.datasets.ValueType.STRING;
import static dev.mark.datasets.ValueType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.json.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The cells of PostgreSQL's COPY text format made from CSV fields and JSON values: what passes
 * as written, what is rewritten so that PostgreSQL reads the same value, and what is refused
 * before it reaches the database.
 */
class CopyCellsTest {

  private static final ObjectMapper JSON = Json.newMapper();

  @Test
  void anEmptyCsvFieldIsSqlNullEvenForAStringColumn() throws InvalidValue {
    assertThat(CopyCells.fromText(STRING, "")).isNull();
    assertThat(CopyCells.fromText(NUMBER, "")).isNull();
  }

  @Test
  void aJsonNullIsSqlNullAndAnEmptyJsonStringIsAnEmptyString() throws InvalidValue {
    assertThat(CopyCells.fromJson(STRING, json("null"))).isNull();
    assertThat(CopyCells.fromJson(STRING, null)).isNull();
    assertThat(CopyCells.fromJson(STRING, json("\"\""))).isEqualTo("");
  }

  @Test
  void backslashTabNewlineAndCarriageReturnAreEscapedSoACellStaysOneCell() throws InvalidValue {
    assertThat(CopyCells.fromText(STRING, "a\tb\nc\\d\re")).isEqualTo("a\\tb\\nc\\\\d\\re");
    assertThat(CopyCells.fromJson(STRING, json("\"C:\\\\temp\\r\\n\""))).isEqualTo("C:\\\\temp\\r\\n");
  }

  @Test
  void aStringThatLooksLikeCopysNullMarkerStaysAString() throws InvalidValue {
    assertThat(CopyCells.fromText(STRING, "\\N")).isEqualTo("\\\\N");
  }

  @ParameterizedTest(name = "from {0}")
  @CsvSource(delimiter = '|', textBlock = """
      CSV  | a\0b
      JSON | "a\\u0000b\"""")
  void aStringWithTheNulCharacterIsRefusedFromCsvAndJson(Source source, String value) {
    assertRefused(() -> source.cell(STRING, value), "invalid_character");
  }

  @Test
  void plainDecimalsPassAsWritten() throws InvalidValue {
    assertThat(CopyCells.fromText(NUMBER, "-0012.50")).isEqualTo("-0012.50");
    assertThat(CopyCells.fromText(NUMBER, "1" + "0".repeat(99))).isEqualTo("1" + "0".repeat(99));
  }

  @ParameterizedTest(name = "{0} {1} is written {2}")
  @CsvSource(delimiter = '|', textBlock = """
      CSV  | 1.5e3 | 1500
      CSV  | 1E-3  | 0.001
      CSV  | .5    | 0.5
      CSV  | 5.    | 5
      JSON | 2.5e2 | 250""")
  void decimalsWithAnExponentOrABarePointAreWrittenInPlainDigits(Source source, String value, String cell)
      throws InvalidValue {
    assertThat(source.cell(NUMBER, value)).isEqualTo(cell);
  }

  @Test
  void aDecimalBeyondAHundredDigitsIsRefusedBeforeItReachesTheDatabase() {
    assertRefused(() -> CopyCells.fromText(NUMBER, "1" + "0".repeat(100)), "out_of_range");
    assertRefused(() -> CopyCells.fromText(NUMBER, "0." + "3".repeat(101)), "out_of_range");
  }

  @ParameterizedTest(name = "{0} {1} is written {2}")
  @CsvSource(delimiter = '|', textBlock = """
      CSV  | -123456789012345678    | -123456789012345678
      CSV  | 9223372036854775807    | 9223372036854775807
      CSV  | 0009223372036854775807 | 9223372036854775807""")
  void integersOfUpToEighteenDigitsPassAsWrittenAndLongerOnesAreChecked(Source source, String value, String cell)
      throws InvalidValue {
    assertThat(source.cell(INTEGER, value)).isEqualTo(cell);
  }

  @ParameterizedTest(name = "{0} {1} is written {2}")
  @CsvSource(delimiter = '|', textBlock = """
      CSV  | 1e3                  | 1000
      CSV  | 4.0                  | 4
      JSON | 4.0                  | 4
      JSON | -9223372036854775808 | -9223372036854775808""")
  void integersWrittenWithAnExponentOrTrailingZerosAreWrittenAsWholeNumbers(Source source, String value, String cell)
      throws InvalidValue {
    assertThat(source.cell(INTEGER, value)).isEqualTo(cell);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      CSV  | 9223372036854775808
      JSON | 9223372036854775808""")
  void anIntegerBeyondSixtyFourBitsIsRefused(Source source, String value) {
    assertRefused(() -> source.cell(INTEGER, value), "out_of_range");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ValueType.class, names = {"INTEGER", "NUMBER"})
  void aMinusSignAloneIsNoNumber(ValueType type) {
    assertRefused(() -> CopyCells.fromText(type, "-"), "type");
  }

  @ParameterizedTest(name = "{0} {1} is written {2}")
  @CsvSource(delimiter = '|', textBlock = """
      CSV  | TRUE  | t
      CSV  | False | f
      JSON | true  | t""")
  void booleansAreWrittenAsTAndF(Source source, String value, String cell) throws InvalidValue {
    assertThat(source.cell(BOOLEAN, value)).isEqualTo(cell);
  }

  @Test
  void aBooleanIsNotReadFromTheCellItIsWrittenAs() {
    assertRefused(() -> CopyCells.fromText(BOOLEAN, "t"), "type");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      CSV  | DATE      | 2024-02-29                  | 2024-02-29
      CSV  | TIMESTAMP | 2026-11-22T10:30:00.5+01:00 | 2026-11-22T10:30:00.5+01:00
      JSON | TIMESTAMP | "2026-11-22T09:30:00Z"      | 2026-11-22T09:30:00Z""")
  void plainDatesAndTimestampsPassAsWrittenAfterTheirCalendarIsChecked(
      Source source, ValueType type, String value, String cell) throws InvalidValue {
    assertThat(source.cell(type, value)).isEqualTo(cell);
  }

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource({"2026-02-29, type", "0000-01-01, out_of_range"})
  void aDateOutsideTheCalendarIsRefused(String text, String code) {
    assertRefused(() -> CopyCells.fromText(DATE, text), code);
  }

  @Test
  void aTimestampWithAnOffsetPostgresqlWouldRefuseIsWrittenInUtc() throws InvalidValue {
    assertThat(CopyCells.fromText(TIMESTAMP, "2026-11-22T18:00:00+15:30")).isEqualTo("2026-11-22 02:30:00+00");
  }

  @Test
  void aUtcInstantIsWrittenWithFourDigitYearsAndNanosecondsOnlyWhenThereAreAny() {
    assertThat(CopyCells.utc(OffsetDateTime.of(1, 2, 3, 4, 5, 6, 0, ZoneOffset.UTC)))
        .isEqualTo("0001-02-03 04:05:06+00");
    assertThat(CopyCells.utc(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 1, ZoneOffset.UTC)))
        .isEqualTo("9999-12-31 23:59:59.000000001+00");
  }

  @Test
  void anObjectOrArrayWhereAScalarBelongsIsRefusedNamingItShortly() {
    assertRefused(() -> CopyCells.fromJson(STRING, json("{\"a\": 1}")), "type")
        .hasMessage("must be a string, got {\"a\":1}");
    assertRefused(() -> CopyCells.fromJson(NUMBER, json("[" + "1,".repeat(30) + "1]")), "type")
        .hasMessageEndingWith("...");
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  /** Where a value comes from: a CSV field as written, or a JSON value written as JSON text. */
  enum Source {
    CSV, JSON;

    String cell(ValueType type, String value) throws InvalidValue {
      return this == CSV ? CopyCells.fromText(type, value) : CopyCells.fromJson(type, json(value));
    }
  }

  private interface Cell {
    String run() throws InvalidValue;
  }

  private static AbstractThrowableAssert<?, ?> assertRefused(Cell cell, String code) {
    return assertThatThrownBy(cell::run)
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
