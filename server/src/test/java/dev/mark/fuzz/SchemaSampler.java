package dev.mark.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes values that fit a schema of the contract, as a careful caller would send them: enums
 * from their lists, strings that match their patterns, numbers inside their bounds, objects
 * with every required property and some optional ones. The fuzzer then breaks them.
 */
final class SchemaSampler {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Strings tried, in turn, against a pattern: names of the fuzzed dataset's columns first. */
  private static final List<String> PATTERN_CANDIDATES = List.of(
      "region", "revenue", "ordered_at", "quantity", "returned", "day", "a", "key_name",
      "mk_test_x", "ds_01JC3XG8F2SK6Y8S3M7VVQPRTE", "key_01JC3XG8F2SK6Y8S3M7VVQPRTE", "abc_1");
  private static final List<String> COLUMNS = List.of("region", "revenue", "ordered_at", "quantity", "returned", "day");
  private static final int MAX_DEPTH = 4;

  private final JsonNode document;
  private final SplittableRandom random;

  SchemaSampler(JsonNode document, SplittableRandom random) {
    this.document = document;
    this.random = random;
  }

  JsonNode sample(JsonNode schema) {
    return sample(schema, 0);
  }

  private JsonNode sample(JsonNode schema, int depth) {
    schema = resolve(schema);
    if (schema.has("example") && random.nextInt(3) == 0) {
      return schema.get("example").deepCopy();
    }
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size())).deepCopy();
    }
    String type = schema.path("type").asString("");
    return switch (type) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, depth);
      case "string" -> NODES.stringNode(string(schema));
      case "integer" -> NODES.numberNode(integer(schema));
      case "number" -> NODES.numberNode(integer(schema) + random.nextInt(100) / 100.0);
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      default -> anyValue();
    };
  }

  private JsonNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    JsonNode properties = schema.path("properties");
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asString()));
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      boolean include = required.contains(property.getKey()) || (depth < MAX_DEPTH && random.nextInt(3) == 0);
      if (include) {
        object.set(property.getKey(), sample(property.getValue(), depth + 1));
      }
    }
    return object;
  }

  private JsonNode array(JsonNode schema, int depth) {
    ArrayNode array = NODES.arrayNode();
    int min = schema.path("minItems").asInt(0);
    int max = Math.min(schema.path("maxItems").asInt(min + 3), min + 3);
    int size = depth >= MAX_DEPTH ? min : min + random.nextInt(Math.max(1, max - min + 1));
    for (int i = 0; i < size; i++) {
      array.add(sample(schema.path("items"), depth + 1));
    }
    return array;
  }

  private String string(JsonNode schema) {
    String format = schema.path("format").asString("");
    if (format.equals("date-time")) {
      if (random.nextInt(10) == 0) {
        // valid to RFC 3339 and the contract, beyond java.time (±18:00): must be a 400, not a 500
        return "2026-11-21T00:00:00+19:00";
      }
      return "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T12:00:00Z";
    }
    if (format.equals("date")) {
      return "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
    }
    if (format.equals("email")) {
      return "fuzz" + random.nextInt(1_000_000) + "@example.com";
    }
    if (schema.has("pattern")) {
      Pattern pattern = Pattern.compile(schema.get("pattern").asString());
      for (String candidate : PATTERN_CANDIDATES) {
        if (pattern.matcher(candidate).find()) {
          return candidate;
        }
      }
    }
    if (random.nextBoolean()) {
      return COLUMNS.get(random.nextInt(COLUMNS.size()));
    }
    int min = schema.path("minLength").asInt(1);
    return "x".repeat(Math.max(min, 1 + random.nextInt(12)));
  }

  private long integer(JsonNode schema) {
    long min = schema.path("minimum").asLong(0);
    long max = schema.path("maximum").asLong(min + 100);
    return min + random.nextLong(Math.max(1, Math.min(max - min + 1, 1_000)));
  }

  private JsonNode anyValue() {
    return switch (random.nextInt(4)) {
      case 0 -> NODES.stringNode("EMEA");
      case 1 -> NODES.numberNode(random.nextInt(1000));
      case 2 -> NODES.booleanNode(random.nextBoolean());
      default -> NODES.nullNode();
    };
  }

  JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      schema = document.at(schema.get("$ref").asString().substring(1));
    }
    if (schema.has("allOf") && schema.get("allOf").size() == 1) {
      return resolve(schema.get("allOf").get(0));
    }
    return schema;
  }
}
