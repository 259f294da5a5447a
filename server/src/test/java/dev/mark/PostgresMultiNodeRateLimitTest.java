package dev.mark;

import java.util.Map;

/** The multi-node limits with {@code MARK_RATE_LIMIT_BACKEND=postgres} (the nodes' own database). */
class PostgresMultiNodeRateLimitTest extends MultiNodeRateLimitTest {

  @Override
  Map<String, String> startBackend() {
    return Map.of("MARK_RATE_LIMIT_BACKEND", "postgres");
  }

  @Override
  void stopBackend() {}
}
