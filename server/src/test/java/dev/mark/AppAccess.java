package dev.mark;

import dev.mark.accounts.AccountService;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * The parts of a running {@link App} that only tests reach (they are package-private in main
 * code), for the fixtures of {@code dev.mark.support} and for benchmarks that compare the API
 * with raw SQL.
 */
public final class AppAccess {

  private AppAccess() {}

  public static AccountService accounts(App app) {
    return app.accounts();
  }

  public static DSLContext sql(App app) {
    return app.database().dsl();
  }

  public static DataSource dataSource(App app) {
    return app.database().dataSource();
  }
}
