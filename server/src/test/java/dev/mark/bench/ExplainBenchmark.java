package dev.mark.bench;

import dev.mark.App;
import dev.mark.AppAccess;
import dev.mark.platform.config.AppConfig;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Explain speed against its baseline in the same run: rows with 5 dimensions of 10, 10, 10, 10
 * and 5 values (50,000 leaves), explained for a sum and for a ratio over two 30-day periods,
 * against the two plain period aggregates of the same measure (the measure over each period, as
 * a filtered query through the API, and as hand-written SQL over JDBC and, where psql is
 * installed, timed by psql itself). Runs take turns; medians are printed with the ratios.
 *
 * <p>Run with {@code bench/explain.sh [rows]} (default 1,000,000).
 */
public final class ExplainBenchmark {

  private static final int BATCH = 10_000;
  private static final int RUNS = 7;
  private static final int[] CARDINALITIES = {10, 10, 10, 10, 5};
  private static final OffsetDateTime START = OffsetDateTime.parse("2026-09-01T00:00:00Z");
  private static final String BASELINE = "2026-09-01T00:00:00Z";
  private static final String MIDDLE = "2026-10-01T00:00:00Z";
  private static final String END = "2026-10-31T00:00:00Z";

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dataDir = Files.createTempDirectory("mark-bench");
    AppConfig config = AppConfig.fromEnvironment(BenchEnvironment.with(Map.of(
        "PORT", "0", "MARK_DATA_DIR", dataDir.toString(), "MARK_QUERY_TIMEOUT_MS", "600000")));
    try (App app = App.start(config)) {
      TestClient client = new TestClient("http://localhost:" + app.port(),
          Map.of("X-API-Key", app.developmentAccount().orElseThrow().apiKey()));
      String id = client.postJson("/v1/datasets", """
          {"name": "Bench sales", "columns": [{"name": "at", "type": "timestamp"},
            {"name": "d1", "type": "string"}, {"name": "d2", "type": "string"}, {"name": "d3", "type": "string"},
            {"name": "d4", "type": "string"}, {"name": "d5", "type": "string"},
            {"name": "revenue", "type": "number"}, {"name": "visits", "type": "integer"},
            {"name": "orders", "type": "integer"}]}""").json().get("id").asString();
      System.out.printf("ingesting %,d rows…%n", rows);
      ingest(client, id, rows);
      String path = "/v1/datasets/" + id;
      String table = "dataset_rows.\"" + id.toLowerCase() + "\"";
      DataSource database = AppAccess.dataSource(app);
      try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
        s.execute("vacuum analyze " + table);
      }
      Optional<Psql> psql = Psql.find(database);

