package dev.mark.analytics;

import dev.mark.datasets.ValueType;

/** A column of a query's result. */
public record OutputColumn(String name, ValueType type) {}
