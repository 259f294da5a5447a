package dev.mark;

import dev.mark.accounts.AccountService;
import dev.mark.analytics.AnalyticsGate;
import dev.mark.analytics.AnalyticsHandler;
import dev.mark.analytics.AnalyticsRunner;
import dev.mark.analytics.QueryService;
import dev.mark.analytics.explain.ExplainService;
import dev.mark.api.ApiRoutes;
import dev.mark.datasets.DatasetService;
import dev.mark.datasets.DatasetsHandler;
import dev.mark.datasets.RowsHandler;
import dev.mark.datasets.RowsService;
import dev.mark.health.HealthHandler;
import dev.mark.keys.ApiKeyAuthenticator;
import dev.mark.keys.AuthFailureThrottle;
import dev.mark.keys.ApiKeyService;
import dev.mark.keys.ApiKeysHandler;
import dev.mark.keys.KeyManagementService;
import dev.mark.marketplace.MarketplaceAuthenticator;
import dev.mark.marketplace.MarketplaceService;
import dev.mark.plans.PlanCatalog;
import dev.mark.plans.PlansHandler;
import dev.mark.platform.config.AppConfig;
import dev.mark.platform.config.ConfigException;
import dev.mark.platform.contract.ApiContract;
import dev.mark.platform.contract.SchemaValidator;
import dev.mark.platform.db.Database;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.docs.DocsRoutes;
import dev.mark.platform.http.BodyLimits;
import dev.mark.platform.http.Cors;
import dev.mark.platform.http.HttpPipeline;
import dev.mark.platform.http.InFlightRequests;
import dev.mark.platform.http.OperationBinder;
import dev.mark.platform.http.ProblemErrorHandler;
import dev.mark.platform.http.SecurityHeaders;
import dev.mark.platform.idempotency.Idempotency;
import dev.mark.platform.jobs.Periodic;
import dev.mark.platform.lifecycle.CloseStack;
import dev.mark.platform.lifecycle.StartupException;
import dev.mark.platform.mail.Mailers;
import dev.mark.platform.json.Json;
import dev.mark.platform.observability.Metrics;
import dev.mark.platform.observability.MetricsServer;
import dev.mark.platform.ratelimit.BucketStore;
import dev.mark.platform.ratelimit.BucketStores;
import dev.mark.platform.ratelimit.CallGuard;
import dev.mark.platform.ratelimit.RateLimiter;
import dev.mark.platform.security.Authenticators;
import dev.mark.platform.security.OriginPolicy;
import dev.mark.sessions.AuthHandler;
import dev.mark.sessions.BearerAuthenticator;
import dev.mark.sessions.CookieSessionAuthenticator;
import dev.mark.sessions.SessionService;
import dev.mark.sessions.SignupService;
import dev.mark.usage.UsageHandler;
import dev.mark.usage.UsageMeter;
import dev.mark.usage.UsageService;
import ch.qos.logback.classic.LoggerContext;
import io.javalin.Javalin;
import org.eclipse.jetty.server.handler.GracefulHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The composition root: builds every part of the server with plain constructors, binds the
 * contract's operations to their handlers, and owns the lifecycle. Startup is all or nothing:
 * each resource (database, rate-limit store, periodic jobs, the API's and the metrics' servers)
 * is pushed on a {@link CloseStack} as it opens, so that a failed start closes exactly what it
 * opened, in reverse order, and {@link #close()} closes the same stack: it stops taking
 * requests, lets those in flight finish, runs the periodic jobs one last time, then closes the
 * rate-limit store and the database.
 */
public final class App implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(App.class);
  /** How often what is counted in memory (usage, keys' last use) is written to the database. */
  static final Duration FLUSH_INTERVAL = Duration.ofSeconds(30);
  /** The exit status of a process that could not start. */
  static final int CANNOT_START = 2;

  private final CloseStack opened;
  private final Database database;
  private final AccountService accounts;
  private final SessionService sessions;
  private final Javalin javalin;
  private final InFlightRequests inFlight;
  private final Optional<AccountService.CreatedAccount> developmentAccount;
  private final Periodic flusher;
  private final Optional<MetricsServer> metricsServer;

  private App(CloseStack opened, Database database, AccountService accounts,
      SessionService sessions, Javalin javalin, InFlightRequests inFlight,
      Optional<AccountService.CreatedAccount> developmentAccount, Periodic flusher,
      Optional<MetricsServer> metricsServer) {
    this.opened = opened;
    this.database = database;
    this.accounts = accounts;
    this.sessions = sessions;
    this.javalin = javalin;
    this.inFlight = inFlight;
    this.developmentAccount = developmentAccount;
    this.flusher = flusher;
    this.metricsServer = metricsServer;
  }

  /**
   * Starts the database and the HTTP server.
   *
   * @throws ConfigException when a setting is refused at startup (a bad plans file, a Redis
   *     that cannot be used), naming the variable
   * @throws StartupException when a resource cannot be opened (a port in use, a database that
   *     does not answer), naming it
   */
  public static App start(AppConfig config) {
    return start(config, Clock.systemUTC());
  }

  /**
   * Starts the database and the HTTP server, with {@code clock} as every service's clock (tests
   * pass one they can move forward, to reach expiries without waiting). Whatever was opened
   * before a failure is closed before this throws.
   *
   * @throws ConfigException when a setting is refused at startup, naming the variable
   * @throws StartupException when a resource cannot be opened, naming it
   */
  public static App start(AppConfig config, Clock clock) {
    CloseStack opened = new CloseStack();
    try {
      return start(config, clock, opened);
    } catch (RuntimeException | Error e) {
      opened.close();
      throw e;
    }
  }

  private static App start(AppConfig config, Clock clock, CloseStack opened) {
    ApiContract contract = ApiContract.load();
    JsonMapper mapper = Json.newMapper(
        Math.max(config.limits().maxBodyBytes(), config.limits().maxBulkBodyBytes()));
    PlanCatalog plans = PlanCatalog.load(config.rateLimits().plansFile(), mapper);
    Metrics metrics = opened.open("the metrics registry", Metrics::new);
    Database database = opened.open("the database",
        () -> Database.start(config.database(), config.dataDir(), metrics.registry(),
            Duration.ofMillis(config.limits().queryTimeoutMillis())));
    BucketStore buckets = opened.open("the rate-limit store",
        () -> BucketStores.open(config.rateLimits(), database.dataSource()));
    Transactions transactions = new Transactions(database.dsl(), database.longestWait());
    ApiKeyService keys = new ApiKeyService(transactions, config.rateLimits().keyCacheTtl(), clock);
    KeyManagementService keyManagement = new KeyManagementService(transactions, keys, plans, clock);
    AccountService accounts = new AccountService(transactions, keys, plans);
    DatasetService datasets = new DatasetService(transactions, mapper, config.caches(), plans, clock);
    RowsService rows = new RowsService(transactions, mapper, datasets, clock, config.limits().maxIngestRows(),
        contract);
    // as many analytics at once as the node has analytics connections: waits happen in the
    // gate's fair queue, never in the pool's
    AnalyticsRunner analytics = new AnalyticsRunner(new Transactions(database.analyticsDsl()),
        new AnalyticsGate(plans::maxConcurrentQueries, config.database().analyticsPoolSize(),
            AnalyticsGate.DEFAULT_WAIT),
        config.limits().queryTimeoutMillis(), config.limits().analyticsParallelWorkers());
    QueryService queries = new QueryService(analytics, datasets);
    ExplainService explains = new ExplainService(analytics, datasets);
    MarketplaceService marketplace = new MarketplaceService(transactions, accounts);
    SessionService sessions = new SessionService(transactions, buckets, config.auth(), clock);
    SignupService signups = new SignupService(transactions, accounts, sessions, Mailers.of(config.mail(), clock), clock);
    // not on the embedded database: it lives on a developer's machine, where a warning at every
    // start would only teach people to ignore it
    if (config.auth().signingKeySecret().isEmpty() && !database.isEmbedded()) {
      log.warn("MARK_SIGNING_KEY_SECRET is not set: signing keys are stored unencrypted, and"
          + " anyone with a copy of the database can make access tokens for any user");
    }
    OriginPolicy origins = new OriginPolicy(config.auth().corsOrigins());
    Authenticators authenticators = new Authenticators(List.of(
        new ApiKeyAuthenticator(keys,
            new AuthFailureThrottle(buckets, config.rateLimits().authFailuresPerAddress())),
        new MarketplaceAuthenticator(config.marketplace().proxySecret(), marketplace, plans),
        new BearerAuthenticator(sessions),
        new CookieSessionAuthenticator(sessions, origins)));
    Idempotency idempotency = new Idempotency(transactions, clock);
    SchemaValidator validator = new SchemaValidator(contract);
    RateLimiter limiter = new RateLimiter(buckets, clock);
    UsageMeter meter = new UsageMeter(clock);
    UsageService usage = new UsageService(transactions, meter, limiter, plans, clock);
    CallGuard guard = new CallGuard(limiter, plans, meter);
    InFlightRequests inFlight = new InFlightRequests();
    SecurityHeaders securityHeaders = new SecurityHeaders(config.hstsMaxAgeSeconds());
    HttpPipeline pipeline = new HttpPipeline(contract, mapper, inFlight, metrics, securityHeaders);
    ProblemErrorHandler jettyErrors = new ProblemErrorHandler(mapper, securityHeaders);

    Javalin javalin = Javalin.create(javalinConfig -> {
      javalinConfig.startup.showJavalinBanner = false;
      javalinConfig.concurrency.useVirtualThreads = true;
      javalinConfig.http.maxRequestSize = config.limits().maxBulkBodyBytes();
      javalinConfig.jetty.port = config.port();
      // on stop, Jetty closes its connectors, then waits for responses still being written
      javalinConfig.jetty.modifyServer(server -> {
        server.insertHandler(new GracefulHandler());
        server.setStopTimeout(config.shutdownGraceMillis());
        server.setErrorHandler(jettyErrors);
      });
      javalinConfig.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
      pipeline.install(javalinConfig);
      Cors.install(javalinConfig, origins);
      DocsRoutes.install(javalinConfig, contract);

      OperationBinder binder = new OperationBinder(javalinConfig.routes, contract, validator,
          authenticators, idempotency, guard, mapper,
          new BodyLimits(config.limits().maxBodyBytes(), config.limits().maxBulkBodyBytes()));
      ApiRoutes.bindAll(binder,
          new AnalyticsHandler(queries, explains, datasets, mapper),
          new ApiKeysHandler(keyManagement),
          new AuthHandler(sessions, signups, origins, clock),
          new DatasetsHandler(datasets),
          new HealthHandler(database, buckets),
          new PlansHandler(plans),
          new RowsHandler(rows),
          new UsageHandler(usage));
    });

    Optional<AccountService.CreatedAccount> developmentAccount = database.isEmbedded()
        ? accounts.createDevelopmentAccountIfEmpty()
        : Optional.empty();
    // opened before the API so that they close after it: the last flush sees the last calls
    Periodic flusher = opened.open("the periodic flush",
        () -> new Periodic("flush", FLUSH_INTERVAL, () -> {
          usage.flush();
          keys.flushLastUsed();
        }, metrics));
    opened.open("the periodic idempotency purge",
        () -> new Periodic("idempotency-purge", Duration.ofMinutes(10), idempotency::purgeExpired, metrics));
    opened.open("the periodic purge of expired signups",
        () -> new Periodic("signup-purge", Duration.ofHours(1), signups::purgeExpired, metrics));
    opened.open("the periodic rate-limit eviction",
        () -> new Periodic("rate-limit-evict", Duration.ofMinutes(1), buckets::evictIdle, metrics));
    // Jetty's threads may run even when its port is taken: stopping it is pushed first
    opened.pushThenOpen("the API on PORT " + config.port(),
        () -> stopTakingRequests(javalin, inFlight, config.shutdownGraceMillis()),
        javalin::start);
    Optional<MetricsServer> metricsServer = config.metricsPort().isPresent()
        ? Optional.of(opened.open(
            "the metrics server on MARK_METRICS_PORT " + config.metricsPort().getAsInt(),
            () -> MetricsServer.start(metrics, config.metricsHost(), config.metricsPort().getAsInt())))
        : Optional.empty();
    return new App(opened, database, accounts, sessions, javalin, inFlight, developmentAccount,
        flusher, metricsServer);
  }

  /**
   * Turns new requests away and waits for those in flight, at most {@code graceMillis}, then
   * stops Jetty.
   */
  private static void stopTakingRequests(Javalin javalin, InFlightRequests inFlight, long graceMillis) {
    try {
      if (!inFlight.drain(graceMillis)) {
        log.warn("Requests still in flight after {} ms; stopping anyway", graceMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    javalin.stop();
  }

  /** The port the server listens on (useful with port 0). */
  public int port() {
    return javalin.port();
  }

  /** The port of {@code GET /metrics}, when {@code MARK_METRICS_PORT} is set. */
  public OptionalInt metricsPort() {
    return metricsServer.map(server -> OptionalInt.of(server.port())).orElse(OptionalInt.empty());
  }

  /** The development account created at this start, if the embedded database was new. */
  public Optional<AccountService.CreatedAccount> developmentAccount() {
    return developmentAccount;
  }

  /** The routes Javalin serves, as "METHOD path", for checking them against the contract. */
  public List<String> servedRoutes() {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(e -> e.endpoint.method.isHttpMethod())
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
        .toList();
  }

  /** The account service, for tests that need a second account. */
  AccountService accounts() {
    return accounts;
  }

  /** The session service, for tests of signing-key rotation. */
  SessionService sessions() {
    return sessions;
  }

  /** The requests being served, for tests of shutdown. */
  InFlightRequests inFlightRequests() {
    return inFlight;
  }

  /** Writes now what is buffered in memory, for tests that check it. */
  void flushBuffers() {
    flusher.runNow();
  }

  /** The database, for tests that check what was (not) written. */
  Database database() {
    return database;
  }

  /** Closes everything the start opened, the last first (see the class comment). */
  @Override
  public void close() {
    opened.close();
  }

  /**
   * Starts the server from the environment, or prints one line, {@code Mark cannot start: …},
   * naming the cause, and exits with {@value #CANNOT_START}, having closed whatever it opened.
   */
  public static void main(String[] args) {
    AppConfig config;
    App app;
    try {
      config = AppConfig.fromEnvironment(System.getenv());
      app = start(config);
    } catch (ConfigException | StartupException e) {
      cannotStart(e.getMessage());
      return;
    } catch (RuntimeException e) {
      // not foreseen: its class says more than its message alone
      log.debug("Startup failed", e);
      cannotStart(e.toString());
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      flushLogs();
    }, "mark-shutdown"));
    String base = "http://localhost:" + app.port();
    app.developmentAccount().ifPresent(account -> System.out.println(
        "Development API key (shown once; delete " + config.dataDir() + " to start over): "
            + account.apiKey()));
    System.out.println("Mark API listening on " + base + " (reference: " + base + "/docs)");
  }

  private static void cannotStart(String reason) {
    flushLogs();
    System.err.println("Mark cannot start: " + reason.strip().replaceAll("\\s*\\R\\s*", " "));
    System.exit(CANNOT_START);
  }

  /**
   * Writes the log lines still queued: the console appender is asynchronous, and its queue is
   * lost when the JVM exits.
   */
  private static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
