package dev.mark;

import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every form of time zone that Java accepts buckets rows as Java does, or is refused: fixed
 * offsets in all their spellings (PostgreSQL reads {@code +01:00} as a POSIX zone, one hour
 * west), zones with summer time, and legacy bare names that PostgreSQL may take for a fixed
 * abbreviation. The reference is computed here, in Java, from the rows' instants.
 */
@ExtendWith(RunningServer.Extension.class)
class QueryTimeZoneTest {

  /** Instants near midnights, daylight-saving changes and the ends of years. */
  private static final List<Instant> INSTANTS = List.of(
      "2026-01-01T23:30:00Z", "2026-01-01T00:30:00Z", "2025-12-31T22:45:00Z", "2026-03-29T00:30:00Z",
      "2026-03-29T01:30:00Z", "2026-03-08T07:30:00Z", "2026-06-15T12:00:00Z", "2026-06-15T18:50:00Z",
      "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-11-01T05:30:00Z", "2026-12-31T23:59:59Z",
      "2026-04-05T15:10:00Z", "2026-09-05T14:40:00Z")
      .stream().map(Instant::parse).toList();

  private static TestClient client;
  private static String path;

  @BeforeAll
  static void ingestTheInstants(RunningServer server) {
    client = server.newAccountClient();
    path = "/v1/datasets/" + client.postJson("/v1/datasets", """
        {"name": "times", "columns": [{"name": "at", "type": "timestamp"}]}""").json().get("id").asString();
    String rows = INSTANTS.stream().map(at -> "{\"at\": \"" + at + "\"}").collect(Collectors.joining(", "));
    HttpResult ingested = client.postJson(path + "/rows", "{\"rows\": [" + rows + "]}");
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Z", "UTC", "GMT", "UT", "Etc/UTC", "Etc/GMT",
      "+01:00", "-05:00", "+05:30", "-09:30", "+05:45", "+1", "+01", "+0100", "-0930", "+01:00:30",
      "+18:00", "-18:00", "+14:00", "-12:00",
      "UTC+01:00", "GMT+01:00", "UT-03:00", "UTC+1", "GMT-5", "UTC-09:30",
      "Etc/GMT+1", "Etc/GMT-1", "Etc/GMT-14", "Etc/GMT+12", "Zulu",
      "Europe/Paris", "America/New_York", "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu",
      "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo"})
  void everyZoneJavaAcceptsBucketsAsJavaDoes(String zone) {
    for (String granularity : List.of("hour", "day", "month")) {
      assertThat(buckets(zone, granularity)).as(zone + " by " + granularity)
          .isEqualTo(reference(ZoneId.of(zone), granularity));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CET", "EET", "MET", "WET", "EST5EDT", "PST8PDT", "NZ", "PRC", "Eire", "Japan"})
  void legacyBareNamesWithSummerTimeAreRefusedNamingTheZone(String zone) {
    HttpResult result = client.postJson(path + "/query", query(zone, "day"));
    assertProblem(result, 422, "invalid_query");
    assertIssue(result.json(), "body", "/time_bucket/time_zone", "ambiguous_time_zone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Nowhere", "+25:00", "utc+1", "UTC+", "+01:00 ", "Europe/../Paris", "EST", "HST"})
  void zonesJavaRefusesAreRefusedNamingTheZone(String zone) {
    HttpResult result = client.postJson(path + "/query", query(zone, "day"));
    assertProblem(result, 422, "invalid_query");
    assertIssue(result.json(), "body", "/time_bucket/time_zone", "unknown_time_zone");
  }

  /** Bucket start (as an instant) to count, as the API answers. */
  private static Map<Instant, Integer> buckets(String zone, String granularity) {
    HttpResult result = client.postJson(path + "/query", query(zone, granularity));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    Map<Instant, Integer> buckets = new TreeMap<>();
    result.json().get("rows").forEach(row -> {
      OffsetDateTime start = OffsetDateTime.parse(row.get(0).asString());
      // the label is written in the query's zone: its offset is the zone's at that instant
      assertThat(start.getOffset()).as(zone + " " + start).isEqualTo(ZoneId.of(zone).getRules().getOffset(start.toInstant()));
      buckets.put(start.toInstant(), row.get(1).asInt());
    });
    return buckets;
  }

  private static Map<Instant, Integer> reference(ZoneId zone, String granularity) {
    Map<Instant, Integer> buckets = new TreeMap<>();
    for (Instant at : INSTANTS) {
      ZonedDateTime local = at.atZone(zone);
      ZonedDateTime start = switch (granularity) {
        case "hour" -> local.truncatedTo(ChronoUnit.HOURS);
        case "day" -> local.toLocalDate().atStartOfDay(zone);
        case "month" -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
        default -> throw new IllegalArgumentException(granularity);
      };
      buckets.merge(start.toInstant(), 1, Integer::sum);
    }
    return buckets;
  }

  private static String query(String zone, String granularity) {
    return """
        {"measures": [{"agg": "count"}],
         "time_bucket": {"column": "at", "granularity": "%s", "time_zone": "%s"}}""".formatted(granularity, zone);
  }
}
