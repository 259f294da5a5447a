package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.core.MarkResponse;
import dev.mark.sdk.core.RateLimitException;
import dev.mark.sdk.model.Column;
import dev.mark.sdk.model.ColumnType;
import dev.mark.sdk.model.CreateDatasetRequest;
import dev.mark.sdk.model.Dataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 429s from the real server (the parity scenario's last error), on a plan that allows a burst
 * of 3 calls a second. Also run by the TypeScript SDK (test/rate-limit.test.ts).
 */
class LiveRateLimitTest {

  private static LiveServer server;
  private static String datasetId;

  @BeforeAll
  static void startARateLimitedServer() throws Exception {
    Path plans = Path.of(LiveRateLimitTest.class.getResource("/plans-tiny.json").toURI());
    server = LiveServer.start(Map.of("MARK_PLANS_FILE", plans.toString()));
    datasetId = client(0).datasets().create(new CreateDatasetRequest().name("Limited")
        .columns(List.of(new Column().name("x").type(ColumnType.INTEGER)))).data().getId();
    Thread.sleep(1_100);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void withoutRetriesACallOverTheLimitIsARateLimitExceptionWithTheWaitTheServerAsked() {
    MarkClient mark = client(0);
    RateLimitException limited = null;
    for (int i = 0; i < 10 && limited == null; i++) {
      try {
        MarkResponse<Dataset> response = mark.datasets().retrieve(datasetId);
        assertThat(response.meta().status()).isEqualTo(200);
      } catch (RateLimitException e) {
        limited = e;
      }
    }
    assertThat(limited).as("one of 10 quick calls is over a burst of 3").isNotNull();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.code()).contains("rate_limited");
    assertThat(limited.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    assertThat(limited.requestId()).isPresent();
  }

  @Test
  void withRetriesCallsOverTheLimitWaitAsAskedAndAllSucceed() throws Exception {
    Thread.sleep(1_100);
    MarkClient mark = client(3);
    for (int i = 0; i < 8; i++) {
      assertThat(mark.datasets().retrieve(datasetId).meta().status()).isEqualTo(200);
    }
  }

  private static MarkClient client(int maxRetries) {
    return server.client().apiKey(server.apiKey()).maxRetries(maxRetries).build();
  }
}
