package dev.mark.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The price of a query is the contract's formula: 5 + F + G + S (see queryDataset). */
class QueryPriceTest {

  private static long units(int points, int groupings, long rows) {
    return new QueryPrice(5, points, groupings, rows).units();
  }

  @Test
  void everydayQueriesCostTheBase() {
    assertThat(units(3, 2, 500_000)).isEqualTo(5);
    assertThat(units(0, 0, 0)).isEqualTo(5);
    assertThat(units(19, 2, 999_999)).isEqualTo(5);
  }

  @Test
  void filterPointsCostOneUnitPerTwenty() {
    assertThat(units(20, 0, 0)).isEqualTo(6);
    assertThat(units(5 * QueryPrice.CONTAINS_POINTS, 0, 0)).isEqualTo(6);
    assertThat(units(400 * QueryPrice.CONTAINS_POINTS, 0, 0)).isEqualTo(85);
  }

  @Test
  void groupingsBeyondTwoCostOneEach() {
    assertThat(units(0, 4, 0)).isEqualTo(7);
  }

  @Test
  void everyFullMillionRowsIsScannedAgainByTheFilters() {
    assertThat(units(0, 0, 2_000_000)).isEqualTo(7);
    // the contract's example: 400 contains over 2,000,000 rows
    assertThat(units(400 * QueryPrice.CONTAINS_POINTS, 0, 2_000_000)).isEqualTo(247);
  }

  @Test
  void noDatasetIsLargeEnoughToOverflowThePrice() {
    assertThat(units(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE)).isPositive();
  }
}
