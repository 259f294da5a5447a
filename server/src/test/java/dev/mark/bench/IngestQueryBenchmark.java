package dev.mark.bench;

import dev.mark.App;
import dev.mark.AppAccess;
import dev.mark.fixtures.Order;
import dev.mark.fixtures.OrdersGenerator;
import dev.mark.platform.config.AppConfig;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Ingest and query speed through the API, each as a ratio to its baseline in the same run on
 * the same database: rows/s of JSON and CSV ingest (requests of 10,000 rows) against a raw COPY
 * of the same rows into an equivalent table, and the median latency of a monthly
 * sum-and-count-by-region query with one filter against the same SQL run directly on the
 * dataset's table, the two taking turns run by run.
 *
 * <p>Run with {@code bench/ingest-query.sh [rows]} (default 1,000,000).
 */
public final class IngestQueryBenchmark {

  private static final int BATCH = 10_000;
  private static final int QUERY_RUNS = 11;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dataDir = Files.createTempDirectory("mark-bench");
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        "PORT", "0", "MARK_DATA_DIR", dataDir.toString(), "MARK_QUERY_TIMEOUT_MS", "600000"));
    System.out.printf("generating %,d orders…%n", rows);
    List<Order> orders = new OrdersGenerator(2026).next(rows);
    // bodies are encoded up front: the client's own work is not what is measured
    List<byte[]> jsonBodies = new ArrayList<>();
    List<byte[]> csvBodies = new ArrayList<>();
    for (int from = 0; from < rows; from += BATCH) {
      List<Order> batch = orders.subList(from, Math.min(rows, from + BATCH));
      jsonBodies.add(OrdersGenerator.json(batch).getBytes(StandardCharsets.UTF_8));
      csvBodies.add(OrdersGenerator.csv(batch).getBytes(StandardCharsets.UTF_8));
    }
    try (App app = App.start(config)) {
      DataSource database = AppAccess.dataSource(app);
      TestClient client = new TestClient("http://localhost:" + app.port(),
          Map.of("X-API-Key", app.developmentAccount().orElseThrow().apiKey()));

      // warm up both paths (JIT, caches) on a scratch dataset, as a long-running server would be
      String base = "http://localhost:" + app.port();
      String key = app.developmentAccount().orElseThrow().apiKey();
      String scratch = createDataset(client);
      int warmup = Math.min(10, jsonBodies.size());
      HttpClient warmupClient = HttpClient.newHttpClient();
      for (int batch = 0; batch < warmup; batch++) {
        timed(warmupClient, base, key, scratch, "application/json", jsonBodies.get(batch));
        timed(warmupClient, base, key, scratch, "text/csv", csvBodies.get(batch));
      }
      client.delete("/v1/datasets/" + scratch);

      // the three paths take turns, batch by batch, so that drift in the machine's load and the
      // growth of the tables weigh on each alike
      String jsonDataset = createDataset(client);
      String csvDataset = createDataset(client);
      long[] nanos = new long[3];
      HttpClient http = HttpClient.newHttpClient();
      try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
        createBaselineTable(statement);
        for (int batch = 0; batch < csvBodies.size(); batch++) {
          nanos[0] += timed(connection, csvBodies.get(batch));
          nanos[1] += timed(http, base, key, jsonDataset, "application/json", jsonBodies.get(batch));
          nanos[2] += timed(http, base, key, csvDataset, "text/csv", csvBodies.get(batch));
        }
        statement.execute("drop table public.bench_orders");
      }
      double copyRate = rows / (nanos[0] / 1e9);
      double jsonRate = rows / (nanos[1] / 1e9);
      double csvRate = rows / (nanos[2] / 1e9);

      String query = """
          {"measures": [{"agg": "sum", "column": "revenue"}, {"agg": "count"}],
           "dimensions": ["region"],
           "time_bucket": {"column": "ordered_at", "granularity": "month"},
           "filters": [{"column": "channel", "op": "eq", "value": "web"}]}""";
      String sql = "select date_trunc('month', ordered_at, 'UTC'), region, sum(revenue), count(*) "
          + "from dataset_rows.\"" + csvDataset.toLowerCase() + "\" where channel = 'web' "
          + "group by 1, 2 order by 1, 2";
      // the API and the raw SQL take turns too, run by run, for the same reason
      double[] medians = medianMillis(
          () -> {
            HttpResult result = client.postJson("/v1/datasets/" + csvDataset + "/query", query);
            if (result.status() != 200) {
              throw new IllegalStateException(result.body());
            }
          },
          () -> rawQuery(database, sql));
      double apiMillis = medians[0];
      double sqlMillis = medians[1];

      System.out.println();
      System.out.printf("rows: %,d in requests of %,d%n", rows, BATCH);
      System.out.printf("raw COPY (baseline)       %,12.0f rows/s%n", copyRate);
      System.out.printf("API ingest, JSON          %,12.0f rows/s   ratio to COPY %.2f%n", jsonRate, jsonRate / copyRate);
      System.out.printf("API ingest, CSV           %,12.0f rows/s   ratio to COPY %.2f%n", csvRate, csvRate / copyRate);
      System.out.printf("raw SQL query (baseline)  %,12.1f ms (median of %d)%n", sqlMillis, QUERY_RUNS);
      System.out.printf("API query                 %,12.1f ms (median of %d)   ratio to SQL %.2f%n",
          apiMillis, QUERY_RUNS, apiMillis / sqlMillis);
    } finally {
      try (var paths = Files.walk(dataDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String createDataset(TestClient client) {
    return client.postJson("/v1/datasets", OrdersGenerator.DATASET).json().get("id").asString();
  }

  /** Posts one body to the rows of a dataset; returns the nanoseconds it took. */
  private static long timed(HttpClient http, String base, String key, String datasetId,
      String mediaType, byte[] body) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(base + "/v1/datasets/" + datasetId + "/rows"))
            .header("X-API-Key", key)
            .header("Content-Type", mediaType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    long elapsed = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.body());
    }
    return elapsed;
  }

  /** COPYs one CSV batch into the baseline table (its own transaction); returns the nanoseconds. */
  private static long timed(Connection connection, byte[] csv) throws Exception {
    long start = System.nanoTime();
    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
        "COPY public.bench_orders (ordered_at, ordered_on, region, channel, category, customer_id,"
            + " revenue, quantity, returned) FROM STDIN (FORMAT csv, HEADER true)",
        new ByteArrayInputStream(csv));
    return System.nanoTime() - start;
  }

  /** A table like a dataset's: the same columns, row-id key and BRIN indexes on the time columns. */
  private static void createBaselineTable(Statement statement) throws Exception {
    statement.execute("""
        create table public.bench_orders (
          _row_id bigint generated always as identity primary key,
          ordered_at timestamptz, ordered_on date, region text, channel text, category text,
          customer_id bigint, revenue numeric, quantity bigint, returned boolean)""");
    statement.execute("create index on public.bench_orders using brin (ordered_at)");
    statement.execute("create index on public.bench_orders using brin (ordered_on)");
  }

  private static void rawQuery(DataSource database, String sql) {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        result.getObject(3);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The median milliseconds of each of {@code runs}, which take turns after two warm-up rounds. */
  private static double[] medianMillis(Runnable... runs) {
    return TakingTurns.medianMillis(2, QUERY_RUNS, runs);
  }
}
