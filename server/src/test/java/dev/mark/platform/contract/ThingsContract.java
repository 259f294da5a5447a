package dev.mark.platform.contract;

import tools.jackson.databind.json.JsonMapper;

/**
 * A small contract for the schema tests: one path, {@code /things}, whose {@code createThing}
 * takes a {@code Thing} body. Each test gives the schemas (Thing among them) and may add a
 * {@code get} operation.
 */
final class ThingsContract {

  /** Where createThing's body schema is. */
  static final String BODY = "/paths/~1things/post/requestBody/content/application~1json/schema";

  static final JsonMapper JSON = JsonMapper.builder().build();

  private ThingsContract() {}

  /** The contract with {@code schemas} under {@code components/schemas}. */
  static ApiContract withSchemas(String schemas) {
    return withGetAndSchemas("", schemas);
  }

  /** The contract with {@code get} (an operation, from {@code get:}) and {@code schemas}. */
  static ApiContract withGetAndSchemas(String get, String schemas) {
    return ApiContract.parse("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /things:
        %s    post:
              operationId: createThing
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Thing'}
              responses:
                '201': {description: created}
        components:
          schemas:
        %s""".formatted(get.indent(4), schemas.indent(4)));
  }
}
