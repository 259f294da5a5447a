package dev.mark.analytics.explain.search;

import java.util.List;
import java.util.Map;

/**
 * One generated explain with known answers: the leaves, and the causes planted in them (empty
 * for pure noise), each with the relative change it was given.
 */
record PlantedCase(LeafTable table, MeasureKind kind, List<Planted> truth, double noise) {

  record Planted(Map<String, String> elements, double magnitude) {}
}
