package dev.mark.analytics;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How an answer's time column was bucketed: charts label its axis and narratives name its
 * periods with it.
 *
 * @param column the bucketed column's name, also the output column's
 * @param zone the zone the buckets were cut in, and in which their labels are shown
 * @param from the first instant asked for, if bounded
 * @param to the instant after the last one asked for, if bounded
 */
public record TimeAxis(String column, Granularity granularity, ZoneId zone,
    Optional<OffsetDateTime> from, Optional<OffsetDateTime> to) {}
