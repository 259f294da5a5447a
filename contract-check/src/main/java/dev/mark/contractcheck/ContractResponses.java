package dev.mark.contractcheck;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Holds every response a test receives to the contract, {@code openapi.yaml}: its status must
 * be declared for its operation, its media type must be one the contract declares for that
 * status, and a JSON body must fit the declared schema (OpenAPI 3.0 dialect, with the validator
 * the server checks requests with). A path the contract does not know (the reference pages, an
 * unknown route) may answer anything that succeeds, but its errors must be problems too.
 * Thread-safe; the contract is read once per JVM.
 */
public final class ContractResponses {

  private static final String RESOURCE = "/dev/mark/contractcheck/openapi.yaml";
  private static final String DOCUMENT_URI = "https://mark.dev/openapi.json";
  private static final String PROBLEM_SCHEMA = "/components/schemas/Problem";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNode DOCUMENT = readContract();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
      Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(DOCUMENT_URI, JSON.writeValueAsString(DOCUMENT))));
  private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

  /** An operation of the contract with its path as a pattern; literal paths are tried first. */
  private record Route(String method, String path, String operationId, Pattern pattern, int parameters) {}

  private static final List<Route> ROUTES = routes();

  private ContractResponses() {}

  /**
   * @param contentType the response's {@code Content-Type}, or null when it had none
   * @throws AssertionError naming the operation, the status and each way the response breaks
   *     the contract
   */
  public static void check(String method, URI uri, int status, String contentType, String body) {
    String path = uri.getRawPath();
    String shownPath = path.length() <= 200 ? path : path.substring(0, 200) + "…";
    Optional<Route> route = ROUTES.stream()
        .filter(r -> r.method().equalsIgnoreCase(method))
        .filter(r -> r.pattern().matcher(path).matches())
        .findFirst();
    if (route.isEmpty()) {
      if (status >= 400) {
        checkBody(method + " " + shownPath + " answered " + status, PROBLEM_SCHEMA, body);
      }
      return;
    }
    Route operation = route.get();
    String where = operation.operationId() + " (" + method + " " + shownPath + ") answered " + status;
    String operationPointer = "/paths/" + escape(operation.path()) + "/" + operation.method();
    JsonNode responses = DOCUMENT.at(operationPointer + "/responses");
    String declared = responses.has(String.valueOf(status)) ? String.valueOf(status) : "default";
    if (!responses.has(declared)) {
      throw new AssertionError(where + ", a status its contract does not declare");
    }
    String responsePointer = operationPointer + "/responses/" + declared;
    JsonNode response = DOCUMENT.at(responsePointer);
    if (response.has("$ref")) {
      responsePointer = response.get("$ref").asString().substring(1);
      response = DOCUMENT.at(responsePointer);
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return;
    }
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!content.has(mediaType)) {
      throw new AssertionError(where + " with Content-Type '" + contentType
          + "', not one the contract declares: " + content.propertyNames());
    }
    if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      checkBody(where, responsePointer + "/content/" + escape(mediaType) + "/schema", body);
    }
  }

  private static void checkBody(String where, String schemaPointer, String body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (RuntimeException e) {
      throw new AssertionError(where + " with a body that is not JSON: " + abbreviate(body));
    }
    List<Error> errors = schema(schemaPointer).validate(json);
    if (!errors.isEmpty()) {
      throw new AssertionError(where + " with a body that breaks the contract's schema: "
          + errors.stream().map(Error::toString).toList() + "\nbody: " + abbreviate(body));
    }
  }

  private static Schema schema(String pointer) {
    return LOADED.computeIfAbsent(pointer,
        p -> SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p)));
  }

  private static JsonNode readContract() {
    try (InputStream in = ContractResponses.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the contract " + RESOURCE + " is not on the classpath");
      }
      return YAMLMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : DOCUMENT.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          routes.add(new Route(operation.getKey(), path.getKey(), operation.getValue().path("operationId").asString(),
              pattern(path.getKey()), path.getKey().split("\\{", -1).length - 1));
        }
      }
    }
    routes.sort(Comparator.comparingInt(Route::parameters));
    return List.copyOf(routes);
  }

  private static Pattern pattern(String template) {
    StringBuilder regex = new StringBuilder();
    for (String segment : template.split("/", -1)) {
      if (!regex.isEmpty() || !segment.isEmpty()) {
        regex.append('/');
      }
      regex.append(segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment));
    }
    return Pattern.compile(regex.toString());
  }

  private static String escape(String pointerToken) {
    return pointerToken.replace("~", "~0").replace("/", "~1");
  }

  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }
}
