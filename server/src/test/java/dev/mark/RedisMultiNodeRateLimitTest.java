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
    return Map.of("MARK_RATE_LIMIT_BACKEND", "redis", "MARK_REDIS_URL", redis.url());
  }

  @Override
  void stopBackend() {
    if (redis != null) {
      redis.close();
    }
  }
}
