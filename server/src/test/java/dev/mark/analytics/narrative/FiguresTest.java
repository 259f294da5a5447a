package dev.mark.analytics.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.datasets.ColumnNotes;
import dev.mark.datasets.Favorable;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers and units written the same on every machine. */
class FiguresTest {

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource(delimiter = '|', value = {
      "12345 | 12,345", "1234567 | 1.23 M", "999999 | 1 M", "45600000000 | 45.6 B", "129.9 | 129.9",
      "48 | 48", "0.0375 | 0.0375", "-5000 | −5,000", "0 | 0", "999.96 | 1,000", "-0.0000000000001 | 0"})
  void numbers(double x, String written) {
    assertThat(Figures.number(x)).isEqualTo(written);
  }

  @ParameterizedTest(name = "{0} % is written {1}")
  @CsvSource(delimiter = '|', value = {"3.43 | +3.4 %", "-15 | −15.0 %", "1250 | +1,250 %", "0.042 | +0.042 %", "0 | 0 %"})
  void percentages(double pct, String written) {
    assertThat(Figures.signedPercent(pct)).isEqualTo(written);
  }

  @ParameterizedTest(name = "{1} in {0} is written {2}, a change of it {3}")
  @CsvSource(delimiter = '|', value = {
      "EUR | 1234 | €1,234 | +€1,234", "USD | -5000 | −$5,000 | −$5,000", "CHF | 1234 | 1,234 CHF | +1,234 CHF",
      "percent | 12.5 | 12.5 % | +12.5 percentage points", "fraction | 0.125 | 12.5 % | +12.5 percentage points",
      "visits | 1234 | 1,234 visits | +1,234 visits", "EUR | 129.9 | €129.90 | +€129.90", "EUR | -48 | −€48 | −€48",
      "USD | 1234567 | $1.23 M | +$1.23 M", "'' | 1234 | 1,234 | +1,234"})
  void units(String unit, double x, String value, String change) {
    MeasureVoice voice = new MeasureVoice("sum_x", new ColumnNotes(Optional.empty(),
        unit.isEmpty() ? Optional.empty() : Optional.of(unit), Favorable.NONE));
    assertThat(voice.value(x)).isEqualTo(value);
    assertThat(voice.change(x)).isEqualTo(change);
  }

  @ParameterizedTest(name = "{0} is called {1}")
  @CsvSource(delimiter = '|', value = {
      "sum_revenue | revenue", "count | count", "avg_order_value | average order value",
      "count_distinct_customer_id | distinct customer id", "sum_revenue_per_count | revenue per count"})
  void namesMadeReadable(String outputName, String words) {
    assertThat(new MeasureVoice(outputName, ColumnNotes.NONE).name()).isEqualTo(words);
  }
}
