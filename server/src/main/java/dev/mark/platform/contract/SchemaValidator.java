package dev.mark.platform.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import dev.mark.platform.errors.FieldIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Checks values against schemas of the contract (OpenAPI 3.0 dialect: {@code nullable},
 * {@code format}, {@code additionalProperties: false}…), and reports each violation as a
 * {@link FieldIssue} with a JSON pointer to the offending value. Thread-safe.
 */
public final class SchemaValidator {

  private static final String DOCUMENT = "https://mark.dev/openapi.json";

  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  public SchemaValidator(ApiContract contract) {
    this.registry = SchemaRegistry.withDefaultDialect(
        Dialects.getOpenApi30(),
        builder -> builder.schemas(Map.of(DOCUMENT, contract.json())));
  }

  /** Loads the schema at {@code pointer} now, so that a broken contract fails at startup. */
  public void preload(String pointer) {
    schema(pointer);
  }

  /**
   * The violations of the schema at {@code pointer} by {@code value}.
   *
   * @param location the part of the request the value came from
   * @param prefix the pointer of the value inside that part ({@code ""} for a whole body,
   *     {@code /limit} for a parameter)
   */
  public List<FieldIssue> validate(
      String pointer, JsonNode value, FieldIssue.Location location, String prefix) {
    List<FieldIssue> issues = new ArrayList<>();
    for (Error error : schema(pointer).validate(value)) {
      issues.add(ValidationMessages.toIssue(error, location, prefix + pointerOf(error.getInstanceLocation())));
    }
    return issues;
  }

  private Schema schema(String pointer) {
    return schemas.computeIfAbsent(pointer,
        p -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + p)));
  }

  private static String pointerOf(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer.append('/').append(OperationReader.escape(String.valueOf(element)));
    }
    return pointer.toString();
  }
}
