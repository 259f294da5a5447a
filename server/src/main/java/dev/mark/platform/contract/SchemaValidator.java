package dev.mark.platform.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.regex.RegularExpression;
import dev.mark.platform.errors.FieldIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

/**
 * Checks values against schemas of the contract (OpenAPI 3.0 dialect: {@code nullable},
 * {@code format}, {@code additionalProperties: false}…), and reports each violation as a
 * {@link FieldIssue} with a JSON pointer to the offending value. Thread-safe.
 */
public final class SchemaValidator {

  private static final String DOCUMENT = "https://mark.dev/openapi.json";
  /** The keywords of a schema that {@link Compiled#accepts} can decide alone. */
  private static final Set<String> PLAIN_STRING_KEYWORDS = Set.of("type", "pattern");

  /**
   * A loaded schema. For a plain string schema ({@code type: string} and a {@code pattern},
   * nothing else: most path parameters, such as IDs) a value that matches the pattern is
   * accepted without a run of the validator, which costs more than the match on every call;
   * the regular expression is the validator's own, so the answer is the same.
   */
  private record Compiled(Schema schema, RegularExpression stringPattern) {

    boolean accepts(JsonNode value) {
      return stringPattern != null && value.isString() && stringPattern.matches(value.asString());
    }
  }

  private final SchemaRegistry registry;
  private final Map<String, Compiled> schemas = new ConcurrentHashMap<>();

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
    Compiled compiled = schema(pointer);
    if (compiled.accepts(value)) {
      return List.of();
    }
    List<FieldIssue> issues = new ArrayList<>();
    List<Error> errors;
    try {
      errors = compiled.schema().validate(value);
    } catch (JsonNodeException e) {
      // the validator compares bounds in 64 bits and throws on a number beyond them (1E308)
      return List.of(new FieldIssue(location, prefix + outOfRangePointer(value, ""), "maximum",
          "must be a number within the 64-bit range"));
    }
    for (Error error : errors) {
      issues.add(ValidationMessages.toIssue(error, location, prefix + pointerOf(error.getInstanceLocation())));
    }
    return issues;
  }

  /** The pointer of the first number in {@code value} beyond 64 bits; "" when there is none. */
  private static String outOfRangePointer(JsonNode value, String pointer) {
    if (value.isNumber() && !value.canConvertToLong()) {
      return pointer;
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> property : value.properties()) {
        String found = outOfRangePointer(property.getValue(), pointer + "/" + OperationReader.escape(property.getKey()));
        if (found != null) {
          return found;
        }
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        String found = outOfRangePointer(value.get(i), pointer + "/" + i);
        if (found != null) {
          return found;
        }
      }
    }
    return pointer.isEmpty() ? "" : null;
  }

  private Compiled schema(String pointer) {
    Compiled compiled = schemas.get(pointer);
    return compiled != null ? compiled : schemas.computeIfAbsent(pointer, this::load);
  }

  private Compiled load(String pointer) {
    Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
    JsonNode node = schema.getSchemaNode();
    boolean plainString = node.isObject()
        && PLAIN_STRING_KEYWORDS.containsAll(node.propertyNames())
        && "string".equals(node.path("type").asString(null))
        && node.path("pattern").isString();
    return new Compiled(schema, plainString
        ? RegularExpression.compile(node.get("pattern").asString(), schema.getSchemaContext())
        : null);
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
