package dev.mark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(RunningServer.Extension.class)
class PlansApiTest {

  @Test
  void thePlansAreThoseOfTheConfigurationInItsOrder(RunningServer server) {
    HttpResult result = server.anonymousClient().get("/v1/plans");

    assertThat(result.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    result.json().get("data").forEach(plan -> ids.add(plan.get("id").asString()));
    assertThat(ids).containsExactly("free", "mega", "tiny", "metered", "analyst", "cluster", "capped");
    JsonNode tiny = result.json().get("data").get(2);
    assertThat(tiny.get("burst").get("limit").asLong()).isEqualTo(3);
    assertThat(tiny.get("burst").get("window_seconds").asInt()).isEqualTo(60);
    assertThat(tiny.get("sustained").get("limit").asLong()).isEqualTo(100);
    assertThat(tiny.get("monthly_quota").asLong()).isEqualTo(1000);
    JsonNode capped = result.json().get("data").get(6);
    assertThat(capped.get("max_api_keys").asInt()).isEqualTo(3);
    assertThat(capped.get("max_datasets").asInt()).isEqualTo(2);
    assertThat(capped.get("max_columns_per_dataset").asInt()).isEqualTo(4);
    assertThat(capped.get("max_time_columns_per_dataset").asInt()).isEqualTo(1);
  }
}
