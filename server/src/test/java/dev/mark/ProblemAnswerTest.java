package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.RunningServer;
import dev.mark.platform.contract.ApiContract;
import dev.mark.support.HttpResult;
import dev.mark.support.TestClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every problem answered has the status and the title that x-mark-problems gives its code. */
@ExtendWith(RunningServer.Extension.class)
class ProblemAnswerTest {

  private static final Map<String, JsonNode> DECLARED = new HashMap<>();

  static {
    JsonNode contract = JsonMapper.builder().build().readTree(ApiContract.load().json());
    contract.get("x-mark-problems").forEach(p -> DECLARED.put(p.get("code").asString(), p));
  }

  @Test
  void problemsOfEveryKindCarryTheirCodesStatusAndTitle(RunningServer server) {
    TestClient client = server.newAccountClient();

    assertDeclared(client.postJson("/v1/datasets", "{\"columns\": []}"), "validation_failed");
    assertDeclared(client.postJson("/v1/datasets", "{"), "malformed_json");
    assertDeclared(server.anonymousClient().get("/v1/datasets"), "unauthorized");
    assertDeclared(server.clientWithKey("mk_test_nonsense").get("/v1/datasets"), "invalid_api_key");
    assertDeclared(client.get("/v1/nowhere"), "not_found");
    assertDeclared(client.send("PUT", "/v1/datasets", "application/json", "{}"), "method_not_allowed");
    assertDeclared(client.send("POST", "/v1/datasets", "text/plain", "x"), "unsupported_media_type");
    assertDeclared(client.postJson("/v1/datasets", """
        {"name": "n", "columns": [{"name": "a", "type": "string"}, {"name": "a", "type": "string"}]}"""),
        "invalid_dataset");
  }

  private static void assertDeclared(HttpResult result, String code) {
    JsonNode problem = result.json();
    JsonNode declared = DECLARED.get(code);
    assertThat(problem.get("code").asString()).as(result.body()).isEqualTo(code);
    assertThat(result.status()).isEqualTo(declared.get("status").asInt());
    assertThat(problem.get("status").asInt()).isEqualTo(declared.get("status").asInt());
    assertThat(problem.get("title").asString()).isEqualTo(declared.get("title").asString());
    assertThat(problem.get("type").asString()).isEqualTo("https://mark.dev/problems/" + code.replace('_', '-'));
  }
}
