package dev.mark.analytics.narrative;

import java.time.OffsetDateTime;

/** A bucket of a time series: its start and the measure's value, null when it has none. */
record Point(OffsetDateTime start, Double value) {}
