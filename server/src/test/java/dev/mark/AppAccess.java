package dev.mark;

import javax.sql.DataSource;

/** Reaches the server's database for benchmarks that compare the API with raw SQL. */
public final class BenchAccess {

  private BenchAccess() {}

  public static DataSource dataSource(App app) {
    return app.database().dataSource();
  }
}
