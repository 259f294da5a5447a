package dev.mark.platform.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the parsed OpenAPI model into {@link ContractOperation}s, resolving {@code $ref}s to
 * components and recording where in the document each schema lives, so that the validator
 * checks values against the contract's own schemas.
 */
final class OperationReader {

  private static final String JSON = "application/json";
  private static final String COST = "x-mark-cost";
  private static final String SCOPE = "x-mark-scope";
  private static final List<String> SCOPES = List.of("read", "write", "manage");
  private static final Object MISSING = new Object();

  private final OpenAPI openApi;

  OperationReader(OpenAPI openApi) {
    this.openApi = openApi;
  }

  Map<String, ContractOperation> operations() {
    Map<String, ContractOperation> operations = new LinkedHashMap<>();
    openApi.getPaths().forEach((path, item) ->
        item.readOperationsMap().forEach((method, operation) -> {
          ContractOperation read = read(path, item, method, operation);
          if (operations.put(read.operationId(), read) != null) {
            throw new IllegalStateException("operationId " + read.operationId() + " is used twice");
          }
        }));
    return operations;
  }

  private ContractOperation read(
      String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
    String operationPointer = "/paths/" + escape(path) + "/" + method.name().toLowerCase();
    if (operation.getOperationId() == null) {
      throw new IllegalStateException(method + " " + path + " has no operationId");
    }
    List<ContractParameter> parameters = new ArrayList<>();
    addParameters(parameters, item.getParameters(), "/paths/" + escape(path) + "/parameters");
    addParameters(parameters, operation.getParameters(), operationPointer + "/parameters");
    Optional<ContractBody> body = body(operation, operationPointer);
    return new ContractOperation(
        operation.getOperationId(),
        method.name(),
        path,
        parameters,
        body,
        successStatus(operation),
        securitySchemes(operation),
        cost(operation),
        scope(operation));
  }

  /** The {@code x-mark-cost} of an operation: required, at least 1, on every secured one. */
  private int cost(Operation operation) {
    return securedExtension(operation, COST)
        .map(declared -> {
          if (!(declared instanceof Integer cost) || cost < 1) {
            throw new IllegalStateException(operation.getOperationId()
                + " needs " + COST + ": a whole number of at least 1, the units a call costs");
          }
          return cost;
        })
        .orElse(0);
  }

  /** The {@code x-mark-scope} of an operation: required on every secured one. */
  private Optional<String> scope(Operation operation) {
    return securedExtension(operation, SCOPE).map(declared -> {
      if (!(declared instanceof String scope) || !SCOPES.contains(scope)) {
        throw new IllegalStateException(operation.getOperationId()
            + " needs " + SCOPE + ": one of " + SCOPES);
      }
      return scope;
    });
  }

  /**
   * A vendor extension that every secured operation must declare and no public one may: empty
   * for a public operation; for a secured one, its value, or {@link #MISSING} (a value of no
   * valid type, which the callers refuse) when it is not declared.
   */
  private Optional<Object> securedExtension(Operation operation, String name) {
    Object declared = operation.getExtensions() == null
        ? null
        : operation.getExtensions().get(name);
    if (securitySchemes(operation).isEmpty()) {
      if (declared != null) {
        throw new IllegalStateException(operation.getOperationId()
            + " is public, so it is not rate-limited and needs no scope: remove its " + name);
      }
      return Optional.empty();
    }
    return Optional.of(declared == null ? MISSING : declared);
  }

  private void addParameters(List<ContractParameter> into, List<Parameter> declared, String pointer) {
    if (declared == null) {
      return;
    }
    for (int i = 0; i < declared.size(); i++) {
      Parameter parameter = declared.get(i);
      String schemaPointer = pointer + "/" + i + "/schema";
      if (parameter.get$ref() != null) {
        String name = simpleName(parameter.get$ref());
        parameter = openApi.getComponents().getParameters().get(name);
        schemaPointer = "/components/parameters/" + escape(name) + "/schema";
      }
      String in = parameter.getIn();
      String name = parameter.getName();
      into.removeIf(p -> p.name().equals(name) && p.in().equals(in));
      into.add(new ContractParameter(
          name, in, Boolean.TRUE.equals(parameter.getRequired()), typeOf(parameter.getSchema()), schemaPointer));
    }
  }

  private Optional<ContractBody> body(Operation operation, String operationPointer) {
    RequestBody body = operation.getRequestBody();
    if (body == null) {
      return Optional.empty();
    }
    String pointer = operationPointer + "/requestBody";
    if (body.get$ref() != null) {
      String name = simpleName(body.get$ref());
      pointer = "/components/requestBodies/" + escape(name);
      body = openApi.getComponents().getRequestBodies().get(name);
    }
    if (body.getContent() == null || body.getContent().isEmpty()) {
      throw new IllegalStateException(operationPointer + " declares a body without content");
    }
    MediaType json = body.getContent().get(JSON);
    Optional<String> jsonSchema = json == null || json.getSchema() == null
        ? Optional.empty()
        : Optional.of(pointer + "/content/" + escape(JSON) + "/schema");
    List<String> raw = body.getContent().keySet().stream().filter(type -> !type.equals(JSON)).toList();
    boolean bulk = operation.getExtensions() != null
        && Boolean.TRUE.equals(operation.getExtensions().get("x-mark-bulk"));
    return Optional.of(new ContractBody(Boolean.TRUE.equals(body.getRequired()), jsonSchema, raw, bulk));
  }

  private String typeOf(Schema<?> schema) {
    if (schema == null) {
      return "string";
    }
    if (schema.get$ref() != null) {
      return typeOf(openApi.getComponents().getSchemas().get(simpleName(schema.get$ref())));
    }
    return schema.getType() == null ? "string" : schema.getType();
  }

  private static int successStatus(Operation operation) {
    return operation.getResponses().keySet().stream()
        .filter(code -> code.matches("2\\d\\d"))
        .mapToInt(Integer::parseInt)
        .min()
        .orElseThrow(() -> new IllegalStateException(
            operation.getOperationId() + " declares no 2xx response"));
  }

  private List<String> securitySchemes(Operation operation) {
    List<SecurityRequirement> requirements = operation.getSecurity() != null
        ? operation.getSecurity()
        : openApi.getSecurity();
    if (requirements == null) {
      return List.of();
    }
    List<String> schemes = new ArrayList<>();
    for (SecurityRequirement requirement : requirements) {
      if (requirement.size() > 1) {
        throw new IllegalStateException(operation.getOperationId()
            + " requires several schemes at once, which the binder does not support");
      }
      schemes.addAll(requirement.keySet());
    }
    return schemes;
  }

  private static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  /** Escapes a JSON pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
