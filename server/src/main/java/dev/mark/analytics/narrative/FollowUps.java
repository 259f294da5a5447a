package dev.mark.analytics.narrative;

import dev.mark.analytics.Granularity;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of follow-up requests, built from the request that was answered so that they keep
 * its measure, filters and options: each is a valid {@code QueryRequest} or
 * {@code ExplainRequest} of the contract.
 */
final class FollowUps {

  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private FollowUps() {}

  static String time(OffsetDateTime t) {
    return RFC3339.format(t);
  }

  /** An explain of {@code measure} between two periods, split by {@code dimensions} if any. */
  static Map<String, Object> explain(Object measure, String timeColumn, OffsetDateTime baselineFrom,
      OffsetDateTime baselineTo, OffsetDateTime currentFrom, OffsetDateTime currentTo, List<String> dimensions,
      Object filters) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measure", copy(measure));
    body.put("time_column", timeColumn);
    body.put("baseline", Values.of("from", time(baselineFrom), "to", time(baselineTo)));
    body.put("current", Values.of("from", time(currentFrom), "to", time(currentTo)));
    if (!dimensions.isEmpty()) {
      body.put("dimensions", new ArrayList<>(dimensions));
    }
    putFilters(body, filters);
    body.put("include", List.of("narrative"));
    return body;
  }

  /** A query of {@code measures} by {@code dimensions} over time. */
  static Map<String, Object> overTime(Object measures, List<String> dimensions, String timeColumn,
      Granularity granularity, String from, String to, Object filters) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measures", copy(measures));
    if (!dimensions.isEmpty()) {
      body.put("dimensions", new ArrayList<>(dimensions));
    }
    Map<String, Object> bucket = Values.of("column", timeColumn, "granularity", granularity.name().toLowerCase());
    if (from != null) {
      bucket.put("from", from);
    }
    if (to != null) {
      bucket.put("to", to);
    }
    body.put("time_bucket", bucket);
    putFilters(body, filters);
    body.put("include", List.of("narrative"));
    return body;
  }

  /** A copy of an explain's request narrowed to one segment and split by the next dimension. */
  static Map<String, Object> drillDown(Map<String, Object> request, String timeColumn,
      Map<String, Object> segment, String nextDimension) {
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) copy(request);
    body.put("time_column", timeColumn);
    List<Object> filters = new ArrayList<>();
    if (request.get("filters") instanceof List<?> given) {
      filters.addAll((List<?>) copy(given));
    }
    segment.forEach((column, value) -> filters.add(value == null
        ? Values.of("column", column, "op", "is_null", "value", true)
        : Values.of("column", column, "op", "eq", "value", value)));
    body.put("filters", filters);
    body.put("dimensions", List.of(nextDimension));
    return body;
  }

  /** The granularity that shows a span of this many days in a few dozen buckets at most. */
  static Granularity granularityFor(long days) {
    return days <= 3 ? Granularity.HOUR : days <= 92 ? Granularity.DAY : days <= 730 ? Granularity.WEEK
        : Granularity.MONTH;
  }

  private static void putFilters(Map<String, Object> body, Object filters) {
    if (filters instanceof List<?> list && !list.isEmpty()) {
      body.put("filters", copy(list));
    }
  }

  // a deep copy in insertion order, so that a suggestion never shares a map with the request
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k.toString(), copy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(FollowUps::copy).toList());
    }
    return value;
  }
}
