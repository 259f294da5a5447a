package dev.mark.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Breaks a well-formed value the ways hostile or careless callers do: a wrong type, a missing or
 * unknown property, text PostgreSQL refuses (NUL, lone surrogates), sizes past every limit,
 * numbers past every range, times java.time cannot hold. {@link #RAW_NUMBER} stands for a number no parser should build,
 * written into the body's text after serialisation.
 */
final class Mutator {

  /** A placeholder replaced, in the serialised body, by {@link #HUGE_EXPONENT}. */
  static final String RAW_NUMBER = "\u0001raw-number\u0001";
  static final String HUGE_EXPONENT = "1E+2147483648";

  /**
   * Times that break RFC 3339, and times RFC 3339 (and so the contract) allows but java.time
   * cannot hold: an offset beyond ±18:00, a fraction finer than nanoseconds.
   */
  private static final List<String> BAD_TIMES = List.of("9999-99-99T99:99:99Z",
      "2026-11-21T00:00:00+19:00", "2026-11-21T00:00:00.1234567891Z");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SplittableRandom random;

  Mutator(SplittableRandom random) {
    this.random = random;
  }

  /** A copy of {@code value} with one part of it broken. */
  JsonNode mutate(JsonNode value) {
    JsonNode copy = value.deepCopy();
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(copy, containers);
    if (containers.isEmpty()) {
      return hostile();
    }
    JsonNode container = containers.get(random.nextInt(containers.size()));
    if (container instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      switch (random.nextInt(3)) {
        case 0 -> object.set("unexpected_" + random.nextInt(100), hostile());
        case 1 -> {
          if (!names.isEmpty()) {
            object.remove(names.get(random.nextInt(names.size())));
          }
        }
        default -> {
          if (!names.isEmpty()) {
            object.set(names.get(random.nextInt(names.size())), hostile());
          }
        }
      }
    } else if (container instanceof ArrayNode array) {
      if (random.nextBoolean() && !array.isEmpty()) {
        array.set(random.nextInt(array.size()), hostile());
      } else {
        int copies = random.nextInt(3) == 0 ? 20_000 : 3;
        JsonNode element = array.isEmpty() ? hostile() : array.get(0);
        for (int i = 0; i < copies; i++) {
          array.add(element.deepCopy());
        }
      }
    }
    return copy;
  }

  /** A value that no schema of the contract should take as it is. */
  JsonNode hostile() {
    return switch (random.nextInt(16)) {
      case 0 -> NODES.stringNode("nul\u0000inside");
      case 1 -> NODES.stringNode("lone\ud800surrogate");
      case 2 -> NODES.stringNode("x".repeat(70_000));
      case 3 -> NODES.stringNode("");
      case 4 -> NODES.stringNode("'; drop table datasets; --");
      case 5 -> NODES.stringNode("xmin");
      case 6 -> NODES.numberNode(Long.MAX_VALUE);
      case 7 -> NODES.numberNode(-1);
      case 8 -> NODES.numberNode(1e308);
      case 9 -> NODES.stringNode(RAW_NUMBER);
      case 10 -> NODES.nullNode();
      case 11 -> NODES.booleanNode(true);
      case 12 -> NODES.arrayNode().add(NODES.objectNode());
      case 13 -> nested(200);
      case 14 -> NODES.stringNode(BAD_TIMES.get(random.nextInt(BAD_TIMES.size())));
      default -> NODES.objectNode().put("or", "{}");
    };
  }

  private static JsonNode nested(int depth) {
    JsonNode node = NODES.arrayNode();
    for (int i = 0; i < depth; i++) {
      node = NODES.arrayNode().add(node);
    }
    return node;
  }

  private static void collectContainers(JsonNode node, List<JsonNode> containers) {
    if (node.isObject() || node.isArray()) {
      containers.add(node);
      for (JsonNode child : node) {
        collectContainers(child, containers);
      }
    }
  }
}
