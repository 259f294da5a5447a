package dev.mark.platform.contract;

import static dev.mark.platform.contract.ThingsContract.BODY;
import static dev.mark.platform.contract.ThingsContract.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Defaults are filled in wherever the schema declares them, and nowhere a value was sent. */
class SchemaDefaultsTest {

  private static final String PARAMETERS = "/paths/~1things/get/parameters/";

  private final SchemaDefaults defaults = new SchemaDefaults(ThingsContract.withGetAndSchemas("""
      get:
        operationId: listThings
        parameters:
          - {name: size, in: query, schema: {type: integer, default: 20}}
          - {name: mode, in: query, schema: {$ref: '#/components/schemas/Mode'}}
          - {name: cursor, in: query, schema: {type: string}}
        responses:
          '200': {description: ok}
      """, """
      Mode: {type: string, enum: [token, cookie], default: token}
      Thing:
        type: object
        properties:
          name: {type: string}
          mode: {$ref: '#/components/schemas/Mode'}
          note: {type: string, nullable: true, default: none}
          parts:
            type: array
            items:
              type: object
              properties:
                required: {type: boolean, default: false}
          rule: {$ref: '#/components/schemas/Rule'}
          tags: {type: array, items: {type: string}}
      Rule:
        type: object
        properties:
          direction: {type: string, default: asc}
          or: {type: array, items: {$ref: '#/components/schemas/Rule'}}
      """));

  @Test
  void aParameterHasItsSchemasDefaultOrThatOfTheSchemaItRefersTo() {
    assertThat(defaults.of(PARAMETERS + "0/schema")).hasValueSatisfying(v -> assertThat(v.asInt()).isEqualTo(20));
    assertThat(defaults.of(PARAMETERS + "1/schema")).hasValueSatisfying(v -> assertThat(v.asString()).isEqualTo("token"));
    assertThat(defaults.of(PARAMETERS + "2/schema")).isEmpty();
  }

  @Test
  void omittedPropertiesAreFilledInAtEveryDepthThroughRefsArraysAndRecursion() {
    JsonNode body = filled("""
        {"name": "x", "parts": [{}, {"required": true}],
         "rule": {"or": [{"or": [{}]}, {"direction": "desc"}]}, "tags": ["a"]}""");

    assertThat(body).isEqualTo(JSON.readTree("""
        {"name": "x", "parts": [{"required": false}, {"required": true}],
         "rule": {"or": [{"or": [{"direction": "asc"}], "direction": "asc"}, {"direction": "desc"}],
                  "direction": "asc"},
         "tags": ["a"], "mode": "token", "note": "none"}"""));
  }

  @Test
  void aPropertySentAsNullStaysNull() {
    assertThat(filled("{\"note\": null}").get("note").isNull()).isTrue();
  }

  private JsonNode filled(String json) {
    JsonNode body = JSON.readTree(json);
    defaults.apply(BODY, body);
    return body;
  }
}
