package dev.mark.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An answer the server gives before it has read the body (a 401 for a bad key, a 404 of a
 * route) reaches a client that is still sending that body, and the connection stays usable: the
 * server drops the rest of the body first ({@link UnreadBody}). Without it Jetty closed the
 * connection under the client, which got no answer at all ("header parser received no bytes").
 */
@ExtendWith(RunningServer.Extension.class)
class EarlyAnswerTest {

  /** Larger than what Jetty reads on its own before it gives up, and than any socket buffer. */
  private static final String BIG_BODY = "{\"name\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}";

  @Test
  void aRefusalBeforeTheBodyIsReadReachesAClientStillSendingIt(RunningServer server) {
    for (int i = 0; i < 3; i++) {
      HttpResult refused = server.clientWithKey("mk_test_notakey").postJson("/v1/datasets", BIG_BODY);
      assertThat(refused.status()).as(refused.body()).isEqualTo(401);
    }
    HttpResult noRoute = server.client().postJson("/v1/nowhere", BIG_BODY);
    assertThat(noRoute.status()).as(noRoute.body()).isEqualTo(404);
    assertThat(server.client().get("/v1/datasets").status()).isEqualTo(200);
  }
}
