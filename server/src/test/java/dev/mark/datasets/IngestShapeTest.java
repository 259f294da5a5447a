package dev.mark.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.contract.ApiContract;
import dev.mark.platform.json.Json;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streaming JSON ingest reader takes the shape of its body from the contract's
 * {@code IngestRowsRequest} (issue 11: it restated it by hand), and a change of that schema it
 * could not check stops the server at startup instead of diverging silently.
 */
class IngestShapeTest {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final String SCHEMA = "/components/schemas/IngestRowsRequest";

  @Test
  void theShapeIsReadFromTheContract() {
    assertThat(IngestShape.read(ApiContract.load(), MAPPER)).isEqualTo(new IngestShape("rows", 1));
  }

  @Test
  void aChangedMinimumIsFollowed() {
    assertThat(changed(schema -> rows(schema).put("minItems", 3)).minRows()).isEqualTo(3);
  }

  @Test
  void aNewPropertyIsRefused() {
    assertThatThrownBy(() -> changed(schema -> ((ObjectNode) schema.get("properties"))
        .putObject("on_conflict").put("type", "string")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("other properties than one array of rows");
  }

  @Test
  void aRenamedArrayIsFollowed() {
    IngestShape shape = changed(schema -> {
      ObjectNode properties = (ObjectNode) schema.get("properties");
      properties.set("records", properties.remove("rows"));
      schema.putArray("required").add("records");
    });

    assertThat(shape.rowsProperty()).isEqualTo("records");
  }

  @Test
  void aKeywordTheReaderDoesNotCheckIsRefusedByName() {
    assertThatThrownBy(() -> changed(schema -> rows(schema).put("maxItems", 500)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[maxItems]");
    assertThatThrownBy(() -> changed(schema -> schema.put("additionalProperties", true)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("allows other properties");
  }

  @Test
  void rowsWhoseValuesTheContractLimitsAreRefused() {
    assertThatThrownBy(() -> changed(schema -> ((ObjectNode) rows(schema)).putObject("items")
        .put("type", "object").putObject("additionalProperties").put("type", "string")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("limits the values of a row");
  }

  /** The shape after {@code change} to a copy of the contract's schema. */
  private static IngestShape changed(Consumer<ObjectNode> change) {
    JsonNode document = MAPPER.readTree(ApiContract.load().json());
    change.accept((ObjectNode) document.at(SCHEMA));
    return IngestShape.of(document, SCHEMA);
  }

  private static ObjectNode rows(ObjectNode schema) {
    return (ObjectNode) schema.get("properties").get("rows");
  }
}
