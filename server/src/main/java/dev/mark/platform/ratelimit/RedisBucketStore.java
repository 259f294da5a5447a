package dev.mark.platform.ratelimit;

import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, through Lettuce and Bucket4j's compare-and-swap integration, so that every
 * node enforces one limit. A bucket is a Redis string under {@code mark:rate-limit:<key>} that
 * Redis expires a minute after the bucket would be full again (Bucket4j's
 * {@code basedOnTimeForRefillingBucketUpToMax}), so Redis holds only keys in use. Concurrent
 * calls with one key on one node are batched into one compare-and-swap, as in
 * {@link PostgresBucketStore}.
 *
 * <p>When Redis does not answer within the timeout (down, unreachable, too slow), the call is
 * refused with 503 {@code rate_limiter_unavailable}: the limits are not waived, and the cause is
 * logged, at most every 10 seconds. Commands are rejected at once while the connection is down,
 * and Lettuce reconnects in the background within a second of Redis coming back.
 *
 * <p>With a {@code redis-sentinel://} URL, Lettuce asks the sentinels for the master's address
 * on connecting and again on every reconnect, so that after a failover (the old master dead, or
 * demoted, which makes Redis drop its clients) the next attempt reaches the promoted replica.
 */
public final class RedisBucketStore implements BucketStore {

  private static final Logger log = LoggerFactory.getLogger(RedisBucketStore.class);
  private static final String KEY_PREFIX = "mark:rate-limit:";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final ProxyManager<String> proxies;
  private final IdleEvictingMap<Bucket> buckets =
      new IdleEvictingMap<>(Duration.ofMinutes(1), System::nanoTime);
  private final AtomicLong lastOutageLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

  private RedisBucketStore(ClientResources resources, RedisClient client,
      StatefulRedisConnection<String, byte[]> connection, Duration timeout) {
    this.resources = resources;
    this.client = client;
    this.connection = connection;
    this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
        .requestTimeout(timeout)
        .build();
  }

  /**
   * Connects to {@code url} ({@code redis://…}, {@code rediss://…} or {@code redis-sentinel://…}).
   *
   * @param timeout for each command; connecting (the TCP connection and the handshake) may take
   *     up to 10 seconds or {@code timeout}, whichever is longer, so that a busy machine's cold
   *     start does not fail
   * @throws RedisException when Redis cannot be reached, or refuses the credentials
   */
  public static RedisBucketStore connect(String url, Duration timeout) {
    Duration connectTimeout = timeout.compareTo(CONNECT_TIMEOUT) > 0 ? timeout : CONNECT_TIMEOUT;
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(connectTimeout);
    // each lookup of the master, too: a sentinel that does not answer holds up every reconnect
    uri.getSentinels().forEach(sentinel -> sentinel.setTimeout(connectTimeout));
    ClientResources resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2,
            TimeUnit.MILLISECONDS))
        .build();
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
    try {
      var connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      return new RedisBucketStore(resources, client, connection, timeout);
    } catch (RuntimeException e) {
      shutdown(client, resources);
      throw e;
    }
  }

  @Override
  public <T> T withBucket(long key, Supplier<BucketConfiguration> configuration,
      Function<Bucket, T> operation) {
    try {
      return operation.apply(buckets.get(key, k -> proxies.builder()
          .withOptimization(Optimizations.batching())
          .build(KEY_PREFIX + Long.toHexString(k), configuration)));
    } catch (RuntimeException e) {
      if (!isOutage(e)) {
        throw e;
      }
      logOutage(e);
      throw new ServiceUnavailable(ProblemCode.RATE_LIMITER_UNAVAILABLE,
          "The rate limits cannot be checked right now, so the call was not carried out; "
              + "retry in a few seconds.");
    }
  }

  @Override
  public boolean isReachable() {
    try {
      return "PONG".equals(connection.sync().ping());
    } catch (RuntimeException e) {
      logOutage(e);
      return false;
    }
  }

  @Override
  public void evictIdle() {
    buckets.evictIdle(bucket -> true);
  }

  @Override
  public void close() {
    connection.close();
    shutdown(client, resources);
  }

  private static void shutdown(RedisClient client, ClientResources resources) {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** Lettuce's failures (connection, timeout, Redis errors) and Bucket4j's request timeout. */
  private static boolean isOutage(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof RedisException || cause instanceof io.github.bucket4j.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private void logOutage(RuntimeException error) {
    long now = System.nanoTime();
    long last = lastOutageLogged.get();
    if (now - last >= LOG_INTERVAL_NANOS && lastOutageLogged.compareAndSet(last, now)) {
      Throwable cause = error;
      while (cause.getCause() != null && !(cause instanceof RedisException)) {
        cause = cause.getCause();
      }
      log.warn("Redis does not answer ({}); rate-limited calls are refused with 503 until it does",
          cause.toString());
    }
  }
}
