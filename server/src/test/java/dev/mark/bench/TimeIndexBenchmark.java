package dev.mark.bench;

import dev.mark.App;
import dev.mark.AppAccess;
import dev.mark.fixtures.Order;
import dev.mark.fixtures.OrdersGenerator;
import dev.mark.platform.config.AppConfig;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Should a dataset's time columns be indexed? Measures, on rows that arrive in time order (the
 * usual case for events) and in random order, the CSV ingest rate and the latency of a one-week
 * query, without an index, with BRIN and with B-tree on {@code ordered_at}.
 *
 * <p>Run with {@code bench/time-index.sh [rows]} (default 1,000,000).
 */
public final class TimeIndexBenchmark {

  private static final int BATCH = 10_000;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dataDir = Files.createTempDirectory("mark-bench");
    List<Order> random = new OrdersGenerator(2026).next(rows);
    List<Order> ordered = new ArrayList<>(random);
    ordered.sort(Comparator.comparing(Order::orderedAt));
    String query = """
        {"measures": [{"agg": "sum", "column": "revenue"}, {"agg": "count"}],
         "time_bucket": {"column": "ordered_at", "granularity": "day",
                         "from": "2026-05-04T00:00:00Z", "to": "2026-05-11T00:00:00Z"}}""";
    try (App app = App.start(AppConfig.fromEnvironment(
        Map.of("PORT", "0", "MARK_DATA_DIR", dataDir.toString())))) {
      DataSource database = AppAccess.dataSource(app);
      TestClient client = new TestClient("http://localhost:" + app.port(),
          Map.of("X-API-Key", app.developmentAccount().orElseThrow().apiKey()));
      System.out.printf("%-10s %-8s %14s %16s%n", "arrival", "index", "ingest rows/s", "week query ms");
      for (String order : List.of("in time", "random")) {
        for (String index : List.of("none", "brin", "btree")) {
          String id = client.postJson("/v1/datasets", OrdersGenerator.DATASET).json().get("id").asString();
          if (!index.equals("none")) {
            execute(database, "create index on dataset_rows.\"" + id.toLowerCase() + "\" using "
                + index + " (ordered_at)");
          }
          double rate = ingest(client, id, order.equals("random") ? random : ordered);
          execute(database, "vacuum analyze dataset_rows.\"" + id.toLowerCase() + "\"");
          double millis = medianMillis(client, "/v1/datasets/" + id + "/query", query);
          System.out.printf("%-10s %-8s %,14.0f %16.1f%n", order, index, rate, millis);
          client.delete("/v1/datasets/" + id);
        }
      }
    } finally {
      try (var paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double ingest(TestClient client, String id, List<Order> orders) {
    long start = System.nanoTime();
    for (int from = 0; from < orders.size(); from += BATCH) {
      String csv = OrdersGenerator.csv(orders.subList(from, Math.min(orders.size(), from + BATCH)));
      HttpResult result = client.send("POST", "/v1/datasets/" + id + "/rows", "text/csv", csv);
      if (result.status() != 200) {
        throw new IllegalStateException(result.body());
      }
    }
    return orders.size() / ((System.nanoTime() - start) / 1e9);
  }

  private static double medianMillis(TestClient client, String path, String query) {
    double[] millis = new double[7];
    client.postJson(path, query);
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      HttpResult result = client.postJson(path, query);
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (result.status() != 200) {
        throw new IllegalStateException(result.body());
      }
    }
    Arrays.sort(millis);
    return millis[millis.length / 2];
  }

  private static void execute(DataSource database, String sql) throws Exception {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
