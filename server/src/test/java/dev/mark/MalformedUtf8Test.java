package dev.mark;

import static dev.mark.support.Problems.assertIssue;
import static dev.mark.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11: bytes that are not UTF-8 in a CSV body were stored as U+FFFD. Every text input now
 * refuses them: a CSV body with a 422 naming the row, line and column, writing nothing; a JSON
 * body (ingest or any other) with a 400 {@code malformed_json} saying where. Jackson's own check
 * was not enough: it reads overlong forms and encoded surrogates as characters.
 */
@ExtendWith(RunningServer.Extension.class)
class MalformedUtf8Test {

  private static final String DATASET = """
      {"name": "Words", "columns": [{"name": "word", "type": "string"}, {"name": "n", "type": "integer"}]}""";

  @Test
  void aCsvBodyThatIsNotUtf8IsA422NamingTheRowLineAndColumnAndWritesNothing(RunningServer server) {
    TestClient client = server.newAccountClient();
    String rows = dataset(client) + "/rows";

    // Latin-1 "café" on the third line: before, stored as "caf\uFFFD"
    HttpResult refused = client.sendBytes("POST", rows, "text/csv",
        bytes("word,n\npen,1\ncaf", 0xE9, ",2\nink,3\n"));

    assertProblem(refused, 422, "invalid_rows");
    assertIssue(refused.json(), "body", "/rows/1", "malformed_utf8");
    assertThat(refused.body()).contains("CSV line 3, column 4");
    assertThat(client.get(rows).json().get("data").size()).isZero();
  }

  @Test
  void utf8OfEveryLengthIsStoredAsSent(RunningServer server) {
    TestClient client = server.newAccountClient();
    String rows = dataset(client) + "/rows";

    HttpResult added = client.sendBytes("POST", rows, "text/csv",
        "word,n\ncafé €5 😀,1\n".getBytes(StandardCharsets.UTF_8));

    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(client.get(rows).json().get("data").get(0).get("word").asString()).isEqualTo("café €5 😀");
  }

  @Test
  void aJsonIngestBodyThatIsNotUtf8IsA400AndWritesNothing(RunningServer server) {
    TestClient client = server.newAccountClient();
    String rows = dataset(client) + "/rows";

    HttpResult latin1 = client.sendBytes("POST", rows, "application/json",
        bytes("{\"rows\": [{\"word\": \"pen\", \"n\": 1},\n {\"word\": \"caf", 0xE9, "\", \"n\": 2}]}"));
    // an overlong '/': Jackson alone read it as "a/b" and stored it
    HttpResult overlong = client.sendBytes("POST", rows, "application/json",
        bytes("{\"rows\": [{\"word\": \"a", 0xC0, 0xAF, "b\", \"n\": 2}]}"));

    assertProblem(latin1, 400, "malformed_json");
    assertThat(latin1.json().get("detail").asString()).isEqualTo("The body is not UTF-8 at line 2, column 15.");
    assertProblem(overlong, 400, "malformed_json");
    assertThat(client.get(rows).json().get("data").size()).isZero();
  }

  @Test
  void otherJsonBodiesThatAreNotUtf8AreA400(RunningServer server) {
    TestClient client = server.newAccountClient();

    assertProblem(client.sendBytes("POST", "/v1/datasets", "application/json",
        bytes("{\"name\": \"caf", 0xE9, "\", \"columns\": [{\"name\": \"a\", \"type\": \"string\"}]}")),
        400, "malformed_json");
    assertProblem(client.sendBytes("POST", "/v1/datasets", "application/json",
        bytes("{\"name\": \"x\", \"columns\": [{\"name\": \"", 0xC0, 0xAF, "\", \"type\": \"string\"}]}")),
        400, "malformed_json");
    assertProblem(client.sendBytes("POST", "/v1/api-keys", "application/json",
        bytes("{\"name\": \"", 0xED, 0xA0, 0x80, "\", \"scopes\": [\"read\"]}")), 400, "malformed_json");
    assertProblem(server.anonymousClient().sendBytes("POST", "/v1/auth/login", "application/json",
        bytes("{\"email\": \"a", 0xFF, "@example.com\", \"password\": \"x\"}")), 400, "malformed_json");
  }

  private static String dataset(TestClient client) {
    HttpResult created = client.postJson("/v1/datasets", DATASET);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return "/v1/datasets/" + created.json().get("id").asString();
  }

  /** Text (as UTF-8) and single bytes (ints), in order, as one body. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof Integer b) {
        out.write(b);
      } else {
        out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }
}
