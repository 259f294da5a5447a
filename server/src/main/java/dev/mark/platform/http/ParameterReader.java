package dev.mark.platform.http;

import dev.mark.platform.contract.ContractOperation;
import dev.mark.platform.contract.ContractParameter;
import dev.mark.platform.contract.SchemaDefaults;
import dev.mark.platform.contract.SchemaValidator;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.json.JsonValueChecks;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads an operation's path, query and header parameters from a request: each raw text is
 * read as its schema's type, then checked against the schema; an omitted one takes its
 * schema's default, if it has one. Keys are {@code in:name} (header names in lower case).
 */
final class ParameterReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SchemaValidator validator;
  private final SchemaDefaults defaults;

  ParameterReader(SchemaValidator validator, SchemaDefaults defaults) {
    this.validator = validator;
    this.defaults = defaults;
  }

  Map<String, JsonNode> read(ContractOperation operation, Context ctx, List<FieldIssue> issues) {
    Map<String, JsonNode> values = new HashMap<>();
    for (ContractParameter parameter : operation.parameters()) {
      FieldIssue.Location location = locationOf(parameter.in());
      String pointer = "/" + parameter.name();
      String raw = raw(ctx, parameter);
      if (raw == null) {
        if (parameter.required()) {
          issues.add(new FieldIssue(location, pointer, "required", "is required"));
        } else {
          defaults.of(parameter.schemaPointer()).ifPresent(value -> values.put(key(parameter), value));
        }
        continue;
      }
      JsonNode value = typed(raw, parameter.type());
      if (value == null) {
        issues.add(new FieldIssue(location, pointer, "type", "must be " + describe(parameter.type())));
        continue;
      }
      List<FieldIssue> unsafe = JsonValueChecks.find(value, location, pointer);
      if (!unsafe.isEmpty()) {
        issues.addAll(unsafe);
        continue;
      }
      List<FieldIssue> found = validator.validate(parameter.schemaPointer(), value, location, pointer);
      if (found.isEmpty()) {
        values.put(key(parameter), value);
      }
      issues.addAll(found);
    }
    return values;
  }

  private static String raw(Context ctx, ContractParameter parameter) {
    return switch (parameter.in()) {
      case "path" -> ctx.pathParamMap().get(parameter.name());
      case "query" -> ctx.queryParam(parameter.name());
      case "header" -> ctx.header(parameter.name());
      default -> throw new IllegalStateException("parameters in " + parameter.in() + " are not supported");
    };
  }

  /** The raw text as a JSON value of the schema's type, or null if it is not one. */
  private static JsonNode typed(String raw, String type) {
    try {
      return switch (type) {
        case "integer" -> raw.matches("-?\\d{1,18}") ? NODES.numberNode(Long.parseLong(raw)) : null;
        case "number" -> NODES.numberNode(new BigDecimal(raw));
        case "boolean" -> raw.equals("true") || raw.equals("false")
            ? NODES.booleanNode(Boolean.parseBoolean(raw))
            : null;
        default -> NODES.stringNode(raw);
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String describe(String type) {
    return switch (type) {
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      default -> "a " + type;
    };
  }

  private static String key(ContractParameter parameter) {
    String name = parameter.in().equals("header") ? parameter.name().toLowerCase() : parameter.name();
    return parameter.in() + ":" + name;
  }

  static FieldIssue.Location locationOf(String in) {
    return switch (in) {
      case "path" -> FieldIssue.Location.PATH;
      case "query" -> FieldIssue.Location.QUERY;
      default -> FieldIssue.Location.HEADER;
    };
  }
}
