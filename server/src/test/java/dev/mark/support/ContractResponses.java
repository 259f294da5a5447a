package dev.mark.support;

import dev.mark.platform.contract.ApiContract;
import dev.mark.platform.contract.ContractOperation;
import dev.mark.platform.contract.SchemaValidator;
import dev.mark.platform.errors.FieldIssue;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every response the tests receive to the contract: its status must be declared for its
 * operation, its media type must be one the contract declares for that status, and a JSON body
 * must fit the declared schema. A path the contract does not know (the reference pages, an
 * unknown route) may answer anything that succeeds, but its errors must be problems too.
 */
public final class ContractResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ApiContract CONTRACT = ApiContract.load();
  private static final SchemaValidator SCHEMAS = new SchemaValidator(CONTRACT);
  private static final JsonNode DOCUMENT = JSON.readTree(CONTRACT.json());
  private static final String PROBLEM_SCHEMA = "/components/schemas/Problem";

  /** An operation of the contract with its path as a pattern; literal paths are tried first. */
  private record Route(ContractOperation operation, Pattern pattern, int parameters) {}

  private static final List<Route> ROUTES = CONTRACT.operations().values().stream()
      .map(op -> new Route(op, pattern(op.path()), op.path().split("\\{", -1).length - 1))
      .sorted(Comparator.comparingInt(Route::parameters))
      .toList();

  private ContractResponses() {}

  /**
   * @throws AssertionError naming the operation, the status and each way the response breaks
   *     the contract
   */
  public static void check(String method, URI uri, HttpResult result) {
    String path = uri.getRawPath();
    String shownPath = path.length() <= 200 ? path : path.substring(0, 200) + "…";
    Optional<Route> route = ROUTES.stream()
        .filter(r -> r.pattern().matcher(path).matches())
        .filter(r -> r.operation().method().equalsIgnoreCase(method))
        .findFirst();
    if (route.isEmpty()) {
      if (result.status() >= 400) {
        checkBody(method + " " + shownPath, PROBLEM_SCHEMA, result);
      }
      return;
    }
    ContractOperation operation = route.get().operation();
    String where = operation.operationId() + " (" + method + " " + shownPath + ") answered " + result.status();
    JsonNode responses = DOCUMENT.at("/paths/" + escape(operation.path()) + "/"
        + operation.method().toLowerCase(Locale.ROOT) + "/responses");
    String status = String.valueOf(result.status());
    String responsePointer;
    if (responses.has(status)) {
      responsePointer = "/paths/" + escape(operation.path()) + "/"
          + operation.method().toLowerCase(Locale.ROOT) + "/responses/" + status;
    } else if (responses.has("default")) {
      responsePointer = "/paths/" + escape(operation.path()) + "/"
          + operation.method().toLowerCase(Locale.ROOT) + "/responses/default";
    } else {
      throw new AssertionError(where + ", a status its contract does not declare");
    }
    JsonNode response = DOCUMENT.at(responsePointer);
    if (response.has("$ref")) {
      responsePointer = response.get("$ref").asString().substring(1);
      response = DOCUMENT.at(responsePointer);
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return;
    }
    String mediaType = result.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!content.has(mediaType)) {
      throw new AssertionError(where + " with Content-Type '" + result.contentType()
          + "', not one the contract declares: " + content.propertyNames());
    }
    if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      checkBody(where, responsePointer + "/content/" + escape(mediaType) + "/schema", result);
    }
  }

  private static void checkBody(String where, String schemaPointer, HttpResult result) {
    JsonNode body;
    try {
      body = result.json();
    } catch (RuntimeException e) {
      throw new AssertionError(where + " with a body that is not JSON: " + abbreviate(result.body()));
    }
    List<FieldIssue> issues = SCHEMAS.validate(schemaPointer, body, FieldIssue.Location.BODY, "");
    if (!issues.isEmpty()) {
      throw new AssertionError(where + " with a body that breaks the contract's schema: "
          + issues.stream().map(i -> i.pointer() + " " + i.message()).toList()
          + "\nbody: " + abbreviate(result.body()));
    }
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
