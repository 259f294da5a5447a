package dev.mark.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The heavy queries of the flood tests and benchmark: a dataset of long notes, and filters of
 * many {@code contains} that never match, so every one is evaluated on every row.
 */
public final class HeavyQueries {
  private HeavyQueries() {}

  /** A new dataset of {@code rows} notes of {@code noteLength} characters, ingested as CSV. */
  public static String dataset(TestClient client, int rows, int noteLength) {
    String id = client.postJson("/v1/datasets", """
        {"name": "Notes", "columns": [{"name": "note", "type": "string"}, {"name": "n", "type": "integer"}]}""")
        .json().get("id").asString();
    String note = "abcdefghij".repeat(noteLength / 10);
    String csv = IntStream.range(0, rows).mapToObj(i -> note + "," + i)
        .collect(Collectors.joining("\n", "note,n\n", "\n"));
    HttpResult ingested = client.send("POST", "/v1/datasets/" + id + "/rows", "text/csv", csv);
    if (ingested.status() != 200) {
      throw new IllegalStateException("ingest answered " + ingested.status() + ": " + ingested.body());
    }
    return id;
  }

  /**
   * A query body with {@code count} (a multiple of 20) contains that never match, in {@code or}
   * groups of 20, twenty groups to a filter (the contract's most).
   */
  public static String query(int count) {
    List<String> groups = IntStream.range(0, count / 20)
        .mapToObj(g -> IntStream.range(0, 20)
            .mapToObj(i -> "{\"column\": \"note\", \"op\": \"contains\", \"value\": \"zz" + (g * 20 + i) + "\"}")
            .collect(Collectors.joining(", ", "{\"or\": [", "]}")))
        .toList();
    List<String> filters = new ArrayList<>();
    for (int from = 0; from < groups.size(); from += 20) {
      filters.add("{\"or\": [" + String.join(", ", groups.subList(from, Math.min(groups.size(), from + 20))) + "]}");
    }
    return "{\"measures\": [{\"agg\": \"count\"}], \"filters\": [" + String.join(", ", filters) + "]}";
  }
}
