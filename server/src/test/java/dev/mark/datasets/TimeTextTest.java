package dev.mark.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading ISO dates and RFC 3339 timestamps, on the hand-written path and the formatter's alike. */
class TimeTextTest {

  @Test
  void aPlainDateIsReadAsThatDay() {
    assertThat(TimeText.date("2026-11-22")).isEqualTo(LocalDate.of(2026, 11, 22));
  }

  @Test
  void februaryTheTwentyNinthIsADateOnlyInLeapYears() {
    assertThat(TimeText.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(TimeText.date("2000-02-29")).as("divisible by 400").isEqualTo(LocalDate.of(2000, 2, 29));
    assertThat(TimeText.date("2026-02-29")).isNull();
    assertThat(TimeText.date("1900-02-29")).as("divisible by 100, not by 400").isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-13-01", "2026-00-10", "2026-04-31", "2026-11-00"})
  void monthsAndDaysThatDoNotExistAreNotDates(String text) {
    assertThat(TimeText.date(text)).isNull();
  }

  @Test
  void theFirstAndLastYearsThatRfc3339WritesAreReadAsWritten() {
    assertThat(TimeText.date("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(TimeText.date("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(TimeText.timestamp("0001-01-01T00:00:00Z")).isEqualTo(utc(1, 1, 1, 0, 0, 0, 0));
    assertThat(TimeText.timestamp("9999-12-31T23:59:59.999999999Z"))
        .isEqualTo(utc(9999, 12, 31, 23, 59, 59, 999_999_999));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"2026-1-5", "20261122", "2026/11/22", " 2026-11-22", "2026-11-22 ", "2026-11-22T00:00:00Z", "",
      "２０２６-11-22" /* digits other than ASCII */})
  void datesOfAnyOtherShapeAreNotDates(String text) {
    assertThat(TimeText.date(text)).isNull();
  }

  static Stream<Arguments> timestampsAndTheirInstants() {
    return Stream.of(
        argumentSet("a timestamp in UTC is read as that instant",
            "2026-11-22T09:30:00Z", utc(2026, 11, 22, 9, 30, 0, 0)),
        argumentSet("an offset can move the instant to another day",
            "2026-11-21T23:30:00-10:00", utc(2026, 11, 22, 9, 30, 0, 0)),
        argumentSet("an offset can move the instant past a leap day",
            "2024-02-29T23:30:00-01:00", utc(2024, 3, 1, 0, 30, 0, 0)),
        argumentSet("a quarter-hour offset can move the instant back a month and a year",
            "2027-01-01T00:15:00+05:45", utc(2026, 12, 31, 18, 30, 0, 0)),
        argumentSet("a lower-case t and z are read as RFC 3339 allows",
            "2026-11-22t09:30:00z", utc(2026, 11, 22, 9, 30, 0, 0)),
        argumentSet("minus zero hours is UTC",
            "2026-11-22T09:30:00-00:00", utc(2026, 11, 22, 9, 30, 0, 0)));
  }

  @ParameterizedTest
  @MethodSource("timestampsAndTheirInstants")
  void aTimestampIsReadAsTheInstantItWrites(String text, OffsetDateTime instant) {
    assertThat(TimeText.timestamp(text)).isEqualTo(instant);
  }

  @Test
  void aTimestampWithAnOffsetIsTheSameInstantInUtc() {
    OffsetDateTime read = TimeText.timestamp("2026-11-22T10:30:00.5+01:00");

    assertThat(read).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 500_000_000));
    assertThat(read.getOffset()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void fractionsOfOneToNineDigitsAreReadAndLongerOnesAreRefused() {
    assertThat(TimeText.timestamp("2026-11-22T09:30:00.1Z")).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 100_000_000));
    assertThat(TimeText.timestamp("2026-11-22T09:30:00.000000001Z")).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 1));
    assertThat(TimeText.timestamp("2026-11-22T09:30:00.0000000001Z")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-11-22T09:30:00", "2026-11-22T09:30:00+0100", "2026-11-22 09:30:00Z"})
  void aTimestampWithoutAnOffsetOrWithAnOffsetMissingItsColonIsRefused(String text) {
    assertThat(TimeText.timestamp(text)).isNull();
  }

  @Test
  void offsetsUpToEighteenHoursAreReadAndLargerOnesRefused() {
    assertThat(TimeText.timestamp("2026-11-22T18:00:00+18:00")).isEqualTo(utc(2026, 11, 22, 0, 0, 0, 0));
    assertThat(TimeText.timestamp("2026-11-22T18:00:00+19:00")).isNull();
    assertThat(TimeText.timestamp("2026-11-22T18:00:00+01:60")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-11-22T24:00:00Z", "2026-11-22T09:60:00Z", "2026-02-29T09:30:00Z", "2016-12-31T23:59:60Z"})
  void impossibleTimesAndALeapSecondAreRefused(String text) {
    assertThat(TimeText.timestamp(text)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-11-22", "2026-11-22T09:30:00Z", "2026-11-22T09:30:00.123456789+14:00",
      "2026-11-22T09:30:00-14:00"})
  void plainDatesAndTimestampsWithinPostgresqlsOffsetsMayBePassedAsWritten(String text) {
    assertThat(TimeText.isPlain(text)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-11-22T09:30:00+15:00", "2026-11-22T09:30:00-18:00"})
  void timestampsWithOffsetsBeyondFourteenHoursAreNotPassedAsWritten(String text) {
    assertThat(TimeText.isPlain(text)).isFalse();
  }

  private static OffsetDateTime utc(int year, int month, int day, int hour, int minute, int second, int nanos) {
    return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, ZoneOffset.UTC);
  }
}
