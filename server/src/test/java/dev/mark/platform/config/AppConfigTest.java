package dev.mark.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppConfigTest {

  @Test
  void everyVariableHasAWorkingDefault() {
    AppConfig config = AppConfig.fromEnvironment(Map.of());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.database().external()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of("./.mark"));
    assertThat(config.limits().maxBodyBytes()).isEqualTo(1_048_576);
    assertThat(config.limits().maxBulkBodyBytes()).isEqualTo(64L * 1_048_576);
    assertThat(config.limits().maxIngestRows()).isEqualTo(100_000);
    assertThat(config.caches().datasetTtl()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.caches().datasetEntries()).isEqualTo(10_000);
    assertThat(config.rateLimits().backend()).isEqualTo(RateLimitConfig.Backend.MEMORY);
    assertThat(config.auth().refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(config.metricsPort()).isEmpty();
  }

  @Test
  void aBlankVariableTakesItsDefault() {
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        "PORT", " ", "MARK_METRICS_PORT", "", "MARK_RATE_LIMIT_BACKEND", "", "MARK_DATA_DIR", ""));
    assertThat(config).isEqualTo(AppConfig.fromEnvironment(Map.of()));
  }

  @Test
  void aBodyLimitAboveTheBulkLimitIsRefusedNotSilentlyRaisingIt() {
    assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("MARK_MAX_BODY_BYTES", "100000000")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MARK_MAX_BULK_BODY_BYTES");
    AppConfig both = AppConfig.fromEnvironment(Map.of(
        "MARK_MAX_BODY_BYTES", "100000000", "MARK_MAX_BULK_BODY_BYTES", "200000000"));
    assertThat(both.limits().maxBulkBodyBytes()).isEqualTo(200_000_000);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"MARK_MAX_INGEST_ROWS", "MARK_METRICS_PORT"})
  void aNumberTooLargeForItsVariableIsRefusedNamingIt(String variable) {
    assertRefusedNaming(Map.of(variable, "3000000000"), variable);
  }

  @Test
  void thePoolsAreSizedFromTheCoresUnlessSet() {
    AppConfig defaults = AppConfig.fromEnvironment(Map.of());
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(defaults.database().poolSize()).isEqualTo(DatabaseConfig.defaultPoolSize(cores));
    assertThat(defaults.database().analyticsPoolSize())
        .isEqualTo(DatabaseConfig.defaultAnalyticsPoolSize(cores));
    assertThat(defaults.limits().analyticsParallelWorkers()).isEqualTo(1);

    AppConfig set = AppConfig.fromEnvironment(Map.of("MARK_DB_POOL_SIZE", "40",
        "MARK_ANALYTICS_POOL_SIZE", "6", "MARK_ANALYTICS_PARALLEL_WORKERS", "2"));
    assertThat(set.database().poolSize()).isEqualTo(40);
    assertThat(set.database().analyticsPoolSize()).isEqualTo(6);
    assertThat(set.limits().analyticsParallelWorkers()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} cores")
  @CsvSource({"1, 16, 1", "2, 16, 1", "4, 16, 2", "8, 32, 4", "64, 256, 32"})
  void analyticsGetHalfTheCoresAndOtherCallsFourConnectionsACore(
      int cores, int poolSize, int analyticsPoolSize) {
    assertThat(DatabaseConfig.defaultPoolSize(cores)).isEqualTo(poolSize);
    assertThat(DatabaseConfig.defaultAnalyticsPoolSize(cores)).isEqualTo(analyticsPoolSize);
  }

  @Test
  void theDatasetCacheCanBeTunedOrTurnedOff() {
    AppConfig config = AppConfig.fromEnvironment(
        Map.of("MARK_DATASET_CACHE_MS", "0", "MARK_DATASET_CACHE_ENTRIES", "50"));
    assertThat(config.caches().datasetTtl()).isZero();
    assertThat(config.caches().datasetEntries()).isEqualTo(50);
  }

  @Test
  void aPostgresUrlBecomesAJdbcUrlWithItsCredentials() {
    AppConfig config = AppConfig.fromEnvironment(
        Map.of("DATABASE_URL", "postgresql://mark:s%40cret@db.internal/markdb?sslmode=require"));
    var external = config.database().external().orElseThrow();
    assertThat(external.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/markdb?sslmode=require");
    assertThat(external.user()).isEqualTo("mark");
    assertThat(external.password()).isEqualTo("s@cret");
    assertThat(external.toString()).doesNotContain("s@cret");
  }

  @Test
  void aJdbcUrlTakesItsCredentialsFromTheirOwnVariables() {
    var external = AppConfig.fromEnvironment(Map.of(
            "MARK_DB_URL", "jdbc:postgresql://localhost:5433/mark",
            "MARK_DB_USER", "app", "MARK_DB_PASSWORD", "pw"))
        .database().external().orElseThrow();
    assertThat(external.user()).isEqualTo("app");
    assertThat(external.password()).isEqualTo("pw");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "PORT,                             eighty",
      "PORT,                             70000",
      "DATABASE_URL,                     mysql://x/y",
      "MARK_MAX_BODY_BYTES,              10",
      "MARK_METRICS_PORT,                99999",
      "MARK_REFRESH_REUSE_GRACE_SECONDS, -1",
      "MARK_DATASET_CACHE_MS,            -1",
      "MARK_DATASET_CACHE_MS,            soon",
      "MARK_DATASET_CACHE_ENTRIES,       0",
      "MARK_DB_POOL_SIZE,                1",
      "MARK_ANALYTICS_POOL_SIZE,         0",
      "MARK_ANALYTICS_POOL_SIZE,         5000",
      "MARK_ANALYTICS_PARALLEL_WORKERS,  -1",
      "MARK_ANALYTICS_PARALLEL_WORKERS,  2000"})
  void badValuesFailFastNamingTheVariable(String variable, String value) {
    assertRefusedNaming(Map.of(variable, value), variable);
  }

  @Test
  void corsOriginsAreOriginsWithoutPaths() {
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        "MARK_CORS_ORIGINS", " https://App.Mark.dev , http://localhost:3000,"));
    assertThat(config.auth().corsOrigins()).containsExactly("https://app.mark.dev", "http://localhost:3000");
    assertRefusedNaming(Map.of("MARK_CORS_ORIGINS", "https://app.mark.dev/login"), "MARK_CORS_ORIGINS");
    assertRefusedNaming(Map.of("MARK_CORS_ORIGINS", "*"), "MARK_CORS_ORIGINS");
    assertRefusedNaming(Map.of("MARK_ACCESS_TOKEN_TTL_SECONDS", "0"), "MARK_ACCESS_TOKEN_TTL_SECONDS");
  }

  @Test
  void theRedisBackendTakesItsServerFromMarkRedisUrl() {
    RateLimitConfig config = AppConfig.fromEnvironment(Map.of(
        "MARK_RATE_LIMIT_BACKEND", "redis",
        "MARK_REDIS_URL", "redis://:s3cret@cache.internal:6380/2",
        "MARK_REDIS_TIMEOUT_MS", "250")).rateLimits();
    assertThat(config.backend()).isEqualTo(RateLimitConfig.Backend.REDIS);
    var redis = config.redis().orElseThrow();
    assertThat(redis.url()).isEqualTo("redis://:s3cret@cache.internal:6380/2");
    assertThat(redis.timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(redis.redactedUrl()).isEqualTo("redis://cache.internal:6380/2");
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void aRedisBackendWithoutAUsableUrlFailsFastNamingTheVariable() {
    assertRefusedNaming(Map.of("MARK_RATE_LIMIT_BACKEND", "redis"), "MARK_REDIS_URL");
    for (String bad : new String[] {"cache.internal:6379", "http://cache.internal",
        "redis://", "redis://cache.internal/not-a-db", "redis://:pa ss@host"}) {
      assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(
              "MARK_RATE_LIMIT_BACKEND", "redis", "MARK_REDIS_URL", bad)))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("MARK_REDIS_URL")
          .hasMessageNotContaining("pa ss");
    }
    assertRefusedNaming(Map.of("MARK_RATE_LIMIT_BACKEND", "redis", "MARK_REDIS_URL", "redis://h",
        "MARK_REDIS_TIMEOUT_MS", "0"), "MARK_REDIS_TIMEOUT_MS");
    assertRefusedNaming(Map.of("MARK_RATE_LIMIT_BACKEND", "redis "), "MARK_REDIS_URL");
  }

  @Test
  void aRedisUrlWithAnotherBackendIsAMistakeNotIgnored() {
    assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("MARK_REDIS_URL", "redis://h:6379")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MARK_RATE_LIMIT_BACKEND=redis");
  }

  @Test
  void theSigningKeySecretIsAtLeast32CharactersAndNeverShown() {
    String secret = "Zm9yIHRlc3RzIG9ubHksIG5vdCBhIHJlYWwgc2VjcmV0";
    AppConfig config = AppConfig.fromEnvironment(Map.of("MARK_SIGNING_KEY_SECRET", secret + "\n"));
    assertThat(config.auth().signingKeySecret().orElseThrow().value()).isEqualTo(secret);
    assertThat(config.toString()).doesNotContain(secret);
    assertThat(AppConfig.fromEnvironment(Map.of()).auth().signingKeySecret()).isEmpty();
    assertThat(AppConfig.fromEnvironment(Map.of("MARK_SIGNING_KEY_SECRET", " ")).auth().signingKeySecret())
        .isEmpty();

    String short31 = "s3cret-".repeat(4) + "abc";
    assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("MARK_SIGNING_KEY_SECRET", short31)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MARK_SIGNING_KEY_SECRET")
        .hasMessageContaining("at least 32 characters")
        .hasMessageNotContaining("s3cret");
  }

  private static void assertRefusedNaming(Map<String, String> environment, String variable) {
    assertThatThrownBy(() -> AppConfig.fromEnvironment(environment))
        .as(environment.toString())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(variable);
  }
}
