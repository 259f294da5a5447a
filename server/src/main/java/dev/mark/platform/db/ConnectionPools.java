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
 */
final class ConnectionPools {

  static final String MAIN = "mark";
  static final String ANALYTICS = "mark-analytics";
  static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1_500);
  /** How long checking an idle connection may take: a frozen database fails it, and it is replaced. */
  static final Duration VALIDATION_TIMEOUT = Duration.ofMillis(1_000);

  private ConnectionPools() {}

  /** The settings of a pool named {@code name}, without its URL and credentials. */
  static HikariConfig settings(String name, int size, MeterRegistry meters) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setMetricRegistry(meters);
    hikari.setMaximumPoolSize(size);
    hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    hikari.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
    // a dead peer is noticed by TCP, not only when a query waits for it
    hikari.addDataSourceProperty("tcpKeepAlive", "true");
    // the driver's own connect and login timeouts, in seconds: a database that accepts TCP but
    // does not answer (frozen) must not hold a new connection's creation forever
    hikari.addDataSourceProperty("connectTimeout", "2");
    hikari.addDataSourceProperty("loginTimeout", "2");
    return hikari;
  }
}
