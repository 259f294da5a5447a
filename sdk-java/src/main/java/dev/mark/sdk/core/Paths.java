package dev.mark.sdk.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

final class Paths {
  private Paths() {}

  /** The path of one dataset, its ID escaped so that no input can reach another route. */
  static String dataset(String datasetId, String suffix) {
    return "/v1/datasets/" + URLEncoder.encode(datasetId, StandardCharsets.UTF_8).replace("+", "%20") + suffix;
  }
}
