package dev.mark.support;

import dev.mark.App;
import dev.mark.AppAccess;
import dev.mark.accounts.AccountService;
import dev.mark.keys.ApiKeyService;
import dev.mark.platform.config.AppConfig;
import dev.mark.platform.db.Transactions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The app in this process on a free loopback port, on an embedded PostgreSQL in a temporary
 * folder: the one way tests start the server in-process. Most test classes share one, started
 * once for the whole run, with {@code @ExtendWith(RunningServer.Extension.class)} and a
 * parameter; a test that needs other settings starts its own with {@link #builder()} in a
 * try-with-resources. Tests of several nodes run real processes instead ({@link Cluster}).
 */
public final class RunningServer implements AutoCloseable {

  /** The body limit of the shared server: small, so that tests can exceed it cheaply. */
  public static final long MAX_BODY_BYTES = 64 * 1024;
  /** The row limit of one ingest request on the shared server. */
  public static final int MAX_INGEST_ROWS = 20_000;
  /** The secret the shared server expects from a marketplace gateway. */
  public static final String MARKETPLACE_SECRET = "test-marketplace-proxy-secret";
  /** The one browser origin the shared server allows (MARK_CORS_ORIGINS). */
  public static final String APP_ORIGIN = "http://localhost:3000";
  /** Failed logins per email per window on the shared server. */
  public static final int LOGIN_ATTEMPTS_PER_EMAIL = 3;
  /** How long a used refresh cookie may be sent again on the shared server (short, to wait out). */
  public static final Duration REFRESH_REUSE_GRACE = Duration.ofSeconds(3);

  private final App app;
  private final Optional<Path> temporaryDataDir;
  private final Mailbox mailbox;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RunningServer(App app, Optional<Path> temporaryDataDir, Mailbox mailbox) {
    this.app = app;
    this.temporaryDataDir = temporaryDataDir;
    this.mailbox = mailbox;
  }

  /** A server of the defaults (with test-friendly ports and folder), to be changed as needed. */
  public static Builder builder() {
    return new Builder();
  }

  /** The settings of the shared server, as its environment would give them. */
  private static Map<String, String> sharedSettings() {
    return Map.ofEntries(
        Map.entry("MARK_METRICS_PORT", "0"),
        Map.entry("MARK_MAX_BODY_BYTES", Long.toString(MAX_BODY_BYTES)),
        Map.entry("MARK_MAX_INGEST_ROWS", Integer.toString(MAX_INGEST_ROWS)),
        Map.entry("MARK_PLANS_FILE", testPlans().toString()),
        Map.entry("MARK_MARKETPLACE_PROXY_SECRET", MARKETPLACE_SECRET),
        Map.entry("MARK_CORS_ORIGINS", APP_ORIGIN),
        Map.entry("MARK_LOGIN_ATTEMPTS_PER_EMAIL", Integer.toString(LOGIN_ATTEMPTS_PER_EMAIL)),
        Map.entry("MARK_LOGIN_ATTEMPTS_PER_ADDRESS", "10000"),
        Map.entry("MARK_AUTH_FAILURES_PER_ADDRESS", "10000"),
        Map.entry("MARK_REFRESH_REUSE_GRACE_SECONDS", Long.toString(REFRESH_REUSE_GRACE.toSeconds())));
  }

  /**
   * The plans of the test servers ({@code test-plans.json}): roomy {@code free} and {@code mega}
   * plans, so that tests never trip over limits by accident, and {@code tiny} (a burst of 3 per
   * minute) and {@code metered} (a monthly quota of 5) for the tests of limits.
   */
  public static Path testPlans() {
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

  /** A client calling as the development account (the embedded database's first start). */
  public TestClient client() {
    return clientWithKey(app.developmentAccount().orElseThrow().apiKey());
  }

  /** A client calling as a new, separate account. */
  public TestClient newAccountClient() {
    return clientWithKey(accounts().create("Another account", "test").apiKey());
  }

  /** A client calling as a new, separate account on the plan {@code planId}. */
  public TestClient newAccountClient(String planId) {
    return clientWithKey(accounts().create("Account on " + planId, "test", planId).apiKey());
  }

  /** A new account with one key in {@code environment}, on the default plan. */
  public AccountService.CreatedAccount newAccount(String environment) {
    return accounts().create("Account in " + environment, environment);
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

  public AccountService accounts() {
    return AppAccess.accounts(app);
  }

  /** The messages the server sent (its MARK_MAIL_OUTBOX, {@code <data dir>/outbox} unless given). */
  public Mailbox mailbox() {
    return mailbox;
  }

  /** The server's own database, for tests that check what was (not) written. */
  public DSLContext sql() {
    return AppAccess.sql(app);
  }

  /** Stops the server and deletes its temporary folder; a second call does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        app.close();
      } finally {
        temporaryDataDir.ifPresent(TempDirs::delete);
      }
    }
  }

  /** How a test's own server differs from the defaults. */
  public static final class Builder {

    private final Map<String, String> environment = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private Path dataDir;

    private Builder() {}

    /** Settings as the server reads them from its environment (e.g. {@code DATABASE_URL}). */
    public Builder environment(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** The clock of every service; tests pass one they can move forward. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** A data folder the test owns and keeps (to restart on it); by default a temporary one. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Starts the server; if it fails to start, its temporary folder is deleted. */
    public RunningServer start() {
      Path dir = dataDir != null ? dataDir : TempDirs.create("mark-test");
      Optional<Path> temporary = dataDir != null ? Optional.empty() : Optional.of(dir);
      try {
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", "0");
        env.put("MARK_DATA_DIR", dir.toString());
        env.putIfAbsent("MARK_MAIL_OUTBOX", dir.resolve("outbox").toString());
        Mailbox mailbox = new Mailbox(Path.of(env.get("MARK_MAIL_OUTBOX")));
        return new RunningServer(App.start(AppConfig.fromEnvironment(env), clock), temporary, mailbox);
      } catch (RuntimeException | Error e) {
        temporary.ifPresent(TempDirs::delete);
        throw e;
      }
    }
  }

  /** Resolves a {@link RunningServer} parameter to the one shared server of the test run. */
  public static final class Extension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == RunningServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .computeIfAbsent(RunningServer.class,
              key -> builder().environment(sharedSettings()).start(), RunningServer.class);
    }
  }
}
