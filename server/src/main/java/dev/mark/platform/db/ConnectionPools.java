package dev.mark.platform.db;

import com.zaxxer.hikari.HikariConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * The settings of the server's two connection pools, sized by
 * {@link dev.mark.platform.config.DatabaseConfig}. Analytics get a pool of their own, so that
 * heavy queries, however many, hold at most its connections and never the ones reads, writes
 * and authentication need (issue 11: 32 heavy queries held all 16 connections of the one pool,
 * and another tenant's reads waited 10 s).
 *
 * <p>Both pools give up on a connection after {@link #CONNECTION_TIMEOUT}: with the database
 * down, a call answers {@code 503 unavailable} within that time rather than after HikariCP's
 * default 30 s, and a shutdown is not held up by flushes waiting for a database that is gone.
 *
 * <p>A call already running when the database freezes (SIGSTOP, a hung host) is bounded by the
 * driver's socket timeout: a read that waits longer fails as a lost connection (SQLSTATE 08006),
 * which is answered {@code 503 unavailable}, and the pool replaces the connection. So that a slow
 * but legitimate statement is stopped by PostgreSQL itself (and answered as a timeout) rather
 * than cut off by the socket, every pool also has a statement timeout, and its socket timeout is
 * that plus {@link #SOCKET_MARGIN}. The analytics pool's statement timeout is the query timeout
 * of the plans; the main pool's is {@link #MAIN_STATEMENT_TIMEOUT}, for statements that are all
 * short (lookups, small writes, DDL on a new table) except a COPY, which lifts it for itself,
 * and the lock waits of {@link Transactions#inPatientTransaction}, which raise both timeouts.
 */
final class ConnectionPools {

  static final String MAIN = "mark";
  static final String ANALYTICS = "mark-analytics";
  static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1_500);
  /** How long checking an idle connection may take: a frozen database fails it, and it is replaced. */
  static final Duration VALIDATION_TIMEOUT = Duration.ofMillis(1_000);
  /** How long making a new connection may take, in the background. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The longest any statement of the main pool may run, a lock wait included. */
  static final Duration MAIN_STATEMENT_TIMEOUT = Duration.ofSeconds(4);
  /**
   * How much longer than its statement timeout a read may wait for an answer: the time for
   * PostgreSQL to cancel the statement and say so on a busy machine. A database that has not
   * answered by then is taken as frozen.
   */
  static final Duration SOCKET_MARGIN = Duration.ofSeconds(3);

  private ConnectionPools() {}

  /**
   * The settings of a pool named {@code name}, without its URL and credentials.
   *
   * @param statementTimeout the longest a statement may run on its connections
   */
  static HikariConfig settings(String name, int size, Duration statementTimeout, MeterRegistry meters) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setMetricRegistry(meters);
    hikari.setMaximumPoolSize(size);
    hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    hikari.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
    // a dead peer is noticed by TCP, not only when a query waits for it
    hikari.addDataSourceProperty("tcpKeepAlive", "true");
    // the driver's own connect and login timeouts, in seconds: a database that accepts TCP but
    // does not answer (frozen) must not hold a new connection's creation forever. No call waits
    // for them (a call waits CONNECTION_TIMEOUT for the pool); 2 s failed the first connection,
    // and so the start, of nodes starting together on a busy machine
    hikari.addDataSourceProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
    hikari.addDataSourceProperty("loginTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
    // set at connection start, so it is also the value RESET and SET LOCAL ... TO DEFAULT return to
    hikari.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
    hikari.addDataSourceProperty("socketTimeout", Long.toString(socketTimeoutSeconds(statementTimeout)));
    return hikari;
  }

  /** The driver's socket timeout (whole seconds) for a statement timeout: always longer by the margin. */
  static long socketTimeoutSeconds(Duration statementTimeout) {
    long millis = statementTimeout.plus(SOCKET_MARGIN).toMillis();
    return (millis + 999) / 1_000;
  }
}
