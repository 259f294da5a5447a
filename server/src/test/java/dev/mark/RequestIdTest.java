package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningServer.Extension.class)
class RequestIdTest {

  @Test
  void aWellFormedRequestIdIsEchoed(RunningServer server) {
    var result = server.client().withHeader("X-Request-Id", "trace-42.abc_DEF").get("/healthz");
    assertThat(result.header("X-Request-Id")).contains("trace-42.abc_DEF");
  }

  @Test
  void aMissingOrMalformedRequestIdIsReplacedByANewOne(RunningServer server) {
    assertThat(server.client().get("/healthz").header("X-Request-Id").orElseThrow())
        .matches("req_[0-9A-Z]{26}");
    var result = server.client().withHeader("X-Request-Id", "has spaces and <tags>").get("/v1/datasets/x");
    assertThat(result.header("X-Request-Id").orElseThrow()).matches("req_[0-9A-Z]{26}");
    assertThat(result.json().get("request_id").asString()).isEqualTo(result.header("X-Request-Id").orElseThrow());
  }
}
