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

  @Test
  void aStringWithTheNulCharacterIsRefusedFromCsvAndJson() {
    assertRefused(() -> CopyCells.fromText(STRING, "a\0b"), "invalid_character");
    assertRefused(() -> CopyCells.fromJson(STRING, json("\"a\\u0000b\"")), "invalid_character");
  }

  @Test
  void plainDecimalsPassAsWritten() throws InvalidValue {
    assertThat(CopyCells.fromText(NUMBER, "-0012.50")).isEqualTo("-0012.50");
    assertThat(CopyCells.fromText(NUMBER, "1" + "0".repeat(99))).isEqualTo("1" + "0".repeat(99));
  }

  @Test
  void decimalsWithAnExponentOrABarePointAreWrittenInPlainDigits() throws InvalidValue {
    assertThat(CopyCells.fromText(NUMBER, "1.5e3")).isEqualTo("1500");
    assertThat(CopyCells.fromText(NUMBER, "1E-3")).isEqualTo("0.001");
    assertThat(CopyCells.fromText(NUMBER, ".5")).isEqualTo("0.5");
    assertThat(CopyCells.fromText(NUMBER, "5.")).isEqualTo("5");
    assertThat(CopyCells.fromJson(NUMBER, json("2.5e2"))).isEqualTo("250");
  }

  @Test
  void aDecimalBeyondAHundredDigitsIsRefusedBeforeItReachesTheDatabase() {
    assertRefused(() -> CopyCells.fromText(NUMBER, "1" + "0".repeat(100)), "out_of_range");
    assertRefused(() -> CopyCells.fromText(NUMBER, "0." + "3".repeat(101)), "out_of_range");
  }

  @Test
  void integersOfUpToEighteenDigitsPassAsWrittenAndLongerOnesAreChecked() throws InvalidValue {
    assertThat(CopyCells.fromText(INTEGER, "-123456789012345678")).isEqualTo("-123456789012345678");
    assertThat(CopyCells.fromText(INTEGER, "9223372036854775807")).isEqualTo("9223372036854775807");
    assertThat(CopyCells.fromText(INTEGER, "0009223372036854775807")).isEqualTo("9223372036854775807");
    assertRefused(() -> CopyCells.fromText(INTEGER, "9223372036854775808"), "out_of_range");
  }

  @Test
  void integersWrittenWithAnExponentOrTrailingZerosAreWrittenAsWholeNumbers() throws InvalidValue {
    assertThat(CopyCells.fromText(INTEGER, "1e3")).isEqualTo("1000");
    assertThat(CopyCells.fromText(INTEGER, "4.0")).isEqualTo("4");
    assertThat(CopyCells.fromJson(INTEGER, json("4.0"))).isEqualTo("4");
    assertThat(CopyCells.fromJson(INTEGER, json("-9223372036854775808"))).isEqualTo("-9223372036854775808");
  }

  @Test
  void aJsonIntegerBeyondSixtyFourBitsIsRefused() {
    assertRefused(() -> CopyCells.fromJson(INTEGER, json("9223372036854775808")), "out_of_range");
  }

  @Test
  void aMinusSignAloneIsNoNumber() {
    assertRefused(() -> CopyCells.fromText(INTEGER, "-"), "type");
    assertRefused(() -> CopyCells.fromText(NUMBER, "-"), "type");
  }

  @Test
  void booleansAreWrittenAsTAndF() throws InvalidValue {
    assertThat(CopyCells.fromText(BOOLEAN, "TRUE")).isEqualTo("t");
    assertThat(CopyCells.fromText(BOOLEAN, "False")).isEqualTo("f");
    assertThat(CopyCells.fromJson(BOOLEAN, json("true"))).isEqualTo("t");
    assertRefused(() -> CopyCells.fromText(BOOLEAN, "t"), "type");
  }

  @Test
  void plainDatesAndTimestampsPassAsWrittenAfterTheirCalendarIsChecked() throws InvalidValue {
    assertThat(CopyCells.fromText(DATE, "2024-02-29")).isEqualTo("2024-02-29");
    assertThat(CopyCells.fromText(TIMESTAMP, "2026-11-22T10:30:00.5+01:00")).isEqualTo("2026-11-22T10:30:00.5+01:00");
    assertThat(CopyCells.fromJson(TIMESTAMP, json("\"2026-11-22T09:30:00Z\""))).isEqualTo("2026-11-22T09:30:00Z");
    assertRefused(() -> CopyCells.fromText(DATE, "2026-02-29"), "type");
    assertRefused(() -> CopyCells.fromText(DATE, "0000-01-01"), "out_of_range");
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

  private interface Cell {
    String run() throws InvalidValue;
  }

  private static AbstractThrowableAssert<?, ?> assertRefused(Cell cell, String code) {
    return assertThatThrownBy(cell::run)
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
