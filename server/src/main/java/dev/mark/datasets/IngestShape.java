package dev.mark.datasets;

import dev.mark.platform.contract.ApiContract;
import dev.mark.platform.contract.ContractBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The shape of the contract's {@code IngestRowsRequest}, as {@link JsonRows} checks it while it
 * streams a bulk body (the binder does not parse bulk bodies, so the schema validator never
 * sees them): read from the contract at startup rather than written a second time in Java.
 *
 * <p>Only the shape {@link JsonRows} knows how to check is accepted: an object with one
 * required array property (and no other), its {@code minItems}, and items that are open objects
 * of values by column name. Any other keyword or property is refused at startup, naming it, so a
 * change of the contract cannot leave the streaming reader checking less than it promises.
 * Deriving beats a test comparing two copies: there is no second copy to keep in step, and a
 * change the reader cannot honour stops every server and every test that starts one.
 *
 * @param rowsProperty the name of the array of rows ({@code rows})
 * @param minRows the fewest rows a request may carry
 */
record IngestShape(String rowsProperty, int minRows) {

  static final String OPERATION = "ingestRows";

  /** Keywords that say nothing a reader must check. */
  private static final Set<String> NOTES = Set.of("description", "example", "examples", "title");

  /** Reads the shape of {@value #OPERATION}'s JSON body from {@code contract}. */
  static IngestShape read(ApiContract contract, ObjectMapper mapper) {
    String pointer = contract.operation(OPERATION)
        .flatMap(operation -> operation.body())
        .flatMap(ContractBody::jsonSchemaPointer)
        .orElseThrow(() -> new IllegalStateException(OPERATION + " has no JSON body in the contract"));
    return of(mapper.readTree(contract.json()), pointer);
  }

  /**
   * The shape of the schema at {@code pointer} in the contract {@code document}.
   *
   * @throws IllegalStateException naming what {@link JsonRows} would not check
   */
  static IngestShape of(JsonNode document, String pointer) {
    JsonNode request = resolve(document, document.at(pointer));
    expectOnly(request, pointer, "type", "additionalProperties", "required", "properties");
    expect(request.path("type").asString("").equals("object"), pointer, "is not an object");
    expect(request.path("additionalProperties").isBoolean()
        && !request.path("additionalProperties").asBoolean(), pointer, "allows other properties");
    JsonNode properties = request.path("properties");
    expect(properties.size() == 1, pointer, "has other properties than one array of rows");
    String rowsProperty = properties.propertyNames().iterator().next();
    JsonNode required = request.path("required");
    expect(required.size() == 1 && required.get(0).asString("").equals(rowsProperty), pointer,
        "does not require exactly " + rowsProperty);

    String rowsPointer = pointer + "/properties/" + rowsProperty;
    JsonNode rows = resolve(document, properties.get(rowsProperty));
    expectOnly(rows, rowsPointer, "type", "minItems", "items");
    expect(rows.path("type").asString("").equals("array"), rowsPointer, "is not an array");
    JsonNode minItems = rows.path("minItems");
    expect(minItems.isMissingNode() || minItems.canConvertToInt(), rowsPointer, "has a minItems beyond an int");

    JsonNode row = resolve(document, rows.path("items"));
    expectOnly(row, rowsPointer + "/items", "type", "additionalProperties");
    expect(row.path("type").asString("").equals("object"), rowsPointer + "/items", "is not an object");
    JsonNode open = row.path("additionalProperties");
    expect(open.isMissingNode() || (open.isBoolean() && open.asBoolean()), rowsPointer + "/items",
        "limits the values of a row: they are the dataset's columns, checked against them");
    return new IngestShape(rowsProperty, minItems.isMissingNode() ? 0 : minItems.asInt());
  }

  /** {@code node}, or the schema its {@code $ref} names. */
  private static JsonNode resolve(JsonNode document, JsonNode node) {
    JsonNode ref = node.path("$ref");
    return ref.isString() ? document.at(ref.asString().substring(1)) : node;
  }

  private static void expectOnly(JsonNode schema, String pointer, String... known) {
    List<String> unknown = new ArrayList<>();
    Set<String> allowed = Set.of(known);
    for (String keyword : schema.propertyNames()) {
      if (!allowed.contains(keyword) && !NOTES.contains(keyword)) {
        unknown.add(keyword);
      }
    }
    expect(unknown.isEmpty(), pointer, "has " + unknown + ", which the streaming reader does not check");
  }

  private static void expect(boolean holds, String pointer, String problem) {
    if (!holds) {
      throw new IllegalStateException("The contract's body of " + OPERATION + " (" + pointer + ") "
          + problem + ": teach JsonRows to check it, or change the contract back");
    }
  }
}
