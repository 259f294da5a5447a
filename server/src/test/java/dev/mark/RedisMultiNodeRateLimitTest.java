package dev.mark;

import dev.mark.support.RedisServer;
import java.util.Map;

/**
 * The multi-node limits with {@code MARK_RATE_LIMIT_BACKEND=redis}, on a redis-server this test
 * starts (skipped without one, unless {@code MARK_REQUIRE_REDIS} is set).
 */
class RedisMultiNodeRateLimitTest extends MultiNodeRateLimitTest {

  private RedisServer redis;

  @Override
  Map<String, String> startBackend() {
    redis = RedisServer.start();
    // what is tested is the limit, not Redis's speed: on a busy test machine, compare-and-swap
    // on one account's bucket from three nodes can take over the default second, which answers
    // 503 rate_limiter_unavailable (tested on its own in RedisRateLimitTest)
    return Map.of("MARK_RATE_LIMIT_BACKEND", "redis", "MARK_REDIS_URL", redis.url(),
        "MARK_REDIS_TIMEOUT_MS", "10000");
  }

  @Override
  void stopBackend() {
    if (redis != null) {
      redis.close();
    }
  }
}
