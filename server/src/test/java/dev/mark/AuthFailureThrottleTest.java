package dev.mark;

import static dev.mark.db.Tables.API_KEYS;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.accounts.AccountService.CreatedAccount;
import dev.mark.keys.ApiKeyFormat;
import dev.mark.platform.security.Sha256;
import dev.mark.support.HttpResult;
import dev.mark.support.MovableClock;
import dev.mark.support.RunningServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Made-up API keys with a valid checksum (each a database lookup) are throttled per client
 * address, and a key the database did not know is remembered as unknown for a few seconds.
 */
class AuthFailureThrottleTest {

  private static final int PER_ADDRESS = 5;

  @Test
  void madeUpKeysFromOneAddressAreThrottledWithRetryAfter() {
    try (RunningServer server = RunningServer.builder()
        .environment(Map.of("MARK_AUTH_FAILURES_PER_ADDRESS", Integer.toString(PER_ADDRESS)))
        .start()) {
      String known = server.newAccount("test").apiKey();
      assertThat(server.clientWithKey(known).get("/v1/datasets").status()).isEqualTo(200);
      ApiKeyFormat format = new ApiKeyFormat();

      List<HttpResult> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(server.clientWithKey(format.generate("test")).get("/v1/datasets"));
      }

      List<Integer> statuses = answers.stream().map(HttpResult::status).toList();
      assertThat(statuses.subList(0, PER_ADDRESS)).containsOnly(401);
      // the bucket refills one failure every 12 s: a stalled machine may let one more through
      assertThat(statuses.stream().filter(s -> s == 401).count()).isLessThanOrEqualTo(PER_ADDRESS + 1);
      HttpResult throttled = answers.getLast();
      assertProblem(throttled, 429, "authentication_throttled");
      assertThat(throttled.header("Retry-After")).isPresent();
      assertThat(server.clientWithKey(known).get("/v1/datasets").status())
          .as("a key this node has verified keeps working").isEqualTo(200);
    }
  }

  @Test
  void aKeyTheDatabaseDidNotKnowIsNotLookedUpAgainForSeconds() {
    MovableClock clock = new MovableClock();
    try (RunningServer server = RunningServer.builder().clock(clock).start()) {
      CreatedAccount account = server.newAccount("test");
      String madeUp = new ApiKeyFormat().generate("test");
      assertProblem(server.clientWithKey(madeUp).get("/v1/datasets"), 401, "invalid_api_key");
      // behind the node's back, as no real create could (a new secret is fresh random bits):
      // the made-up secret becomes a key's, so only a lookup would find it
      server.sql().update(API_KEYS)
          .set(API_KEYS.SECRET_HASH, Sha256.of(madeUp))
          .where(API_KEYS.ID.eq(account.keyId()))
          .execute();

      assertProblem(server.clientWithKey(madeUp).get("/v1/datasets"), 401, "invalid_api_key");
      clock.advance(Duration.ofSeconds(11));
      assertThat(server.clientWithKey(madeUp).get("/v1/datasets").status())
          .as("known as unknown for seconds only").isEqualTo(200);
    }
  }
}
