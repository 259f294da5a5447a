package dev.mark.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters, for operators, in Prometheus' text format: the JVM's and the process's,
 * the connection pool's (HikariCP registers its own on {@link #registry}), a latency histogram of
 * every call by operation and status, and a count of problem responses by code.
 *
 * <p>Label values come only from the contract and the server's own code (operation IDs, status
 * codes, problem codes), never from what a caller sends, so the number of series stays bounded
 * whatever the traffic. The meters of a label set are made once and then looked up in a map, so a
 * call pays one lookup, not the building of tags.
 */
public final class Metrics implements AutoCloseable {

  /** The operation label of a request that matched no operation (unknown routes, the docs). */
  public static final String NO_OPERATION = "none";

  private static final Duration[] LATENCY_BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5),
      Duration.ofSeconds(10)};

  private record CallLabels(String operation, int status) {}

  private record ProblemLabels(String operation, String code) {}

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<CallLabels, Timer> calls = new ConcurrentHashMap<>();
  private final Map<ProblemLabels, Counter> problems = new ConcurrentHashMap<>();
  private final Map<String, Counter> jobFailures = new ConcurrentHashMap<>();

  public Metrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /** Where other parts (the connection pool) register their own meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Counts a finished call and its time, from the first byte read to the last written. */
  public void recordCall(String operation, int status, long nanos) {
    calls.computeIfAbsent(new CallLabels(operation, status), labels -> Timer.builder("mark.http.requests")
            .description("API calls by operation and HTTP status")
            .tag("operation", labels.operation())
            .tag("status", Integer.toString(labels.status()))
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts a problem+json response by its {@code code} (rate_limited, invalid_api_key…). */
  public void recordProblem(String operation, String code) {
    problems.computeIfAbsent(new ProblemLabels(operation, code), labels -> Counter.builder("mark.http.problems")
            .description("Problem responses by operation and problem code")
            .tag("operation", labels.operation())
            .tag("code", labels.code())
            .register(registry))
        .increment();
  }

  /** Counts a failed run of a periodic job ({@code flush}, {@code idempotency-purge}…). */
  public void recordJobFailure(String job) {
    jobFailures.computeIfAbsent(job, name -> Counter.builder("mark.jobs.failures")
            .description("Failed runs of periodic jobs, by job; each job runs again at its next interval")
            .tag("job", name)
            .register(registry))
        .increment();
  }

  /** How many runs of {@code job} have failed so far (0 if none). */
  public double jobFailures(String job) {
    Counter counter = jobFailures.get(job);
    return counter == null ? 0 : counter.count();
  }

  /** Every meter, in the Prometheus text exposition format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
