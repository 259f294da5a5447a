package dev.mark.crash;

import static dev.mark.db.Tables.DATASETS;
import static dev.mark.db.Tables.IDEMPOTENCY_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.accounts.AccountService;
import dev.mark.support.HttpResult;
import dev.mark.support.OwnDatabase;
import dev.mark.support.ServerProcess;
import dev.mark.support.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Idempotent requests are exactly-once across a {@code kill -9} of the server, wherever it
 * lands: a server process (the victim) is killed in the middle of a real ingest or dataset
 * creation sent with an Idempotency-Key, and the same request is then retried on another server
 * of the same database. The retry must never be a 409, and the effect must be there exactly
 * once. Kill points: held at chosen points by locks the test takes (before the work, after the
 * work but before its record, just after the commit), and spread over the request's duration.
 * More points with {@code -Dmark.crash.sweep=N}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceAcrossCrashesTest {

  private static final int SWEEP = Integer.getInteger("mark.crash.sweep", 2);
  private static final int ROWS = 100_000;
  private static final String CSV = "ordered_at,region,revenue\n" + IntStream.range(0, ROWS)
      .mapToObj(i -> "2026-01-01T00:00:00Z,region-" + (i % 50) + "," + i + ".25")
      .collect(Collectors.joining("\n")) + "\n";
  private static final String ORDERS = """
      {"name": "Orders", "columns": [{"name": "ordered_at", "type": "timestamp"},
       {"name": "region", "type": "string"}, {"name": "revenue", "type": "number"}]}""";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private OwnDatabase db;
  private ServerProcess survivor;
  private AccountService.CreatedAccount account;
  private final List<String> matrix = new ArrayList<>();
  private int victims;

  @BeforeAll
  void start() throws Exception {
    db = OwnDatabase.start();
    account = db.accounts().create("Crash", "test");
    survivor = ServerProcess.start(db.dir().resolve("survivor"), db.serverSettings()).awaitReady();
  }

  @AfterAll
  void stop() {
    System.out.println("kill -9 matrix (" + matrix.size() + " kill points):\n  "
        + String.join("\n  ", matrix));
    if (survivor != null) {
      survivor.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void anIngestKilledAnywhereIsDoneExactlyOnceByItsRetry() throws Exception {
    crashIngest("held before its rows are copied", (datasetId) -> holding(
        "select 1 from datasets where id = '" + datasetId + "' for update"));
    crashIngest("held after its rows are copied, before its record", datasetId ->
        holdingRecords());
    crashIngest("just after its commit", datasetId -> null);
    // a killed server's request takes longer than one on a warm server: spread up to twice that
    long millis = timeOneIngest();
    for (int i = 1; i <= SWEEP; i++) {
      long at = 2 * millis * i / SWEEP;
      crashIngestAfter(at, "at " + at + " ms (a warm ingest takes " + millis + " ms)");
    }
  }

  @Test
  void aDatasetCreationKilledAnywhereIsDoneExactlyOnceByItsRetry() throws Exception {
    crashCreate("held before its insert", () -> holding("lock table datasets in share mode"));
    crashCreate("held after its table is made, before its record", this::holdingRecords);
    crashCreate("just after its commit", () -> null);
    long millis = timeOneCreation();
    for (int i = 1; i <= SWEEP; i++) {
      long at = 3 * millis * i / SWEEP;
      crashCreateAfter(at, "at " + at + " ms (a warm creation takes " + millis + " ms)");
    }
  }

  // ----- ingest

  private void crashIngest(String point, Function<String, Blocker> blockerFor) throws Exception {
    String datasetId = newDataset();
    String key = UUID.randomUUID().toString();
    ServerProcess victim = newVictim();
    try (Blocker blocker = blockerFor.apply(datasetId)) {
      CompletableFuture<HttpResponse<String>> first = send(ingest(victim, datasetId, key));
      if (blocker != null) {
        awaitLockWait();
      } else {
        awaitRecord(key);
      }
      kill(victim);
      record("ingest, " + point, first);
    }
    retryIngest(datasetId, key);
  }

  private void crashIngestAfter(long millis, String point) throws Exception {
    String datasetId = newDataset();
    String key = UUID.randomUUID().toString();
    ServerProcess victim = newVictim();
    CompletableFuture<HttpResponse<String>> first = send(ingest(victim, datasetId, key));
    Thread.sleep(millis);
    kill(victim);
    record("ingest, " + point, first);
    retryIngest(datasetId, key);
  }

  private void retryIngest(String datasetId, String key) {
    HttpResult retry = client(survivor, key).send("POST", "/v1/datasets/" + datasetId + "/rows",
        "text/csv", CSV);
    noteRetry(retry);
    assertThat(retry.status()).as(retry.body()).isEqualTo(200);
    assertThat(rowsIn(datasetId)).isEqualTo(ROWS);
    assertThat(db.sql().select(DATASETS.ROW_COUNT).from(DATASETS).where(DATASETS.ID.eq(datasetId))
        .fetchSingle().value1()).isEqualTo((long) ROWS);
  }

  private long timeOneIngest() {
    String datasetId = newDataset();
    long start = System.nanoTime();
    assertThat(client(survivor, UUID.randomUUID().toString())
        .send("POST", "/v1/datasets/" + datasetId + "/rows", "text/csv", CSV).status()).isEqualTo(200);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private HttpRequest ingest(ServerProcess victim, String datasetId, String key) {
    return HttpRequest.newBuilder(URI.create(victim.baseUrl() + "/v1/datasets/" + datasetId + "/rows"))
        .header("X-API-Key", account.apiKey())
        .header("Idempotency-Key", key)
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(CSV))
        .build();
  }

  // ----- dataset creation

  private void crashCreate(String point, java.util.function.Supplier<Blocker> blockerFor) throws Exception {
    String name = "Orders " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    ServerProcess victim = newVictim();
    try (Blocker blocker = blockerFor.get()) {
      CompletableFuture<HttpResponse<String>> first = send(create(victim, name, key));
      if (blocker != null) {
        awaitLockWait();
      } else {
        awaitRecord(key);
      }
      kill(victim);
      record("create, " + point, first);
    }
    retryCreate(name, key);
  }

  private void crashCreateAfter(long millis, String point) throws Exception {
    String name = "Orders " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    ServerProcess victim = newVictim();
    CompletableFuture<HttpResponse<String>> first = send(create(victim, name, key));
    Thread.sleep(millis);
    kill(victim);
    record("create, " + point, first);
    retryCreate(name, key);
  }

  private void retryCreate(String name, String key) {
    HttpResult retry = client(survivor, key).postJson("/v1/datasets", withName(name));
    noteRetry(retry);
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(db.sql().fetchCount(DATASETS, DATASETS.NAME.eq(name))).isEqualTo(1);
    assertThat(retry.json().get("id").asString()).isEqualTo(
        db.sql().select(DATASETS.ID).from(DATASETS).where(DATASETS.NAME.eq(name)).fetchSingle().value1());
  }

  private long timeOneCreation() {
    long start = System.nanoTime();
    newDataset();
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private HttpRequest create(ServerProcess victim, String name, String key) {
    return HttpRequest.newBuilder(URI.create(victim.baseUrl() + "/v1/datasets"))
        .header("X-API-Key", account.apiKey())
        .header("Idempotency-Key", key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(withName(name)))
        .build();
  }

  private static String withName(String name) {
    return ORDERS.replace("\"Orders\"", "\"" + name + "\"");
  }

  // ----- the processes

  private ServerProcess newVictim() throws Exception {
    ServerProcess victim = ServerProcess.start(db.dir().resolve("victim" + victims++),
        db.serverSettings());
    try {
      return victim.awaitReady();
    } catch (AssertionError | Exception e) {
      victim.close();
      throw e;
    }
  }

  private static void kill(ServerProcess victim) throws InterruptedException {
    victim.process().destroyForcibly(); // SIGKILL
    victim.process().waitFor();
  }

  private static CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Notes how the killed request ended: answered before the kill, or cut off. */
  private void record(String point, CompletableFuture<HttpResponse<String>> first) {
    String outcome;
    try {
      outcome = "first answered " + first.get(30, TimeUnit.SECONDS).statusCode();
    } catch (Exception e) {
      outcome = "first cut off";
    }
    matrix.add(point + ": " + outcome);
  }

  private void noteRetry(HttpResult retry) {
    String how = retry.status() >= 300 ? ""
        : retry.header("Idempotent-Replayed").isPresent() ? " (replayed)" : " (ran)";
    matrix.set(matrix.size() - 1, matrix.getLast() + " -> retry " + retry.status() + how);
  }

  private String newDataset() {
    HttpResult created = client(survivor, null).postJson("/v1/datasets", ORDERS);
    assertThat(created.status()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private TestClient client(ServerProcess server, String idempotencyKey) {
    return new TestClient(server.baseUrl(), Map.of("X-API-Key", account.apiKey()))
        .withHeader("Idempotency-Key", idempotencyKey);
  }

  private long rowsIn(String datasetId) {
    return db.sql().fetchCount(DSL.table(DSL.name("dataset_rows", datasetId.toLowerCase())));
  }

  // ----- holding a request at a chosen point

  /** A transaction of the test that holds a lock until closed (rolled back). */
  private record Blocker(Connection connection) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      connection.rollback();
      connection.close();
    }
  }

  private Blocker holding(String sql) {
    try {
      Connection connection = db.dataSource().getConnection();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
      return new Blocker(connection);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Holds requests once their work is done, as they write their record: its insert is the only
   * write to the table, and the reads before it do not wait for a share lock.
   */
  private Blocker holdingRecords() {
    return holding("lock table idempotency_keys in share mode");
  }

  private void awaitLockWait() throws InterruptedException {
    while (db.sql().fetchCount(DSL.table("pg_locks"), DSL.field("granted").isFalse()) == 0) {
      Thread.sleep(5);
    }
  }

  private void awaitRecord(String key) throws InterruptedException {
    while (db.sql().fetchCount(IDEMPOTENCY_KEYS, IDEMPOTENCY_KEYS.KEY.eq(key)) == 0) {
      Thread.sleep(1);
    }
  }
}
