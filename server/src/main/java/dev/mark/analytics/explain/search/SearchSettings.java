package dev.mark.analytics.explain.search;

/**
 * The search's tunables.
 *
 * @param maxRootCauses the most causes returned (the issue's {@code max_root_causes}, default 5)
 * @param maxDimensions the most dimensions in one cause (default 3)
 * @param evidence how much stronger than the noise a cause's evidence must be, as a multiple of
 *     the threshold the number of candidates calls for (default 1; higher returns less)
 */
public record SearchSettings(int maxRootCauses, int maxDimensions, double evidence) {

  public static final SearchSettings DEFAULTS = new SearchSettings(5, 3, 1.0);

  public SearchSettings {
    if (maxRootCauses < 0) {
      throw new IllegalArgumentException("maxRootCauses must be at least 0, not " + maxRootCauses);
    }
    if (maxDimensions < 1) {
      throw new IllegalArgumentException("maxDimensions must be at least 1, not " + maxDimensions);
    }
    if (!(evidence > 0)) {
      throw new IllegalArgumentException("evidence must be positive, not " + evidence);
    }
  }

  public SearchSettings withMaxRootCauses(int value) {
    return new SearchSettings(value, maxDimensions, evidence);
  }

  public SearchSettings withMaxDimensions(int value) {
    return new SearchSettings(maxRootCauses, value, evidence);
  }

  public SearchSettings withEvidence(double value) {
    return new SearchSettings(maxRootCauses, maxDimensions, value);
  }
}
