package dev.mark.analytics.explain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The chi-square tails the search's thresholds are set from, against textbook values. */
class ChiSquareTest {

  @Test
  void theOneDegreeTailMatchesTheTables() {
    assertThat(Math.exp(ChiSquare.logUpperTailOneDegree(3.841459))).isCloseTo(0.05, within(1e-6));
    assertThat(Math.exp(ChiSquare.logUpperTailOneDegree(10.827566))).isCloseTo(0.001, within(1e-8));
    // far out, where the search's thresholds live: P(χ²₁ > 30) = 4.32e-8
    assertThat(Math.exp(ChiSquare.logUpperTailOneDegree(30)) / 4.3204e-8).isCloseTo(1, within(1e-3));
  }

  @Test
  void twoDegreesNeedAHigherThresholdForTheSameTail() {
    double one = 2 * Math.log(20.0 * 3 * 10_000);
    double two = ChiSquare.sameTail(one, 2);

    assertThat(ChiSquare.sameTail(one, 1)).isEqualTo(one);
    assertThat(Math.exp(-two / 2)).isCloseTo(Math.exp(ChiSquare.logUpperTailOneDegree(one)), within(1e-12));
    assertThat(two - one).isBetween(3.0, 5.0);
  }
}
