package dev.mark.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.ApiException;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.ratelimit.Charges;
import dev.mark.platform.security.Principal;
import dev.mark.support.OwnDatabase;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics runner on a real PostgreSQL: two runners with gates of their own stand for two
 * nodes sharing the database. An account's plan cap holds across them (its places are advisory
 * locks of the analytics transaction), and the transaction's settings are those configured.
 */
class AnalyticsRunnerTest {

  private static final QueryPrice PRICE = new QueryPrice(5, 0, 0, 0);

  private static OwnDatabase database;
  private static Transactions transactions;

  @BeforeAll
  static void start() throws Exception {
    database = OwnDatabase.start();
    transactions = new Transactions(database.sql());
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  private static AnalyticsRunner node(int accountCap, int parallelWorkers) {
    return new AnalyticsRunner(transactions,
        new AnalyticsGate(plan -> accountCap, 4, Duration.ofSeconds(30)), 60_000, parallelWorkers);
  }

  private static Principal caller(String accountId) {
    return new Principal(accountId, "key_" + accountId, "test", "analyst", Set.of("read"), null);
  }

  @Test
  void anAccountsQueriesOverTwoNodesNeverExceedItsPlanCap() throws Exception {
    AnalyticsRunner first = node(1, 0);
    AnalyticsRunner second = node(1, 0);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    try {
      Future<String> held = calls.submit(() -> first.run(caller("acc_one"), Charges.NONE, PRICE, tx -> {
        running.countDown();
        await(finish);
        return "done";
      }));
      running.await();

      assertThatThrownBy(() -> second.run(caller("acc_one"), Charges.NONE, PRICE, tx -> "ran"))
          .as("the account's one place is taken on the other node")
          .isInstanceOfSatisfying(ApiException.class,
              e -> assertThat(e.code()).isEqualTo(ProblemCode.TOO_MANY_CONCURRENT_QUERIES));
      assertThat(ran(second, "acc_other")).as("another account's places are its own").isEqualTo("ran");

      finish.countDown();
      assertThat(held.get()).isEqualTo("done");
      assertThat(ran(second, "acc_one")).as("the place is free once the transaction has ended")
          .isEqualTo("ran");
    } finally {
      finish.countDown();
      calls.shutdownNow();
    }
  }

  @Test
  void aCapOfTwoAdmitsTwoAtOnceOverTwoNodes() throws Exception {
    AnalyticsRunner first = node(2, 0);
    AnalyticsRunner second = node(2, 0);
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    try {
      for (AnalyticsRunner node : java.util.List.of(first, second)) {
        calls.submit(() -> node.run(caller("acc_two"), Charges.NONE, PRICE, tx -> {
          running.countDown();
          await(finish);
          return "done";
        }));
      }
      running.await();

      for (AnalyticsRunner node : java.util.List.of(first, second)) {
        assertThatThrownBy(() -> node.run(caller("acc_two"), Charges.NONE, PRICE, tx -> "ran"))
            .isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.TOO_MANY_CONCURRENT_QUERIES));
      }
    } finally {
      finish.countDown();
      calls.shutdownNow();
    }
  }

  @Test
  void theWorkRunsUnderTheConfiguredTimeoutAndParallelWorkersOnly() {
    String inside = node(4, 3).run(caller("acc_settings"), Charges.NONE, PRICE,
        AnalyticsRunnerTest::settings);

    assertThat(inside).isEqualTo("1min/3");
    String after = transactions.inTransaction(AnalyticsRunnerTest::settings);
    assertThat(after).as("SET LOCAL: a later transaction on the pooled connection has the defaults again")
        .isNotEqualTo("1min/3");
  }

  private static String ran(AnalyticsRunner node, String accountId) {
    return node.run(caller(accountId), Charges.NONE, PRICE, tx -> "ran");
  }

  private static String settings(DSLContext tx) {
    return tx.fetchSingle("select current_setting('statement_timeout') || '/'"
        + " || current_setting('max_parallel_workers_per_gather')").get(0, String.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
