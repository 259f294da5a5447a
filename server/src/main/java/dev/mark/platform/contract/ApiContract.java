package dev.mark.platform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API contract, {@code openapi.yaml}, read once at startup with swagger-parser: its text
 * (served as-is), its JSON form, and its operations by {@code operationId}. Immutable.
 */
public final class ApiContract {

  private static final String RESOURCE = "/dev/mark/contract/openapi.yaml";

  private final String yaml;
  private final String json;
  private final Map<String, ContractOperation> operations;
  private final List<PathTemplate> paths;

  private ApiContract(String yaml, String json, Map<String, ContractOperation> operations) {
    this.yaml = yaml;
    this.json = json;
    this.operations = Map.copyOf(operations);
    this.paths = operations.values().stream()
        .map(ContractOperation::path)
        .distinct()
        .map(PathTemplate::new)
        .toList();
  }

  /** Reads the contract bundled with the server; fails fast if it is not valid OpenAPI. */
  public static ApiContract load() {
    try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the contract " + RESOURCE + " is not on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ApiContract parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    OpenAPI openApi = result.getOpenAPI();
    if (openApi == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
      throw new IllegalStateException("openapi.yaml is not valid: " + result.getMessages());
    }
    try {
      JsonNode tree = Yaml.mapper().readTree(yaml);
      String json = io.swagger.v3.core.util.Json.mapper().writeValueAsString(tree);
      return new ApiContract(yaml, json, new OperationReader(openApi).operations());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract exactly as written. */
  public String yaml() {
    return yaml;
  }

  /** The contract as JSON. */
  public String json() {
    return json;
  }

  public Map<String, ContractOperation> operations() {
    return operations;
  }

  public Optional<ContractOperation> operation(String operationId) {
    return Optional.ofNullable(operations.get(operationId));
  }

  /** The methods the contract declares for the path template that matches {@code requestPath}. */
  public Set<String> allowedMethods(String requestPath) {
    Set<String> methods = new TreeSet<>();
    for (PathTemplate template : paths) {
      if (template.matches(requestPath)) {
        operations.values().stream()
            .filter(op -> op.path().equals(template.template()))
            .forEach(op -> methods.add(op.method()));
      }
    }
    return methods;
  }

  /** Operations keyed by "METHOD path", for comparing with what a router serves. */
  public Map<String, String> operationsByRoute() {
    Map<String, String> routes = new LinkedHashMap<>();
    operations.values().forEach(op -> routes.put(op.method() + " " + op.path(), op.operationId()));
    return routes;
  }
}
