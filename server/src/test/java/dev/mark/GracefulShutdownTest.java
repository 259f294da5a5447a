package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.config.AppConfig;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
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

  @Test
  void aRequestInFlightFinishesWhileNewOnesAreTurnedAwayAndThenTheServerStops() throws Exception {
    Path dataDir = Files.createTempDirectory("mark-shutdown");
    App app = App.start(AppConfig.defaults().withPort(0).withDataDir(dataDir));
    try {
      String base = "http://localhost:" + app.port();
      String key = app.developmentAccount().orElseThrow().apiKey();
      HttpClient http = HttpClient.newHttpClient();

      // a create whose body arrives slowly: the request is in flight until the body ends
      PipedOutputStream upload = new PipedOutputStream();
      PipedInputStream body = new PipedInputStream(upload);
      CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
          HttpRequest.newBuilder(URI.create(base + "/v1/datasets"))
              .header("X-API-Key", key)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      write(upload, "{\"name\": \"Slow\", ");
      waitUntilInFlight(http, base);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
      Thread.sleep(300);
      assertThat(closing).as("shutdown waits for the request in flight").isNotDone();
      HttpResponse<String> turnedAway = http.send(
          HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(turnedAway.statusCode()).isEqualTo(503);

      write(upload, "\"columns\": [{\"name\": \"x\", \"type\": \"integer\"}]}");
      upload.close();
      assertThat(slow.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
      closing.get(30, TimeUnit.SECONDS);
    } finally {
      RunningServer.deleteRecursively(dataDir);
    }
  }

  private static void write(PipedOutputStream upload, String text) throws IOException {
    upload.write(text.getBytes(StandardCharsets.UTF_8));
    upload.flush();
  }

  /** Gives the slow request time to reach the server, checked by a request that still passes. */
  private static void waitUntilInFlight(HttpClient http, String base) throws Exception {
    Thread.sleep(500);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
  }
}
