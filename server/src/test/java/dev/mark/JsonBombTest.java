package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.fixtures.JsonBomb;
import dev.mark.support.ServerProcess;
import dev.mark.support.TempDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The gzip JSON bomb of issue 11 ({@code {"rows": [{}, {}, …]}}: 21 M empty rows, about 61 KB
 * on the wire) against a real server process with a small heap: four at once are each refused
 * with a 413 as soon as the row cap is crossed, another caller is answered meanwhile, and the
 * server neither runs out of memory nor stops answering. (Before, each was parsed into a tree
 * and schema-checked whole: four pushed a process to 5 GB.) Functional assertions only; the
 * timings are printed by {@code bench/json-bomb.sh}.
 */
class JsonBombTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void fourBombsAtOnceAreRefusedAtTheRowCapWhileAnotherCallerIsAnswered() throws Exception {
    Path dir = TempDirs.create("mark-bomb");
    try (ServerProcess server = ServerProcess.start(dir, Map.of(
        "JAVA_TOOL_OPTIONS", "-Xmx192m", "MARK_MAX_INGEST_ROWS", "100000")).awaitReady()) {
      String key = JsonBomb.developmentKey(server.output());
      String dataset = send(server, key, "POST", "/v1/datasets", "application/json", null, ORDERS.getBytes())
          .body().replaceAll("(?s).*\"id\"\\s*:\\s*\"(ds_[^\"]+)\".*", "$1");
      byte[] bomb = JsonBomb.emptyRows(JsonBomb.ISSUE_ROWS);
      assertThat(bomb.length).isLessThan(100 * 1024);

      List<CompletableFuture<HttpResponse<String>>> bombs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        bombs.add(sendAsync(server, key, "/v1/datasets/" + dataset + "/rows", "gzip", bomb));
      }
      HttpResponse<String> other = send(server, key, "GET", "/v1/datasets/" + dataset, null, null, null);

      assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
      for (CompletableFuture<HttpResponse<String>> refused : bombs) {
        HttpResponse<String> answer = refused.join();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"too_many_rows\"");
      }
      // past the byte cap once inflated, and still small on the wire
      HttpResponse<String> spaces = sendAsync(server, key, "/v1/datasets/" + dataset + "/rows", "gzip",
          JsonBomb.endlessSpace(80L * 1024 * 1024)).join();
      assertThat(spaces.statusCode()).as(spaces.body()).isEqualTo(413);
      assertThat(spaces.body()).contains("\"code\":\"payload_too_large\"");

      HttpResponse<String> after = send(server, key, "GET", "/v1/datasets/" + dataset, null, null, null);
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(after.body()).contains("\"row_count\":0");
      assertThat(server.output()).doesNotContain("OutOfMemoryError");
    }
  }

  private static CompletableFuture<HttpResponse<String>> sendAsync(ServerProcess server, String key,
      String path, String encoding, byte[] body) {
    return HTTP.sendAsync(request(server, key, "POST", path, "application/json", encoding, body),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(ServerProcess server, String key, String method, String path,
      String contentType, String encoding, byte[] body) throws Exception {
    return HTTP.send(request(server, key, method, path, contentType, encoding, body),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(ServerProcess server, String key, String method, String path,
      String contentType, String encoding, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("X-API-Key", key)
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return request.build();
  }
}
