package dev.mark.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.config.AppConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics have no credentials: they listen on loopback unless an operator widens it. */
class MetricsServerTest {

  @Test
  void theMetricsListenOnLoopbackByDefault() {
    AppConfig config = AppConfig.fromEnvironment(Map.of("MARK_METRICS_PORT", "0"));
    try (Metrics metrics = new Metrics();
        MetricsServer server = MetricsServer.start(metrics, config.metricsHost(), 0)) {
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }
  }

  @Test
  void markMetricsHostWidensIt() {
    AppConfig config = AppConfig.fromEnvironment(Map.of("MARK_METRICS_HOST", "0.0.0.0"));
    try (Metrics metrics = new Metrics();
        MetricsServer server = MetricsServer.start(metrics, config.metricsHost(), 0)) {
      assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
    }
  }
}
