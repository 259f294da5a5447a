package dev.mark.platform.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code default}s of the contract's schemas, applied to a request before its handler sees
 * it: what an omitted parameter or property means is written once, in openapi.yaml, and no
 * handler restates it. Follows {@code $ref}s (a referenced schema's own default counts, as for
 * {@code SessionMode}), object {@code properties} and array {@code items} at any depth,
 * recursive schemas included. Defaults under {@code additionalProperties}, {@code allOf},
 * {@code oneOf} or {@code anyOf} are not applied; the contract declares none there.
 * Thread-safe.
 */
public final class SchemaDefaults {

  /**
   * What to fill in below one schema: its own default, and its properties' and items'.
   * {@code relevant} says whether anything at all is filled in at or below it, so that values
   * without defaults (10,000 ingested rows) are not walked.
   */
  private static final class Node {
    JsonNode value;
    final Map<String, Node> properties = new LinkedHashMap<>();
    Node items;
    boolean relevant;

    List<Node> children() {
      List<Node> children = new ArrayList<>(properties.values());
      if (items != null) {
        children.add(items);
      }
      return children;
    }
  }

  private final JsonNode document;
  private final Map<String, Node> roots = new ConcurrentHashMap<>();

  public SchemaDefaults(ApiContract contract) {
    this.document = JsonMapper.builder().build().readTree(contract.json());
  }

  /** Reads the schema at {@code pointer} now, so that a broken contract fails at startup. */
  public void preload(String pointer) {
    root(pointer);
  }

  /** The default of the schema at {@code pointer}, following a {@code $ref}; empty if none. */
  public Optional<JsonNode> of(String pointer) {
    return Optional.ofNullable(root(pointer).value).map(JsonNode::deepCopy);
  }

  /**
   * Adds to {@code value}, in place, every absent property that has a default, at any depth. A
   * property present with {@code null} stays null: only an omitted one takes the default.
   *
   * @param value a value already valid against the schema at {@code pointer}
   */
  public void apply(String pointer, JsonNode value) {
    Node root = root(pointer);
    if (root.relevant) {
      fill(root, value);
    }
  }

  private static void fill(Node node, JsonNode value) {
    if (value instanceof ObjectNode object) {
      node.properties.forEach((name, property) -> {
        JsonNode present = object.get(name);
        if (present == null && property.value != null) {
          object.set(name, property.value.deepCopy());
        } else if (present != null && property.relevant) {
          fill(property, present);
        }
      });
    } else if (value instanceof ArrayNode array && node.items != null && node.items.relevant) {
      for (JsonNode item : array) {
        fill(node.items, item);
      }
    }
  }

  private Node root(String pointer) {
    Node root = roots.get(pointer);
    return root != null ? root : roots.computeIfAbsent(pointer, this::compile);
  }

  private Node compile(String pointer) {
    Map<String, Node> nodes = new HashMap<>();
    Node root = node(pointer, nodes);
    markRelevant(nodes.values());
    return root;
  }

  /** The node of the schema at {@code pointer}; one per schema, so recursion ends. */
  private Node node(String pointer, Map<String, Node> nodes) {
    String resolved = resolve(pointer);
    Node known = nodes.get(resolved);
    if (known != null) {
      return known;
    }
    Node node = new Node();
    nodes.put(resolved, node);
    JsonNode schema = document.at(resolved);
    if (schema.has("default")) {
      node.value = schema.get("default");
    }
    for (String name : schema.path("properties").propertyNames()) {
      node.properties.put(name, node(resolved + "/properties/" + OperationReader.escape(name), nodes));
    }
    if (schema.has("items")) {
      node.items = node(resolved + "/items", nodes);
    }
    return node;
  }

  private String resolve(String pointer) {
    String current = pointer;
    for (int hops = 0; hops < 20; hops++) {
      JsonNode schema = document.at(current);
      if (schema.isMissingNode()) {
        throw new IllegalStateException("openapi.yaml has no schema at " + current);
      }
      JsonNode ref = schema.get("$ref");
      if (ref == null) {
        return current;
      }
      if (!ref.asString().startsWith("#/")) {
        throw new IllegalStateException("only local $refs are supported: " + ref.asString());
      }
      current = ref.asString().substring(1);
    }
    throw new IllegalStateException("$refs from " + pointer + " do not end");
  }

  /** A node is relevant if it or a property of it has a default, at any depth: a fixpoint. */
  private static void markRelevant(Iterable<Node> nodes) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Node node : nodes) {
        boolean relevant = node.children().stream().anyMatch(c -> c.relevant || c.value != null);
        if (relevant && !node.relevant) {
          node.relevant = true;
          changed = true;
        }
      }
    }
  }
}
