package dev.mark.platform.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} on a port of its own ({@code MARK_METRICS_PORT}), for Prometheus to scrape.
 * Not on the API's port: the API is public, and what it says about traffic, memory and the
 * database pool is for the operators' network only; nor in the API contract, which is what
 * developers build on. The JDK's own HTTP server is enough for one scraper a few times a minute.
 */
public final class MetricsServer implements AutoCloseable {

  public static final String PATH = "/metrics";
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Serves {@code metrics} on {@code port} (0 picks a free one) of the address {@code host}:
   * loopback by default ({@code MARK_METRICS_HOST}), since anyone who reaches it reads it.
   */
  public static MetricsServer start(Metrics metrics, String host, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform()
          .name("metrics-http").daemon().factory());
      server.setExecutor(executor);
      server.createContext("/", exchange -> answer(exchange, metrics));
      server.start();
      return new MetricsServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for metrics on " + host + " port " + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The address and port it listens on. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void answer(HttpExchange exchange, Metrics metrics) throws IOException {
    try (exchange) {
      if (!PATH.equals(exchange.getRequestURI().getPath())) {
        send(exchange, 404, "text/plain; charset=utf-8", "Only " + PATH + " is served here.\n");
      } else if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, "text/plain; charset=utf-8", "Use GET.\n");
      } else {
        send(exchange, 200, CONTENT_TYPE, metrics.scrape());
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
