package dev.mark.platform.docs;

import dev.mark.platform.contract.ApiContract;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract as {@code /openapi.yaml} and {@code /openapi.json} serve it: as written, with the
 * server that answers listed first in {@code servers}, so that "Try it out" in {@code /docs}
 * calls the server the reader is looking at (a local or staging one), not production. The
 * servers the contract declares follow; the origin is not added again when it is one of them.
 * Immutable.
 */
final class ServedContract {

  static final String DESCRIPTION = "This server, which served this document";

  private static final Pattern SERVERS = Pattern.compile("^servers:[ \\t]*\\r?\\n", Pattern.MULTILINE);

  private final ObjectMapper mapper = JsonMapper.builder().build();
  private final String yaml;
  private final int yamlServersEnd;
  private final ObjectNode json;
  private final String writtenJson;

  ServedContract(ApiContract contract) {
    this.yaml = contract.yaml();
    Matcher servers = SERVERS.matcher(yaml);
    if (!servers.find()) {
      throw new IllegalStateException("openapi.yaml declares no top-level servers: list");
    }
    this.yamlServersEnd = servers.end();
    this.json = (ObjectNode) mapper.readTree(contract.json());
    this.writtenJson = mapper.writeValueAsString(json);
  }

  /** The YAML as written, with a first server entry for {@code origin} when there is one. */
  String yaml(Optional<String> origin) {
    if (origin.isEmpty() || isDeclared(origin.get())) {
      return yaml;
    }
    // RequestOrigin lets no quote through, so the single-quoted scalar cannot be broken out of
    String entry = "  - url: '" + origin.get() + "'\n    description: " + DESCRIPTION + "\n";
    return yaml.substring(0, yamlServersEnd) + entry + yaml.substring(yamlServersEnd);
  }

  /** The JSON form, with a first server entry for {@code origin} when there is one. */
  String json(Optional<String> origin) {
    if (origin.isEmpty() || isDeclared(origin.get())) {
      return writtenJson;
    }
    // a shallow copy: the subtrees are shared, read-only, and only servers is replaced
    ObjectNode served = mapper.createObjectNode();
    for (Map.Entry<String, JsonNode> field : json.properties()) {
      served.set(field.getKey(), field.getValue());
    }
    ArrayNode servers = served.putArray("servers");
    servers.addObject().put("url", origin.get()).put("description", DESCRIPTION);
    json.path("servers").forEach(servers::add);
    return mapper.writeValueAsString(served);
  }

  private boolean isDeclared(String origin) {
    for (JsonNode server : json.path("servers")) {
      if (origin.equals(server.path("url").asString(""))) {
        return true;
      }
    }
    return false;
  }
}
