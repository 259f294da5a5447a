package dev.mark.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every pool bounds a read of its socket (a frozen database must not hold a call forever), and
 * always longer than its statement timeout, so that a slow but legitimate statement is stopped
 * by PostgreSQL and answered as a timeout, never cut off by the socket and taken for an outage.
 */
class ConnectionPoolsTest {

  @Test
  void theSocketTimeoutAlwaysExceedsTheStatementTimeout() {
    for (Duration statement : List.of(Duration.ofMillis(1), Duration.ofMillis(999), Duration.ofSeconds(4),
        Duration.ofMillis(10_500), Duration.ofMinutes(10))) {
      HikariConfig pool = ConnectionPools.settings("p", 1, statement, new SimpleMeterRegistry());

      long socketMillis = Long.parseLong(pool.getDataSourceProperties().getProperty("socketTimeout")) * 1_000;
      assertThat(pool.getDataSourceProperties().getProperty("options"))
          .isEqualTo("-c statement_timeout=" + statement.toMillis());
      assertThat(socketMillis).as("for a statement timeout of " + statement)
          .isGreaterThanOrEqualTo(statement.plus(ConnectionPools.SOCKET_MARGIN).toMillis());
    }
  }

  @Test
  void theMainPoolsStatementsAreBoundedToo() {
    assertThat(ConnectionPools.socketTimeoutSeconds(ConnectionPools.MAIN_STATEMENT_TIMEOUT))
        .isGreaterThan(ConnectionPools.MAIN_STATEMENT_TIMEOUT.toSeconds());
  }
}
