package dev.mark.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

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

  @Test
  void monthsAndDaysThatDoNotExistAreNotDates() {
    assertThat(TimeText.date("2026-13-01")).isNull();
    assertThat(TimeText.date("2026-00-10")).isNull();
    assertThat(TimeText.date("2026-04-31")).isNull();
    assertThat(TimeText.date("2026-11-00")).isNull();
  }

  @Test
  void theFirstAndLastYearsThatRfc3339WritesAreReadAsWritten() {
    assertThat(TimeText.date("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(TimeText.date("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(TimeText.timestamp("0001-01-01T00:00:00Z")).isEqualTo(utc(1, 1, 1, 0, 0, 0, 0));
    assertThat(TimeText.timestamp("9999-12-31T23:59:59.999999999Z"))
        .isEqualTo(utc(9999, 12, 31, 23, 59, 59, 999_999_999));
  }

  @Test
  void datesOfAnyOtherShapeAreNotDates() {
    assertThat(TimeText.date("2026-1-5")).isNull();
    assertThat(TimeText.date("20261122")).isNull();
    assertThat(TimeText.date("2026/11/22")).isNull();
    assertThat(TimeText.date(" 2026-11-22")).isNull();
    assertThat(TimeText.date("2026-11-22 ")).isNull();
    assertThat(TimeText.date("2026-11-22T00:00:00Z")).isNull();
    assertThat(TimeText.date("")).isNull();
    assertThat(TimeText.date("２０２６-11-22")).as("digits other than ASCII").isNull();
  }

  @Test
  void aTimestampInUtcIsReadAsThatInstant() {
    assertThat(TimeText.timestamp("2026-11-22T09:30:00Z")).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 0));
  }

  @Test
  void aTimestampWithAnOffsetIsTheSameInstantInUtc() {
    OffsetDateTime read = TimeText.timestamp("2026-11-22T10:30:00.5+01:00");

    assertThat(read).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 500_000_000));
    assertThat(read.getOffset()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void anOffsetCanMoveTheInstantToAnotherDayMonthAndYear() {
    assertThat(TimeText.timestamp("2026-11-21T23:30:00-10:00")).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 0));
    assertThat(TimeText.timestamp("2024-02-29T23:30:00-01:00")).as("past a leap day")
        .isEqualTo(utc(2024, 3, 1, 0, 30, 0, 0));
    assertThat(TimeText.timestamp("2027-01-01T00:15:00+05:45")).as("a quarter-hour offset, back a year")
        .isEqualTo(utc(2026, 12, 31, 18, 30, 0, 0));
  }

  @Test
  void fractionsOfOneToNineDigitsAreReadAndLongerOnesAreRefused() {
    assertThat(TimeText.timestamp("2026-11-22T09:30:00.1Z")).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 100_000_000));
    assertThat(TimeText.timestamp("2026-11-22T09:30:00.000000001Z")).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 1));
    assertThat(TimeText.timestamp("2026-11-22T09:30:00.0000000001Z")).isNull();
  }

  @Test
  void aTimestampWithoutAnOffsetOrWithAnOffsetMissingItsColonIsRefused() {
    assertThat(TimeText.timestamp("2026-11-22T09:30:00")).isNull();
    assertThat(TimeText.timestamp("2026-11-22T09:30:00+0100")).isNull();
    assertThat(TimeText.timestamp("2026-11-22 09:30:00Z")).isNull();
  }

  @Test
  void aLowerCaseTAndZAreReadAsRfc3339Allows() {
    assertThat(TimeText.timestamp("2026-11-22t09:30:00z")).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 0));
  }

  @Test
  void minusZeroHoursIsUtc() {
    assertThat(TimeText.timestamp("2026-11-22T09:30:00-00:00")).isEqualTo(utc(2026, 11, 22, 9, 30, 0, 0));
  }

  @Test
  void offsetsUpToEighteenHoursAreReadAndLargerOnesRefused() {
    assertThat(TimeText.timestamp("2026-11-22T18:00:00+18:00")).isEqualTo(utc(2026, 11, 22, 0, 0, 0, 0));
    assertThat(TimeText.timestamp("2026-11-22T18:00:00+19:00")).isNull();
    assertThat(TimeText.timestamp("2026-11-22T18:00:00+01:60")).isNull();
  }

  @Test
  void impossibleTimesAndALeapSecondAreRefused() {
    assertThat(TimeText.timestamp("2026-11-22T24:00:00Z")).isNull();
    assertThat(TimeText.timestamp("2026-11-22T09:60:00Z")).isNull();
    assertThat(TimeText.timestamp("2026-02-29T09:30:00Z")).isNull();
    assertThat(TimeText.timestamp("2016-12-31T23:59:60Z")).isNull();
  }

  @Test
  void plainDatesAndTimestampsWithinPostgresqlsOffsetsMayBePassedAsWritten() {
    assertThat(TimeText.isPlain("2026-11-22")).isTrue();
    assertThat(TimeText.isPlain("2026-11-22T09:30:00Z")).isTrue();
    assertThat(TimeText.isPlain("2026-11-22T09:30:00.123456789+14:00")).isTrue();
    assertThat(TimeText.isPlain("2026-11-22T09:30:00-14:00")).isTrue();
  }

  @Test
  void timestampsWithOffsetsBeyondFourteenHoursAreNotPassedAsWritten() {
    assertThat(TimeText.isPlain("2026-11-22T09:30:00+15:00")).isFalse();
    assertThat(TimeText.isPlain("2026-11-22T09:30:00-18:00")).isFalse();
  }

  private static OffsetDateTime utc(int year, int month, int day, int hour, int minute, int second, int nanos) {
    return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, ZoneOffset.UTC);
  }
}
