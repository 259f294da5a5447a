package dev.mark.platform.contract;

import com.networknt.schema.Error;
import dev.mark.platform.errors.FieldIssue;
import tools.jackson.databind.JsonNode;

/**
 * Turns a schema violation into a {@link FieldIssue} with a stable code and a short message.
 * The pointer names the offending value: for a missing or unknown property, the property
 * itself rather than the object holding it.
 */
final class ValidationMessages {

  private ValidationMessages() {}

  static FieldIssue toIssue(Error error, FieldIssue.Location location, String pointer) {
    String keyword = error.getKeyword() == null ? "invalid" : error.getKeyword();
    JsonNode schema = error.getSchemaNode();
    return switch (keyword) {
      case "required" -> new FieldIssue(location, child(pointer, error.getProperty()),
          "required", "is required");
      case "additionalProperties" -> new FieldIssue(location, child(pointer, error.getProperty()),
          "unknown_property", "is not a known property");
      case "type" -> new FieldIssue(location, pointer, "type", "must be " + article(text(schema)));
      case "enum" -> new FieldIssue(location, pointer, "enum", "must be one of " + values(schema));
      case "minimum" -> new FieldIssue(location, pointer, "minimum", "must be at least " + text(schema));
      case "maximum" -> new FieldIssue(location, pointer, "maximum", "must be at most " + text(schema));
      case "minLength" -> new FieldIssue(location, pointer, "min_length",
          "must be at least " + count(schema, "character"));
      case "maxLength" -> new FieldIssue(location, pointer, "max_length",
          "must be at most " + count(schema, "character"));
      case "minItems" -> new FieldIssue(location, pointer, "min_items",
          "must have at least " + count(schema, "item"));
      case "maxItems" -> new FieldIssue(location, pointer, "max_items",
          "must have at most " + count(schema, "item"));
      case "pattern" -> new FieldIssue(location, pointer, "pattern",
          "must match the pattern " + text(schema));
      case "format" -> new FieldIssue(location, pointer, "format", "must be a valid " + text(schema));
      case "nullable" -> new FieldIssue(location, pointer, "type", "must not be null");
      default -> new FieldIssue(location, pointer, keyword, error.getMessage());
    };
  }

  private static String child(String pointer, String property) {
    return property == null ? pointer : pointer + "/" + OperationReader.escape(property);
  }

  private static String text(JsonNode node) {
    return node == null ? "?" : node.isString() ? node.asString() : node.toString();
  }

  private static String count(JsonNode node, String noun) {
    String number = text(node);
    return number + " " + noun + (number.equals("1") ? "" : "s");
  }

  private static String values(JsonNode node) {
    if (node == null || !node.isArray()) {
      return "the allowed values";
    }
    StringBuilder out = new StringBuilder();
    node.forEach(v -> out.append(out.isEmpty() ? "" : ", ").append(v.asString()));
    return out.toString();
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "array", "object" -> "an " + type;
      default -> "a " + type;
    };
  }
}
