package dev.mark;

import dev.mark.accounts.AccountService;
import dev.mark.keys.ApiKeyService;
import dev.mark.platform.config.AppConfig;
import dev.mark.platform.config.AuthConfig;
import dev.mark.platform.config.LimitsConfig;
import dev.mark.platform.config.MarketplaceConfig;
import dev.mark.platform.config.RateLimitConfig;
import dev.mark.platform.db.Transactions;
import dev.mark.support.TestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real server for the whole test run: the app on a free loopback port, on an embedded
 * PostgreSQL in a temporary folder, started once and closed when the run ends. Test classes
 * get it with {@code @ExtendWith(RunningServer.Extension.class)} and a parameter.
 */
public final class RunningServer implements AutoCloseable {

  /** The body limit of the test server: small, so that tests can exceed it cheaply. */
  public static final long MAX_BODY_BYTES = 64 * 1024;
  /** The row limit of one ingest request on the test server. */
  public static final int MAX_INGEST_ROWS = 20_000;
  /** The secret the test server expects from a marketplace gateway. */
  public static final String MARKETPLACE_SECRET = "test-marketplace-proxy-secret";
  /** The one browser origin the test server allows (MARK_CORS_ORIGINS). */
  public static final String APP_ORIGIN = "http://localhost:3000";
  /** Failed logins per email per window on the test server. */
  public static final int LOGIN_ATTEMPTS_PER_EMAIL = 3;
  /** How long a used refresh cookie may be sent again on the test server (short, to wait out). */
  public static final Duration REFRESH_REUSE_GRACE = Duration.ofSeconds(3);

  private final Path dataDir;
  private final App app;
  private final String apiKey;

  private RunningServer(Path dataDir, App app) {
    this.dataDir = dataDir;
    this.app = app;
    this.apiKey = app.developmentAccount().orElseThrow().apiKey();
  }

  static RunningServer start() {
    try {
      Path dataDir = Files.createTempDirectory("mark-test");
      AppConfig config = AppConfig.defaults()
          .withPort(0)
          .withMetricsPort(0)
          .withDataDir(dataDir)
          .withLimits(LimitsConfig.defaults().withMaxBodyBytes(MAX_BODY_BYTES).withMaxIngestRows(MAX_INGEST_ROWS))
          .withRateLimits(RateLimitConfig.defaults().withPlansFile(testPlans()))
          .withMarketplace(new MarketplaceConfig(Optional.of(MARKETPLACE_SECRET)))
          .withAuth(AuthConfig.defaults()
              .withCorsOrigins(List.of(APP_ORIGIN))
              .withLoginThrottle(LOGIN_ATTEMPTS_PER_EMAIL, 10_000, Duration.ofMinutes(15))
              .withRefreshReuseGrace(REFRESH_REUSE_GRACE));
      return new RunningServer(dataDir, App.start(config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The plans of the test server ({@code test-plans.json}): roomy {@code free} and {@code mega}
   * plans, so that tests never trip over limits by accident, and {@code tiny} (a burst of 3 per
   * minute) and {@code metered} (a monthly quota of 5) for the tests of limits.
   */
  static Path testPlans() {
    try {
      return Path.of(RunningServer.class.getResource("/test-plans.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://localhost:" + app.port();
  }

  public App app() {
    return app;
  }

  /** A client calling as the development account. */
  public TestClient client() {
    return new TestClient(baseUrl(), Map.of("X-API-Key", apiKey));
  }

  /** A client calling as a new, separate account. */
  public TestClient newAccountClient() {
    String key = app.accounts().create("Another account", "test").apiKey();
    return new TestClient(baseUrl(), Map.of("X-API-Key", key));
  }

  /** A client calling as a new, separate account on the plan {@code planId}. */
  public TestClient newAccountClient(String planId) {
    String key = app.accounts().create("Account on " + planId, "test", planId).apiKey();
    return new TestClient(baseUrl(), Map.of("X-API-Key", key));
  }

  /** A new account with one key in {@code environment}, on the default plan. */
  public AccountService.CreatedAccount newAccount(String environment) {
    return app.accounts().create("Account in " + environment, environment);
  }

  /** Another key, with every scope, for an existing account in {@code environment}. */
  public String issueKey(String accountId, String environment) {
    ApiKeyService keys = new ApiKeyService(new Transactions(sql()), Duration.ZERO, Clock.systemUTC());
    return new Transactions(sql()).inTransaction(tx -> keys.issue(tx, accountId, environment, "Extra"));
  }

  /** A client calling with {@code apiKey}. */
  public TestClient clientWithKey(String apiKey) {
    return new TestClient(baseUrl(), Map.of("X-API-Key", apiKey));
  }

  /** A client that sends no credentials. */
  public TestClient anonymousClient() {
    return new TestClient(baseUrl(), Map.of());
  }

  public DSLContext sql() {
    return app.database().dsl();
  }

  @Override
  public void close() {
    app.close();
    deleteRecursively(dataDir);
  }

  static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Resolves a {@link RunningServer} parameter to the one shared server. */
  public static final class Extension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == RunningServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .computeIfAbsent(RunningServer.class, key -> RunningServer.start(), RunningServer.class);
    }
  }
}
