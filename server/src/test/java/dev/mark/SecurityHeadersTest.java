package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11, finding 15: no cache keeps an authenticated answer (a secret least of all), no
 * browser sniffs a body into HTML, and HSTS is there when a deployment asks for it.
 */
@ExtendWith(RunningServer.Extension.class)
class SecurityHeadersTest {

  @Test
  void everyAuthenticatedResponseIsNoStore(RunningServer server) {
    HttpResult listed = server.client().get("/v1/datasets");
    HttpResult created = server.client().postJson("/v1/api-keys",
        "{\"name\": \"headers\", \"scopes\": [\"read\"]}");
    String keyId = created.json().get("key").get("id").asString();
    HttpResult rolled = server.client().postJson("/v1/api-keys/" + keyId + "/roll", "{}");
    HttpResult refused = server.anonymousClient().get("/v1/datasets");

    assertThat(created.status()).isEqualTo(201);
    assertThat(rolled.status()).isEqualTo(200);
    assertThat(refused.status()).isEqualTo(401);
    for (HttpResult result : new HttpResult[] {listed, created, rolled, refused}) {
      assertThat(result.header("Cache-Control")).as(result.body()).hasValue("no-store");
      assertThat(result.header("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void everyResponseIsNosniffAndHasNoHstsByDefault(RunningServer server) {
    for (String path : new String[] {"/healthz", "/v1/plans", "/no-such-route", "/openapi.yaml"}) {
      HttpResult result = server.anonymousClient().get(path);
      assertThat(result.header("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(result.header("Strict-Transport-Security")).as(path).isEmpty();
    }
  }

  @Test
  void markHstsAddsStrictTransportSecurity() {
    try (RunningServer server = RunningServer.builder()
        .environment(Map.of("MARK_HSTS", "31536000"))
        .start()) {
      for (String path : new String[] {"/healthz", "/v1/datasets", "/no-such-route"}) {
        assertThat(server.anonymousClient().get(path).header("Strict-Transport-Security"))
            .as(path).hasValue("max-age=31536000; includeSubDomains");
      }
    }
  }
}
