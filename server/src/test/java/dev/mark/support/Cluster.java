package dev.mark.support;

import dev.mark.accounts.AccountService;
import dev.mark.keys.ApiKeyService;
import dev.mark.plans.PlanCatalog;
import dev.mark.platform.config.DatabaseConfig;
import dev.mark.platform.db.Database;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several server processes sharing one embedded PostgreSQL, for the tests of what must hold
 * across nodes. The test's own connection migrates the database before any node starts, and
 * makes accounts and keys directly.
 */
public final class Cluster implements AutoCloseable {

  private final Path dir;
  private final EmbeddedPostgres postgres;
  private final Database database;
  private final AccountService accounts;
  private final ApiKeyService keys;
  private final Transactions transactions;
  private final List<ServerProcess> nodes = new ArrayList<>();

  private Cluster(Path dir, EmbeddedPostgres postgres, Database database) {
    this.dir = dir;
    this.postgres = postgres;
    this.database = database;
    this.transactions = new Transactions(database.dsl());
    this.keys = new ApiKeyService(transactions, Duration.ZERO, Clock.systemUTC());
    this.accounts = new AccountService(transactions, keys,
        PlanCatalog.load(Optional.of(RunningServer.testPlans()), Json.newMapper()));
  }

  /**
   * Starts {@code size} nodes with {@code env} added to their settings (the shared database and
   * the test plans), and waits until each is ready.
   */
  public static Cluster start(int size, Map<String, String> env) throws IOException, InterruptedException {
    Path dir = TempDirs.create("mark-cluster");
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("postgres"))
        .setCleanDataDirectory(true)
        .start();
    Cluster cluster = null;
    try {
      String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
      cluster = new Cluster(dir, postgres, Database.start(new DatabaseConfig(
          Optional.of(new DatabaseConfig.External(jdbcUrl, "postgres", ""))), dir,
          new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
      Map<String, String> nodeEnv = new HashMap<>(Map.of(
          "DATABASE_URL", jdbcUrl,
          "MARK_DB_USER", "postgres",
          "MARK_DB_PASSWORD", "",
          "MARK_PLANS_FILE", RunningServer.testPlans().toString(),
          "MARK_MAIL_OUTBOX", outbox(dir).toString()));
      nodeEnv.putAll(env);
      // one after another: JVMs starting at once on a busy shared machine have seen their first
      // database connection time out (the driver's 2 s login timeout)
      for (int i = 0; i < size; i++) {
        ServerProcess node = ServerProcess.start(dir.resolve("node" + i), nodeEnv);
        cluster.nodes.add(node);
        node.awaitReady();
      }
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      if (cluster != null) {
        cluster.close();
      } else {
        postgres.close();
        TempDirs.delete(dir);
      }
      throw e;
    }
  }

  /** The messages every node sent: they share one outbox. */
  public Mailbox mailbox() {
    return new Mailbox(outbox(dir));
  }

  private static Path outbox(Path clusterDir) {
    return clusterDir.resolve("outbox");
  }

  /** The base URL of node {@code index}. */
  public String baseUrl(int index) {
    return nodes.get(index).baseUrl();
  }

  /** A client of node {@code index} calling with {@code apiKey}. */
  public TestClient client(int index, String apiKey) {
    return anonymousClient(index).withHeader("X-API-Key", apiKey);
  }

  /** A client of node {@code index} that sends no credentials. */
  public TestClient anonymousClient(int index) {
    return new TestClient(baseUrl(index), Map.of());
  }

  public int size() {
    return nodes.size();
  }

  /** Makes accounts and keys in the shared database. */
  public AccountService accounts() {
    return accounts;
  }

  /** The test's own connection to the shared database, to see what the nodes do there. */
  public org.jooq.DSLContext sql() {
    return database.dsl();
  }

  /** Another key, with every scope, for an existing account in {@code environment}. */
  public String issueKey(String accountId, String environment) {
    return transactions.inTransaction(tx -> keys.issue(tx, accountId, environment, "Extra"));
  }

  @Override
  public void close() {
    nodes.forEach(ServerProcess::close);
    database.close();
    try {
      postgres.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    TempDirs.delete(dir);
  }
}
