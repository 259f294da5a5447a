package dev.mark.support;

import dev.mark.accounts.AccountService;
import dev.mark.keys.ApiKeyService;
import dev.mark.plans.PlanCatalog;
import dev.mark.platform.config.DatabaseConfig;
import dev.mark.platform.db.Database;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.json.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * An embedded PostgreSQL of the test's own, migrated, for server processes that the test starts,
 * kills and starts again ({@link ServerProcess} with {@link #serverSettings()}): the database
 * outlives them, and the test reads it directly ({@link #sql()}) to see what they committed.
 */
public final class OwnDatabase implements AutoCloseable {

  private final Path dir;
  private final EmbeddedPostgres postgres;
  private final Database database;
  private final String jdbcUrl;

  private OwnDatabase(Path dir, EmbeddedPostgres postgres, Database database, String jdbcUrl) {
    this.dir = dir;
    this.postgres = postgres;
    this.database = database;
    this.jdbcUrl = jdbcUrl;
  }

  public static OwnDatabase start() throws IOException {
    Path dir = TempDirs.create("mark-own-db");
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("postgres"))
        .setCleanDataDirectory(true)
        .start();
    try {
      String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
      Database database = Database.start(new DatabaseConfig(
          Optional.of(new DatabaseConfig.External(jdbcUrl, "postgres", ""))), dir,
          new SimpleMeterRegistry());
      return new OwnDatabase(dir, postgres, database, jdbcUrl);
    } catch (RuntimeException | Error e) {
      postgres.close();
      TempDirs.delete(dir);
      throw e;
    }
  }

  /** The settings of a server on this database, with the test plans. */
  public Map<String, String> serverSettings() {
    return Map.of(
        "DATABASE_URL", jdbcUrl,
        "MARK_DB_USER", "postgres",
        "MARK_DB_PASSWORD", "",
        "MARK_PLANS_FILE", RunningServer.testPlans().toString());
  }

  /** Makes accounts and keys. */
  public AccountService accounts() {
    Transactions transactions = new Transactions(database.dsl());
    return new AccountService(transactions,
        new ApiKeyService(transactions, Duration.ZERO, Clock.systemUTC()),
        PlanCatalog.load(Optional.of(RunningServer.testPlans()), Json.newMapper()));
  }

  public DSLContext sql() {
    return database.dsl();
  }

  /** For a test's own transactions, e.g. one that holds a lock while a server waits for it. */
  public javax.sql.DataSource dataSource() {
    return database.dataSource();
  }

  /** A folder for the test's own files, deleted with the database. */
  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    database.close();
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TempDirs.delete(dir);
  }
}
