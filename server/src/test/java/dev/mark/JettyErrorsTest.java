package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.platform.json.Json;
import dev.mark.support.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, finding 16: what Jetty refuses before any route runs is problem+json like every
 * other error, with a {@code code} and a {@code request_id}. Sent over raw sockets, since no
 * HTTP client sends such requests.
 */
@ExtendWith(RunningServer.Extension.class)
class JettyErrorsTest {

  /** A raw HTTP/1.1 answer: status, headers in lower case, body. */
  private record RawAnswer(int status, String head, String body) {

    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  private static RawAnswer send(RunningServer server, String request) throws IOException {
    int port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = text.substring(0, end);
      String body = text.substring(end + 4);
      if ("chunked".equalsIgnoreCase(new RawAnswer(0, head, "").header("Transfer-Encoding"))) {
        body = unchunk(body);
      }
      return new RawAnswer(Integer.parseInt(head.split(" ")[1]), head, body);
    }
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static void assertProblem(RawAnswer answer, int status, String code) {
    assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    JsonNode problem = Json.newMapper().readTree(answer.body());
    assertThat(problem.get("code").asString()).isEqualTo(code);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("request_id").asString()).startsWith("req_");
    assertThat(answer.header("X-Request-Id")).isEqualTo(problem.get("request_id").asString());
    assertThat(answer.body().toLowerCase(Locale.ROOT)).doesNotContain("<html");
  }

  @Test
  void aNulInTheUriIsABadRequestProblem(RunningServer server) throws IOException {
    assertProblem(send(server, "GET /v1/datasets/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        400, "bad_request");
  }

  @Test
  void aMalformedRequestLineIsABadRequestProblem(RunningServer server) throws IOException {
    assertProblem(send(server, "GET /v1/datasets HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n"),
        400, "bad_request");
  }

  @Test
  void aUriTooLongIsAProblem(RunningServer server) throws IOException {
    String path = "/v1/datasets?x=" + "a".repeat(20_000);
    assertProblem(send(server, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        414, "uri_too_long");
  }

  /**
   * Jetty closes the connection after what it refuses; unless the answer says so, a client
   * keeps the connection and sends its next request into a closed socket (the fuzzer lost about
   * one request in a thousand that way). Sent without {@code Connection: close}, so that only the
   * server's closing ends the read.
   */
  @Test
  void whatJettyRefusesClosesTheConnectionAndSaysSo(RunningServer server) throws IOException {
    RawAnswer nul = send(server, "GET /v1/datasets/nul%00inside HTTP/1.1\r\nHost: x\r\n\r\n");
    assertProblem(nul, 400, "bad_request");
    assertThat(nul.header("Connection")).isEqualToIgnoringCase("close");
    RawAnswer tooLong = send(server, "GET /v1/datasets?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertProblem(tooLong, 414, "uri_too_long");
    assertThat(tooLong.header("Connection")).isEqualToIgnoringCase("close");
  }

  @Test
  void headersTooLargeAreAProblem(RunningServer server) throws IOException {
    String big = "X-Big: " + "a".repeat(20_000) + "\r\n";
    assertProblem(send(server, "GET /healthz HTTP/1.1\r\nHost: x\r\n" + big + "Connection: close\r\n\r\n"),
        431, "headers_too_large");
  }
}
