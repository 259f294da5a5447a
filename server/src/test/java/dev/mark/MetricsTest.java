package dev.mark;

import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operators' metrics: every call counted and timed by operation and status, problems by code,
 * the JVM's and the pool's meters; served on a port of their own, never on the API's.
 */
@ExtendWith(RunningServer.Extension.class)
class MetricsTest {

  @Test
  void callsAreCountedByOperationAndStatusAndProblemsByCode(RunningServer server) {
    String before = scrape(server).body();

    assertThat(server.client().get("/v1/datasets").status()).isEqualTo(200);
    assertThat(server.anonymousClient().get("/v1/datasets").status()).isEqualTo(401);
    assertThat(server.anonymousClient().get("/v1/no-such-route").status()).isEqualTo(404);

    String after = scrape(server).body();
    String listed = "mark_http_requests_seconds_count{operation=\"listDatasets\",status=\"200\"}";
    String refused = "mark_http_requests_seconds_count{operation=\"listDatasets\",status=\"401\"}";
    String unauthorized = "mark_http_problems_total{code=\"unauthorized\",operation=\"listDatasets\"}";
    String notFound = "mark_http_problems_total{code=\"not_found\",operation=\"none\"}";
    for (String series : new String[] {listed, refused, unauthorized, notFound}) {
      assertThat(value(after, series)).as(series).isGreaterThanOrEqualTo(value(before, series) + 1);
    }
    assertThat(after)
        .contains("mark_http_requests_seconds_bucket{operation=\"listDatasets\",status=\"200\",le=\"0.005\"}")
        .contains("hikaricp_connections_active{pool=\"mark\"}")
        .contains("jvm_memory_used_bytes{area=\"heap\"");
  }

  @Test
  void labelsComeFromTheContractNeverFromTheRequest(RunningServer server) {
    server.anonymousClient().get("/v1/datasets/ds_01JC3XG8F2SK6Y8S3M7VVQPRTE/unheard-of-path");
    server.client().withHeader("X-Request-Id", "req_label_probe").get("/v1/datasets?limit=7");

    assertThat(scrape(server).body())
        .doesNotContain("unheard-of-path")
        .doesNotContain("ds_01JC3XG8F2SK6Y8S3M7VVQPRTE")
        .doesNotContain("req_label_probe")
        .doesNotContain("limit=7");
  }

  @Test
  void metricsAreServedOnTheirOwnPortOnly(RunningServer server) {
    HttpResult scraped = scrape(server);
    assertThat(scraped.status()).isEqualTo(200);
    assertThat(scraped.contentType()).startsWith("text/plain; version=0.0.4");

    assertProblem(server.anonymousClient().get("/metrics"), 404, "not_found");
    TestClient metricsPort = metricsClient(server);
    HttpResult posted = metricsPort.send("POST", "/metrics", "text/plain", "x");
    assertThat(posted.status()).isEqualTo(405);
    assertThat(posted.header("Allow")).hasValue("GET");
    assertThat(metricsPort.get("/v1/datasets").status()).isEqualTo(404);
  }

  private static HttpResult scrape(RunningServer server) {
    return metricsClient(server).get("/metrics");
  }

  private static TestClient metricsClient(RunningServer server) {
    return TestClient.outsideContract("http://localhost:" + server.app().metricsPort().orElseThrow());
  }

  /** The value of one series in a scrape; 0 when it is not there yet. */
  private static double value(String scrape, String series) {
    Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }
}
