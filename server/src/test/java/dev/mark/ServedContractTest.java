package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.RunningServer;
import dev.mark.platform.contract.ApiContract;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served contract offers the origin the request was sent to as its first server, derived
 * from the Host header (and X-Forwarded-Proto) without letting either break the document.
 * Requests go over a raw socket: HTTP clients do not let a caller choose the Host header.
 */
@ExtendWith(RunningServer.Extension.class)
class ServedContractTest {

  private static final String PRODUCTION = "https://api.mark.dev";

  /** One HTTP/1.0 exchange (no chunking, the server closes): status line, headers, body. */
  private record Raw(String head, String body) {
    int status() {
      return Integer.parseInt(head.split(" ", 3)[1]);
    }

    List<String> servers() throws IOException {
      return StreamSupport.stream(Yaml.mapper().readTree(body).get("servers").spliterator(), false)
          .map(server -> server.get("url").asText())
          .toList();
    }
  }

  private static Raw get(RunningServer server, String path, String... headers) throws IOException {
    int port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    try (Socket socket = new Socket("localhost", port)) {
      StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = response.indexOf("\r\n\r\n");
      return new Raw(response.substring(0, split), response.substring(split + 4));
    }
  }

  @Test
  void theHostTheRequestWasSentToIsOfferedFirstAndTheAnswerVariesWithIt(RunningServer server)
      throws IOException {
    for (String path : List.of("/openapi.yaml", "/openapi.json")) {
      Raw answer = get(server, path, "Host: docs.staging.example:8443");

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.servers()).containsExactly("http://docs.staging.example:8443", PRODUCTION);
      assertThat(answer.head().toLowerCase(Locale.ROOT)).contains("vary: host, x-forwarded-proto");
    }
  }

  @Test
  void behindATlsTerminatingProxyTheOfferedServerIsHttps(RunningServer server) throws IOException {
    assertThat(get(server, "/openapi.json", "Host: docs.staging.example", "X-Forwarded-Proto: https")
        .servers()).containsExactly("https://docs.staging.example", PRODUCTION);
    assertThat(get(server, "/openapi.json", "Host: docs.staging.example", "X-Forwarded-Proto: javascript")
        .servers()).containsExactly("http://docs.staging.example", PRODUCTION);
  }

  @Test
  void productionIsNotOfferedTwice(RunningServer server) throws IOException {
    Raw answer = get(server, "/openapi.yaml", "Host: api.mark.dev", "X-Forwarded-Proto: https");

    assertThat(answer.body()).isEqualTo(ApiContract.load().yaml());
  }

  @Test
  void aHostHeaderThatIsNotAPlainHostNeverReachesTheDocument(RunningServer server) throws IOException {
    int served = 0;
    for (String host : List.of("x.example'\\n  - url: 'https://evil.example", "x.example\",\"url\":\"evil",
        "evil.example/path", "a b", "evil.example'", "evil.example\"", "evil_example", "evil.example;x=1",
        "evil.example(1)", "evil.example&x")) {
      for (String path : List.of("/openapi.yaml", "/openapi.json")) {
        Raw answer = get(server, path, "Host: " + host);

        // Jetty may refuse such a Host itself; if it lets it through, the contract ignores it
        if (answer.status() != 400) {
          assertThat(answer.status()).as(host).isEqualTo(200);
          assertThat(answer.servers()).as(host).containsExactly(PRODUCTION);
          assertThat(answer.body()).as(host).doesNotContain("evil");
          served++;
        }
      }
    }
    assertThat(served).as("hosts Jetty let through, so the contract's own check ran").isPositive();
  }
}
