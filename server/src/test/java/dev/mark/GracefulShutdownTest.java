package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.RunningServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

  @Test
  void aRequestInFlightFinishesWhileNewOnesAreTurnedAwayAndThenTheServerStops() throws Exception {
    try (RunningServer server = RunningServer.builder().start();
        Socket socket = new Socket("localhost", server.app().port())) {
      App app = server.app();
      String key = app.developmentAccount().orElseThrow().apiKey();
      String body = "{\"name\": \"Slow\", \"columns\": [{\"name\": \"x\", \"type\": \"integer\"}]}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      int half = bytes.length / 2;

      // a create whose body arrives in two parts: the request is in flight in between
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/datasets HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + key
          + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, 0, half);
      out.flush();
      waitUntilInFlight(app);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      Thread.sleep(300);
      assertThat(closing).as("shutdown waits for the request in flight").isNotDone();
      HttpResponse<String> turnedAway = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(turnedAway.statusCode()).isEqualTo(503);

      out.write(bytes, half, bytes.length - half);
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 201 Created");
      closing.get(30, TimeUnit.SECONDS);
    }
  }

  /** Waits until the slow request is being served (its headers arrived, not all its body). */
  private static void waitUntilInFlight(App app) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (app.inFlightRequests().count() == 0) {
      assertThat(System.nanoTime()).as("the slow request reaches the server").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
