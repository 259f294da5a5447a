package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.core.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport of the live tests lets through what the contract allows and fails on what it
 * does not, before the SDK sees it: a stand-in server on a loopback port answers with canned
 * responses, one that fits the contract and one that does not.
 */
class ContractCheckedHttpClientTest {

  private static final String PROBLEM = """
      {"type": "https://mark.dev/problems/not-found", "title": "Not found", "status": 404,
       "code": "not_found", "request_id": "req_1"}""";

  private HttpServer server;
  private MarkClient mark;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/datasets/ds_missing", exchange -> answer(exchange, 404, "application/problem+json", PROBLEM));
    // a dataset with a field the contract does not declare and without the required ones
    server.createContext("/v1/datasets/ds_odd", exchange -> answer(exchange, 200, "application/json",
        "{\"id\": \"ds_odd\", \"colour\": \"red\"}"));
    server.start();
    mark = MarkClient.builder()
        .apiKey("mk_test_x")
        .baseUrl("http://localhost:" + server.getAddress().getPort())
        .maxRetries(0)
        .httpClient(new ContractCheckedHttpClient(HttpClient.newHttpClient()))
        .build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aResponseTheContractAllowsReachesTheSdk() {
    assertThatThrownBy(() -> mark.datasets().retrieve("ds_missing"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aResponseTheContractDoesNotAllowFailsTheTest() {
    assertThatThrownBy(() -> mark.datasets().retrieve("ds_odd"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("getDataset")
        .hasMessageContaining("colour");
  }

  @Test
  void theGeneratedClientsBuilderChecksToo() throws Exception {
    HttpClient client = ContractCheckedHttpClient.builder(HttpClient.newBuilder()).build();
    assertThatThrownBy(() -> client.send(get("/v1/datasets/ds_odd"), HttpResponse.BodyHandlers.ofInputStream()))
        .isInstanceOf(AssertionError.class);
    HttpResponse<InputStream> fine =
        client.send(get("/v1/datasets/ds_missing"), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(new String(fine.body().readAllBytes(), StandardCharsets.UTF_8)).contains("not_found");
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getAddress().getPort() + path)).build();
  }

  private static void answer(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