      Measure sum = new Measure("sum", "{\"agg\": \"sum\", \"column\": \"revenue\"}", "sum(revenue)");
      Measure ratio = new Measure("ratio", """
          {"agg": "ratio", "numerator": {"agg": "sum", "column": "orders"}, "denominator": {"agg": "sum", "column": "visits"}}""",
          "sum(orders)::numeric / nullif(sum(visits), 0)");
      System.out.println();
      System.out.printf("rows: %,d; leaves: %,d per period; periods of 30 days; medians of %d runs%n",
          rows, Arrays.stream(CARDINALITIES).reduce(1, (a, b) -> a * b), RUNS);
      System.out.println("load average before the runs: " + loadAverage());
      for (Measure measure : List.of(sum, ratio)) {
        String explain = """
            {"measure": %s, "time_column": "at", "baseline": {"from": "%s", "to": "%s"},
             "current": {"from": "%s", "to": "%s"}, "dimensions": ["d1", "d2", "d3", "d4", "d5"]}"""
            .formatted(measure.json(), BASELINE, MIDDLE, MIDDLE, END);
        double[] medians = medianMillis(
            () -> post(client, path + "/explain", explain),
            () -> {
              post(client, path + "/query", periodQuery(measure, BASELINE, MIDDLE));
              post(client, path + "/query", periodQuery(measure, MIDDLE, END));
            },
            () -> {
              sql(database, periodSql(measure, table, BASELINE, MIDDLE));
              sql(database, periodSql(measure, table, MIDDLE, END));
            });
        System.out.printf("%-5s explain (API)                       %8.1f ms%n", measure.name(), medians[0]);
        System.out.printf("%-5s two period queries (API)            %8.1f ms   explain ratio %.2f%n",
            measure.name(), medians[1], medians[0] / medians[1]);
        System.out.printf("%-5s two period aggregates (SQL, JDBC)   %8.1f ms   explain ratio %.2f%n",
            measure.name(), medians[2], medians[0] / medians[2]);
        if (psql.isPresent()) {
          double psqlMillis = psql.get().medianMillis(List.of(periodSql(measure, table, BASELINE, MIDDLE),
              periodSql(measure, table, MIDDLE, END)), RUNS);
          System.out.printf("%-5s two period aggregates (psql \\timing) %8.1f ms   explain ratio %.2f%n",
              measure.name(), psqlMillis, medians[0] / psqlMillis);
        }
      }
      System.out.println("load average after the runs:  " + loadAverage());
    } finally {
      try (var paths = Files.walk(dataDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * The machine's load (1, 5 and 15 minutes) from /proc/loadavg: the ratios are taken in one run,
   * but the absolute figures mean little on a busy machine without it.
   */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return String.join(" ", Arrays.copyOf(fields, 3));
    } catch (IOException e) {
      return "unknown (no /proc/loadavg)";
    }
  }

  /** A measure as the API takes it and as hand-written SQL computes it. */
  private record Measure(String name, String json, String sql) {}

  private static String periodQuery(Measure measure, String from, String to) {
    return """
        {"measures": [%s], "filters": [{"column": "at", "op": "gte", "value": "%s"},
          {"column": "at", "op": "lt", "value": "%s"}]}""".formatted(measure.json(), from, to);
  }

  private static String periodSql(Measure measure, String table, String from, String to) {
    return "select " + measure.sql() + " from " + table + " where at >= '" + from + "' and at < '" + to + "'";
  }

  /** 60 days of rows; revenue, visits and orders vary by leaf so that the explain has work to do. */
  private static void ingest(TestClient client, String id, int rows) {
    Random random = new Random(2026);
    long span = 60L * 86_400;
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      if (csv.isEmpty()) {
        csv.append("at,d1,d2,d3,d4,d5,revenue,visits,orders\n");
      }
      csv.append(START.plusSeconds(random.nextLong(span)));
      for (int cardinality : CARDINALITIES) {
        csv.append(",v").append(random.nextInt(cardinality));
      }
      int visits = 1 + random.nextInt(20);
      csv.append(',').append(String.format(Locale.ROOT, "%.2f", random.nextDouble() * 500))
          .append(',').append(visits).append(',').append(random.nextInt(visits + 1)).append('\n');
      if ((i + 1) % BATCH == 0 || i == rows - 1) {
        HttpResult result = client.send("POST", "/v1/datasets/" + id + "/rows", "text/csv", csv.toString());
        if (result.status() != 200) {
          throw new IllegalStateException(result.body());
        }
        csv.setLength(0);
      }
    }
  }

  private static void post(TestClient client, String path, String body) {
    HttpResult result = client.postJson(path, body);
    if (result.status() != 200) {
      throw new IllegalStateException(result.body());
    }
  }

  private static void sql(DataSource database, String sql) {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        result.getObject(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The median milliseconds of each of {@code runs}, which take turns after one warm-up round. */
  private static double[] medianMillis(Runnable... runs) {
    return TakingTurns.medianMillis(1, RUNS, runs);
  }

  /** psql on the same database, with {@code \timing}: the server's own time for each statement. */
  private record Psql(Path binary, String host, String port, String database, String user) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");
    private static final Pattern TIME = Pattern.compile("Time: ([0-9.]+) ms");

    static Optional<Psql> find(DataSource source) throws Exception {
      Optional<Path> binary = Optional.ofNullable(System.getenv("PSQL")).map(Path::of)
          .or(() -> Optional.of(Path.of("/usr/bin/psql")))
          .filter(Files::isExecutable)
          .or(ExplainBenchmark.Psql::underPostgresql);
      if (binary.isEmpty()) {
        System.out.println("psql not found (set PSQL=…): the psql baseline is skipped");
        return Optional.empty();
      }
      try (Connection c = source.getConnection()) {
        Matcher url = URL.matcher(c.getMetaData().getURL());
        if (!url.matches()) {
          return Optional.empty();
        }
        return Optional.of(new Psql(binary.get(), url.group(1), url.group(2), url.group(3), c.getMetaData().getUserName()));
      }
    }

    private static Optional<Path> underPostgresql() {
      try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
        return versions.map(v -> v.resolve("bin/psql")).filter(Files::isExecutable).max(Path::compareTo);
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    /** The median over {@code runs} of the summed times of {@code statements}, as psql's \timing reports them. */
    double medianMillis(List<String> statements, int runs) throws Exception {
      StringBuilder script = new StringBuilder("\\timing on\n");
      for (int i = 0; i < runs + 1; i++) {
        statements.forEach(s -> script.append(s).append(";\n"));
      }
      Process process = new ProcessBuilder(binary.toString(), "-X", "-q", "-h", host, "-p", port, "-U", user, "-d", database)
          .redirectErrorStream(true)
          .start();
      process.getOutputStream().write(script.toString().getBytes());
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes());
      process.waitFor(5, TimeUnit.MINUTES);
      List<Double> times = new ArrayList<>();
      Matcher time = TIME.matcher(output);
      while (time.find()) {
        times.add(Double.parseDouble(time.group(1)));
      }
      if (times.size() != (runs + 1) * statements.size()) {
        System.out.println("psql did not time every statement: " + output.lines().limit(5).toList());
        return Double.NaN;
      }
      double[] perRun = new double[runs];
      for (int r = 0; r < runs; r++) {
        for (int s = 0; s < statements.size(); s++) {
          perRun[r] += times.get((r + 1) * statements.size() + s);
        }
      }
      Arrays.sort(perRun);
      return perRun[runs / 2];
    }
  }
}
