package dev.mark.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import dev.mark.platform.config.DatabaseConfig;
import dev.mark.platform.lifecycle.CloseStack;
import dev.mark.platform.lifecycle.StartupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database of the server: a connection pool, the schema migrated by Flyway, and
 * a jOOQ {@link DSLContext} on top. With no external database configured, a real PostgreSQL
 * runs embedded with its files in {@code <data dir>/postgres}, kept across restarts.
 *
 * <p>Thread-safe. {@link #close()} closes the pool, then stops the embedded server, if any.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final java.time.Duration ORPHAN_STOP_GRACE = java.time.Duration.ofSeconds(30);
  /** The query timeout of the plans when none is given: {@code MARK_QUERY_TIMEOUT_MS}'s default. */
  private static final java.time.Duration DEFAULT_QUERY_TIMEOUT = java.time.Duration.ofMillis(
      Long.parseLong(dev.mark.platform.config.Variable.MARK_QUERY_TIMEOUT_MS.defaultValue().orElseThrow()));

  private final boolean embedded;
  private final HikariDataSource pool;
  private final CloseStack parts;
  private final DSLContext dsl;
  private final DSLContext analyticsDsl;
  private final ReachabilityProbe probe;
  private final java.time.Duration longestWait;

  private Database(boolean embedded, HikariDataSource pool, HikariDataSource analyticsPool,
      CloseStack parts, java.time.Duration queryTimeout) {
    this.embedded = embedded;
    this.longestWait = queryTimeout.plus(ConnectionPools.SOCKET_MARGIN);
    this.pool = pool;
    this.parts = parts;
    this.dsl = DSL.using(pool, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    this.analyticsDsl = DSL.using(analyticsPool, SQLDialect.POSTGRES,
        new Settings().withExecuteLogging(false));
    this.probe = new ReachabilityProbe(pool, ReachabilityProbe.DEFAULT_WAIT);
  }

  /**
   * Starts (or connects to) the database and brings its schema up to date. What it opened is
   * closed again if a later step fails.
   *
   * @param meters where the connection pool registers its meters (HikariCP's own)
   * @throws StartupException naming the step that failed: the embedded PostgreSQL, the
   *     connection to the database, or the migration
   */
  public static Database start(DatabaseConfig config, Path dataDir, MeterRegistry meters) {
    return start(config, dataDir, meters, DEFAULT_QUERY_TIMEOUT);
  }

  /**
   * As {@link #start(DatabaseConfig, Path, MeterRegistry)}, with the statement timeout of the
   * analytics connections: the query timeout of the plans, which their socket timeout exceeds.
   */
  public static Database start(DatabaseConfig config, Path dataDir, MeterRegistry meters,
      java.time.Duration queryTimeout) {
    CloseStack parts = new CloseStack();
    try {
      HikariConfig hikari = ConnectionPools.settings(ConnectionPools.MAIN, config.poolSize(),
          ConnectionPools.MAIN_STATEMENT_TIMEOUT, meters);
      String target;
      if (config.external().isPresent()) {
        DatabaseConfig.External external = config.external().get();
        hikari.setJdbcUrl(external.jdbcUrl());
        hikari.setUsername(external.user());
        hikari.setPassword(external.password());
        String shown = withoutPassword(external.jdbcUrl());
        target = "the database at " + shown + " (DATABASE_URL)";
        log.info("Using the PostgreSQL at {}", shown);
      } else {
        Path directory = dataDir.resolve("postgres");
        EmbeddedPostgres postgres = parts.open("the embedded PostgreSQL in " + directory,
            () -> startEmbedded(directory));
        hikari.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        hikari.setUsername("postgres");
        target = "the embedded PostgreSQL";
      }
      HikariDataSource pool = parts.open(target, () -> new HikariDataSource(hikari));
      parts.run("the migration of the database schema", () -> migrate(hikari));
      HikariConfig analytics = ConnectionPools.settings(
          ConnectionPools.ANALYTICS, config.analyticsPoolSize(), queryTimeout, meters);
      analytics.setJdbcUrl(hikari.getJdbcUrl());
      analytics.setUsername(hikari.getUsername());
      analytics.setPassword(hikari.getPassword());
      HikariDataSource analyticsPool = parts.open("the analytics connections to " + target,
          () -> new HikariDataSource(analytics));
      return new Database(config.external().isEmpty(), pool, analyticsPool, parts, queryTimeout);
    } catch (RuntimeException | Error e) {
      parts.close();
      throw e;
    }
  }

  /** A JDBC URL may carry a {@code password=} parameter: never shown in logs or messages. */
  private static String withoutPassword(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1…");
  }

  private static EmbeddedPostgres startEmbedded(Path directory) {
    try {
      Files.createDirectories(directory);
      new OrphanedPostmaster(directory, ORPHAN_STOP_GRACE).stopIfRunning();
      log.info("Starting the embedded PostgreSQL in {}", directory.toAbsolutePath());
      return EmbeddedPostgres.builder()
          .setDataDirectory(directory)
          .setCleanDataDirectory(false)
          // zonky turns it off for throwaway test databases; this one keeps data, and a commit
          // that was answered must survive a power cut: idempotency records rely on it
          .setServerConfig("synchronous_commit", "on")
          // stopped by close(), after the app's last writes (usage, last-used times); its own
          // JVM shutdown hook would race them and cut their connections
          .setRegisterShutdownHook(false)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
    }
  }

  /**
   * Migrates on a connection of its own, without the pools' statement and socket timeouts: a
   * migration of a large table may rightly take minutes.
   */
  private static void migrate(HikariConfig pool) {
    Flyway.configure()
        .dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  public DSLContext dsl() {
    return dsl;
  }

  /**
   * The context of analytics queries, on a pool of their own ({@link ConnectionPools}): heavy
   * queries wait for one another there, never for the connections of other calls.
   */
  public DSLContext analyticsDsl() {
    return analyticsDsl;
  }

  public DataSource dataSource() {
    return pool;
  }

  /**
   * Whether the database answers now, found out within about a second even when the database
   * is down or frozen (see {@link ReachabilityProbe}).
   */
  public boolean isReachable() {
    return probe.answers();
  }

  /**
   * The longest a statement of the main pool may rightly wait for a lock that a query holds: the
   * query timeout, plus the time for a stopped query to let go. For {@link Transactions}.
   */
  public java.time.Duration longestWait() {
    return longestWait;
  }

  /** Whether the server runs its own embedded PostgreSQL. */
  public boolean isEmbedded() {
    return embedded;
  }

  /** Closes the pool, then stops the embedded PostgreSQL, if any. */
  @Override
  public void close() {
    parts.close();
  }
}
