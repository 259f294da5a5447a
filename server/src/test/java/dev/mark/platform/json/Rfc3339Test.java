package dev.mark.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times are written exactly as the JDK's ISO formatter writes them, fast path or not; the JSON
 * models' times to the millisecond.
 */
class Rfc3339Test {

  private final JsonMapper mapper = Json.newMapper();

  @Test
  void everyTimeIsWrittenAsTheIsoFormatterWritesIt() {
    List<OffsetDateTime> times = new ArrayList<>(List.of(
        OffsetDateTime.of(2026, 11, 22, 3, 43, 53, 179_000_000, ZoneOffset.UTC),
        OffsetDateTime.of(2026, 11, 22, 3, 43, 53, 170_000_000, ZoneOffset.UTC),
        OffsetDateTime.of(2026, 11, 22, 3, 43, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 1, ZoneOffset.UTC),
        OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 100, ZoneOffset.UTC),
        OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC),
        OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2026, 3, 29, 2, 30, 0, 0, ZoneOffset.ofHours(2)),
        OffsetDateTime.of(2026, 3, 29, 2, 30, 0, 0, ZoneOffset.ofTotalSeconds(0))));
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      times.add(OffsetDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(60),
          random.nextBoolean() ? random.nextInt(1_000) * 1_000_000 : random.nextInt(1_000_000_000),
          ZoneOffset.UTC));
    }
    for (OffsetDateTime time : times) {
      String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
      assertThat(Rfc3339.format(time)).isEqualTo(expected);
      String inMillis = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.truncatedTo(ChronoUnit.MILLIS));
      assertThat(mapper.writeValueAsString(time)).isEqualTo("\"" + inMillis + "\"");
    }
  }

  @Test
  void utcWritesTheSameInstantInUtc() {
    OffsetDateTime paris = OffsetDateTime.of(2026, 3, 29, 2, 30, 0, 500_000_000, ZoneOffset.ofHours(2));
    assertThat(Rfc3339.utc(paris)).isEqualTo("2026-03-29T00:30:00.5Z");
  }
}
