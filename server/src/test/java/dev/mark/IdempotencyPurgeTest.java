package dev.mark;

import static dev.mark.db.Tables.IDEMPOTENCY_KEYS;
import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.db.Transactions;
import dev.mark.platform.idempotency.Idempotency;
import dev.mark.support.RunningServer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningServer.Extension.class)
class IdempotencyPurgeTest {

  @Test
  void keysOlderThanTheRetentionArePurgedAndYoungerOnesKept(RunningServer server) {
    var client = server.newAccountClient();
    assertThat(client.withHeader("Idempotency-Key", "old").postJson("/v1/datasets", ORDERS).status()).isEqualTo(201);
    assertThat(client.withHeader("Idempotency-Key", "young").postJson("/v1/datasets", ORDERS).status()).isEqualTo(201);
    server.sql().update(IDEMPOTENCY_KEYS)
        .set(IDEMPOTENCY_KEYS.CREATED_AT, OffsetDateTime.now().minus(Idempotency.RETENTION).minus(Duration.ofMinutes(1)))
        .where(IDEMPOTENCY_KEYS.KEY.eq("old"))
        .execute();

    int purged = new Idempotency(new Transactions(server.sql()), Clock.systemUTC()).purgeExpired();

    assertThat(purged).isGreaterThanOrEqualTo(1);
    assertThat(server.sql().fetchValues(IDEMPOTENCY_KEYS.KEY)).doesNotContain("old").contains("young");
  }
}
