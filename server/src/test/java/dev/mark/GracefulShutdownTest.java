package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.config.AppConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

  private static final String FIRST_PART = "{\"name\": \"Slow\", ";
  private static final String REST = "\"columns\": [{\"name\": \"x\", \"type\": \"integer\"}]}";

  @Test
  void aRequestInFlightFinishesWhileNewOnesAreTurnedAwayAndThenTheServerStops() throws Exception {
    Path dataDir = Files.createTempDirectory("mark-shutdown");
    App app = App.start(AppConfig.defaults().withPort(0).withDataDir(dataDir));
    try (Socket slow = new Socket("localhost", app.port())) {
      String base = "http://localhost:" + app.port();
      String key = app.developmentAccount().orElseThrow().apiKey();
      HttpClient http = HttpClient.newHttpClient();

      // a create whose body arrives slowly, written on a raw socket so that the first part is
      // surely on the wire (Java's HttpClient may hold a streamed body's first chunk back, and
      // Jetty dispatches a request once some of its content has arrived)
      OutputStream upload = slow.getOutputStream();
      write(upload, "POST /v1/datasets HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + key
          + "\r\nContent-Type: application/json\r\nContent-Length: "
          + (FIRST_PART.length() + REST.length()) + "\r\n\r\n" + FIRST_PART);
      waitUntilInFlight(http, base);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
      Thread.sleep(300);
      assertThat(closing).as("shutdown waits for the request in flight").isNotDone();
      HttpResponse<String> turnedAway = http.send(
          HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(turnedAway.statusCode()).isEqualTo(503);

      write(upload, REST);
      assertThat(statusLine(slow.getInputStream())).isEqualTo("HTTP/1.1 201 Created");
      closing.get(30, TimeUnit.SECONDS);
    } finally {
      RunningServer.deleteRecursively(dataDir);
    }
  }

  private static void write(OutputStream upload, String text) throws IOException {
    upload.write(text.getBytes(StandardCharsets.UTF_8));
    upload.flush();
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString();
  }

  /** Gives the slow request time to reach the server, checked by a request that still passes. */
  private static void waitUntilInFlight(HttpClient http, String base) throws Exception {
    Thread.sleep(500);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
  }
}
