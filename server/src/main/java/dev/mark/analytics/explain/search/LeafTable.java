package dev.mark.analytics.explain.search;

import java.util.List;

/** The leaves of an explain; {@code leaf.values()[i]} belongs to {@code dimensions.get(i)}. */
public record LeafTable(List<String> dimensions, List<Leaf> leaves) {

  public LeafTable {
    dimensions = List.copyOf(dimensions);
    leaves = List.copyOf(leaves);
    for (Leaf leaf : leaves) {
      if (leaf.values().length != dimensions.size()) {
        throw new IllegalArgumentException(
            "a leaf has " + leaf.values().length + " values for " + dimensions.size() + " dimensions");
      }
    }
  }
}
