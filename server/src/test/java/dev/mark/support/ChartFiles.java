package dev.mark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the charts the tests produce to {@code target/charts/NAME.json}, where the build's Node
 * check ({@code src/test/charts}) validates each against the Vega-Lite v6 schema and renders it
 * to SVG. A file holds {@code chart} (type, reason, alternatives, spec) and, when a test knows
 * them, {@code expect.x_labels}: the axis labels the rendered chart must show.
 */
public final class ChartFiles {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path DIR = Path.of("target", "charts");

  private ChartFiles() {}

  /** @param chart the chart as JSON-ready values (a model, a map or a JSON node) */
  public static void write(String name, Object chart) {
    write(name, chart, List.of());
  }

  public static void write(String name, Object chart, List<String> expectedXLabels) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("chart", chart);
    if (!expectedXLabels.isEmpty()) {
      file.put("expect", Map.of("x_labels", expectedXLabels));
    }
    try {
      Files.createDirectories(DIR);
      Files.writeString(DIR.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
