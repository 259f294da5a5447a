package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mark.platform.contract.ApiContract;
import dev.mark.support.RunningServer;
import dev.mark.support.TempDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningServer.Extension.class)
class DocsTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void theContractIsServedAsWrittenAndAsJsonWithThisServerFirst(RunningServer server) {
    var yaml = server.anonymousClient().get("/openapi.yaml");
    assertThat(yaml.status()).isEqualTo(200);
    String thisServer = "  - url: '" + server.baseUrl() + "'\n    description: This server, which served this document\n";
    assertThat(yaml.body()).contains("servers:\n" + thisServer + "  - url: https://api.mark.dev\n");
    assertThat(yaml.body().replace(thisServer, "")).isEqualTo(ApiContract.load().yaml());

    var json = server.anonymousClient().get("/openapi.json");
    assertThat(json.json().get("paths").has("/v1/datasets")).isTrue();
    assertThat(json.json().get("servers").findValuesAsString("url"))
        .containsExactly(server.baseUrl(), "https://api.mark.dev");
  }

  @Test
  void theReferenceIsServedWithoutAnyCdn(RunningServer server) {
    var page = server.anonymousClient().get("/docs");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("https://").contains("/webjars/swagger-ui/");
    String script = page.body().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
    assertThat(server.anonymousClient().get(script).status()).isEqualTo(200);
  }

  @Test
  void theReferenceRendersTheOperationsInABrowser(RunningServer server) throws Exception {
    String dom = renderedDom(server, "/docs");

    assertThat(dom).contains("opblock");
    // "Try it out" calls the server first in the list: this one, not production
    int here = dom.indexOf("<option value=\"" + server.baseUrl() + "\"");
    assertThat(here).as("this server is offered").isNotNegative();
    assertThat(here).as("before production").isLessThan(dom.indexOf("<option value=\"https://api.mark.dev\""));
    for (String operation : List.of("createDataset", "listDatasets", "getDataset", "deleteDataset", "getHealth")) {
      assertThat(dom).as("the rendered page shows " + operation).contains(operation);
    }
  }

  @Test
  void theReferenceShowsAnExplainWithItsWaterfallAndNarrative(RunningServer server) throws Exception {
    // deep linking opens the operation, and its examples render as highlighted JSON
    String dom = renderedDom(server, "/docs#/analytics/explainDataset");

    assertThat(dom).contains("explainDataset", "waterfall", "vega-lite/v6.json", "Why revenue (sum) moved, by region",
        "Revenue fell 15.0 % (−18,000) from October to November, mostly in EMEA web.");
  }

  @Test
  void theReferenceOffersAQueryAnsweredWithAChart(RunningServer server) throws Exception {
    String dom = renderedDom(server, "/docs#/analytics/queryDataset");

    // the examples of a request and of a response are offered by name, the first one shown
    assertThat(dom).contains("queryDataset", "with_chart", "with_narrative", "grouped");
  }

  /** The page at {@code path} as headless Chromium leaves it once its scripts have run. */
  private static String renderedDom(RunningServer server, String path) throws Exception {
    boolean required = System.getenv("MARK_REQUIRE_BROWSER") != null;
    assumeTrue(required || Files.isExecutable(CHROMIUM),
        "Chromium is not installed (CI installs it and sets MARK_REQUIRE_BROWSER)");
    Path profile = Files.createTempDirectory("mark-chromium");
    try {
      Process chromium = new ProcessBuilder(List.of(
          CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--no-first-run", "--user-data-dir=" + profile,
          "--virtual-time-budget=15000", "--dump-dom", server.baseUrl() + path))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return dom;
    } finally {
      TempDirs.delete(profile);
    }
  }
}
