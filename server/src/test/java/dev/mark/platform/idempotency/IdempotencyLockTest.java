package dev.mark.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.security.Sha256;
import dev.mark.support.OwnDatabase;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the in-flight claim of an Idempotency-Key was an advisory lock on 32 bits of a hash,
 * so two different keys could share it and one be refused {@code 409} while the other ran.
 */
class IdempotencyLockTest {

  private final IdempotencyRepository repository = new IdempotencyRepository();

  @Test
  void twoKeysWhose32BitHashesCollideHaveLocksOfTheirOwn() throws Exception {
    IdempotencyScope[] pair = collidingIn32Bits();
    assertThat(IdempotencyRepository.lockKey(pair[0])).isNotEqualTo(IdempotencyRepository.lockKey(pair[1]));

    try (OwnDatabase db = OwnDatabase.start()) {
      CountDownLatch held = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() ->
          DSL.using(db.sql().configuration()).transactionResult(configuration -> {
            boolean locked = repository.tryLock(configuration.dsl(), pair[0]);
            held.countDown();
            release.await(60, TimeUnit.SECONDS);
            return locked;
          }));
      try {
        assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
        boolean other = db.sql().transactionResult(configuration -> repository.tryLock(configuration.dsl(), pair[1]));
        boolean same = db.sql().transactionResult(configuration -> repository.tryLock(configuration.dsl(), pair[0]));

        assertThat(other).as("a different key, while the first is in flight").isTrue();
        assertThat(same).as("the same key, while it is in flight").isFalse();
      } finally {
        release.countDown();
      }
      assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  /**
   * Two keys of one account whose 32-bit lock (the first four bytes of the SHA-256 of the scope,
   * as it was derived before) is the same: a birthday search over about 2^16 keys.
   */
  private static IdempotencyScope[] collidingIn32Bits() {
    Map<Integer, IdempotencyScope> seen = new HashMap<>();
    for (int i = 0; ; i++) {
      IdempotencyScope scope = new IdempotencyScope("acc_collide", "live", "key-" + i);
      int old = ByteBuffer.wrap(Sha256.of(scope.accountId() + '\u0000' + scope.environment()
          + '\u0000' + scope.key())).getInt();
      IdempotencyScope earlier = seen.putIfAbsent(old, scope);
      if (earlier != null) {
        return new IdempotencyScope[] {earlier, scope};
      }
    }
  }
}
