package dev.mark.analytics.chart;

import static dev.mark.analytics.chart.Answers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.analytics.Granularity;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.support.ChartFiles;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Any answer a query can give, asked for any kind, gets a chart or a 422 naming
 * {@code /chart/type}, never another failure (which would be a 500): answers of random shapes,
 * with missing values, negative values, a single row and many categories, from a fixed seed.
 */
class ChartShapesTest {

  private static final int SHAPES = 120;
  // A sample of the charts drawn goes to the Node check, which renders each to SVG.
  private static final int WRITTEN_EVERY = 6;

  @Test
  void everyKindOfEveryShapeIsDrawnOrRefusedNamingChartType() {
    Random random = new Random(20261203);
    int drawn = 0;
    int refused = 0;
    for (int shape = 0; shape < SHAPES; shape++) {
      Answers answer = randomAnswer(random);
      for (ChartKind kind : ChartKind.values()) {
        try {
          ChartOutcome chart = answer.chart(Optional.of(kind), 2 + random.nextInt(12));
          assertThat(chart.type()).isEqualTo(kind);
          drawn++;
          if (drawn % WRITTEN_EVERY == 0) {
            ChartFiles.write("shape-" + shape + "-" + kind.apiName(), chart);
          }
        } catch (Unprocessable e) {
          assertThat(e.issues()).singleElement().satisfies(i -> assertThat(i.pointer()).isEqualTo("/chart/type"));
          refused++;
        }
      }
      assertThat(answer.chart().type()).isNotNull();
    }
    assertThat(drawn).isGreaterThan(SHAPES * 2);
    assertThat(refused).isGreaterThan(SHAPES * 2);
  }

  private static Answers randomAnswer(Random random) {
    Answers answer = answer();
    boolean time = random.nextBoolean();
    int dimensions = random.nextInt(time ? 2 : 3);
    int measures = 1 + random.nextInt(3);
    Granularity granularity = Granularity.values()[random.nextInt(Granularity.values().length)];
    if (time) {
      answer.time("at", granularity, List.of("UTC", "Europe/Paris", "America/Los_Angeles", "Asia/Kolkata").get(random.nextInt(4)));
    }
    boolean numeric = random.nextInt(4) == 0;
    for (int d = 0; d < dimensions; d++) {
      if (numeric && d == 0) {
        answer.numericDimension("size");
      } else {
        answer.dimension("dim_" + d);
      }
    }
    for (int m = 0; m < measures; m++) {
      String unit = List.of("EUR", "percent", "fraction", "kg", "").get(random.nextInt(5));
      if (random.nextBoolean()) {
        answer.sum("sum_m" + m, unit.isEmpty() ? null : unit);
      } else {
        answer.measure("avg_m" + m, unit.isEmpty() ? null : unit);
      }
    }
    int buckets = time ? 1 + random.nextInt(14) : 1;
    int[] values = new int[dimensions];
    for (int d = 0; d < dimensions; d++) {
      values[d] = 1 + random.nextInt(random.nextBoolean() ? 5 : 30);
    }
    int rows = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(60);
    for (int r = 0; r < rows; r++) {
      Object[] row = new Object[(time ? 1 : 0) + dimensions + measures];
      int i = 0;
      if (time) {
        row[i++] = String.format("2026-%02d-01T00:00:00+01:00", 1 + r % Math.min(12, buckets));
      }
      for (int d = 0; d < dimensions; d++) {
        int value = random.nextInt(values[d]);
        row[i++] = numeric && d == 0 ? (Object) (long) value : random.nextInt(20) == 0 ? null : "v" + value;
      }
      for (int m = 0; m < measures; m++) {
        row[i++] = random.nextInt(12) == 0 ? null : (random.nextInt(5) == 0 ? -1 : 1) * random.nextDouble() * 1000;
      }
      answer.row(row);
    }
    return answer;
  }
}
