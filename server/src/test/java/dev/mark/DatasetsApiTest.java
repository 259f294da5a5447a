package dev.mark;

import static dev.mark.fixtures.DatasetDefinitions.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.support.HttpResult;
import dev.mark.support.RunningServer;
import dev.mark.support.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(RunningServer.Extension.class)
class DatasetsApiTest {

  @Test
  void aDatasetCanBeCreatedFetchedListedAndDeleted(RunningServer server) {
    TestClient client = server.newAccountClient();

    HttpResult created = client.postJson("/v1/datasets", ORDERS);
    assertThat(created.status()).isEqualTo(201);
    JsonNode dataset = created.json();
    String id = dataset.get("id").asString();
    assertThat(id).matches("ds_[0-9A-Z]{26}");
    assertThat(created.header("Location")).contains("/v1/datasets/" + id);
    assertThat(dataset.get("row_count").asLong()).isZero();
    assertThat(dataset.get("columns")).hasSize(6);
    assertThat(dataset.get("columns").get(3).get("type").asString()).isEqualTo("number");

    HttpResult fetched = client.get("/v1/datasets/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(dataset);

    HttpResult list = client.get("/v1/datasets");
    assertThat(list.json().get("data").get(0).get("id").asString()).isEqualTo(id);
    assertThat(list.json().get("has_more").asBoolean()).isFalse();
    assertThat(list.json().get("next_cursor").isNull()).isTrue();

    assertThat(client.delete("/v1/datasets/" + id).status()).isEqualTo(204);
    assertThat(client.get("/v1/datasets/" + id).status()).isEqualTo(404);
    assertThat(client.delete("/v1/datasets/" + id).status()).isEqualTo(404);
  }

  @Test
  void aColumnKeepsItsDescriptionUnitAndFavorableDirection(RunningServer server) {
    TestClient client = server.newAccountClient();
    String body = """
        {"name": "Costs", "columns": [
          {"name": "spent", "type": "number", "description": "Money spent on ads",
           "unit": "EUR", "favorable": "down"},
          {"name": "team", "type": "string"}]}""";

    JsonNode created = client.postJson("/v1/datasets", body).json();
    JsonNode spent = created.get("columns").get(0);
    assertThat(spent.get("description").asString()).isEqualTo("Money spent on ads");
    assertThat(spent.get("unit").asString()).isEqualTo("EUR");
    assertThat(spent.get("favorable").asString()).isEqualTo("down");
    assertThat(created.get("columns").get(1).has("unit")).isFalse();
    assertThat(client.get("/v1/datasets/" + created.get("id").asString()).json())
        .isEqualTo(created);
  }

  @Test
  void aDatasetHasATypedTableThatIsDroppedWithIt(RunningServer server) {
    TestClient client = server.newAccountClient();
    String id = client.postJson("/v1/datasets", ORDERS).json().get("id").asString();
    String table = id.toLowerCase();

    List<String> columns = server.sql().fetchValues(
        "select column_name || ':' || data_type from information_schema.columns "
            + "where table_schema = 'dataset_rows' and table_name = ? order by ordinal_position",
        table).stream().map(String::valueOf).toList();
    assertThat(columns).containsExactly(
        "_row_id:bigint",
        "ordered_at:timestamp with time zone",
        "day:date",
        "region:text",
        "revenue:numeric",
        "quantity:bigint",
        "returned:boolean");

    assertThat(server.sql().fetchValues(
        "select indexdef from pg_indexes where schemaname = 'dataset_rows' and tablename = ?", table)
        .stream().map(String::valueOf).filter(def -> def.contains("USING brin")).toList())
        .as("every time column has a BRIN index").hasSize(2);

    client.delete("/v1/datasets/" + id);
    assertThat(server.sql().fetchCount(server.sql().selectFrom(
        "information_schema.tables where table_schema = 'dataset_rows' and table_name = ?", table)))
        .isZero();
  }

  @Test
  void listsArePagedNewestFirstWithACursor(RunningServer server) {
    TestClient client = server.newAccountClient();
    List<String> createdIds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      createdIds.add(client.postJson("/v1/datasets",
          "{\"name\":\"d" + i + "\",\"columns\":[{\"name\":\"x\",\"type\":\"integer\"}]}")
          .json().get("id").asString());
    }

    List<String> seen = new ArrayList<>();
    String path = "/v1/datasets?limit=2";
    int pages = 0;
    while (path != null) {
      JsonNode page = client.get(path).json();
      page.get("data").forEach(d -> seen.add(d.get("id").asString()));
      pages++;
      path = page.get("has_more").asBoolean()
          ? "/v1/datasets?limit=2&cursor=" + page.get("next_cursor").asString()
          : null;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(createdIds.reversed());
  }

  @Test
  void anotherAccountsDatasetIsNotFoundAndUntouched(RunningServer server) {
    TestClient owner = server.newAccountClient();
    TestClient stranger = server.newAccountClient();
    String id = owner.postJson("/v1/datasets", ORDERS).json().get("id").asString();

    HttpResult read = stranger.get("/v1/datasets/" + id);
    assertThat(read.status()).isEqualTo(404);
    assertThat(read.json().get("code").asString()).isEqualTo("not_found");
    assertThat(stranger.delete("/v1/datasets/" + id).status()).isEqualTo(404);
    assertThat(stranger.get("/v1/datasets").json().get("data")).isEmpty();

    assertThat(owner.get("/v1/datasets/" + id).status()).isEqualTo(200);
  }
}
