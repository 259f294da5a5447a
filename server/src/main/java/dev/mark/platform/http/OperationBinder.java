package dev.mark.platform.http;

import dev.mark.platform.contract.ApiContract;
import dev.mark.platform.contract.ContractBody;
import dev.mark.platform.contract.ContractOperation;
import dev.mark.platform.contract.SchemaDefaults;
import dev.mark.platform.contract.SchemaValidator;
import dev.mark.platform.errors.ApiException;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.Forbidden;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.idempotency.Idempotency;
import dev.mark.platform.idempotency.IdempotencyScope;
import dev.mark.platform.idempotency.StoredResponse;
import dev.mark.platform.json.JsonValueChecks;
import dev.mark.platform.ratelimit.Admission;
import dev.mark.platform.ratelimit.CallGuard;
import dev.mark.platform.ratelimit.Charges;
import dev.mark.platform.security.Authenticators;
import dev.mark.platform.security.CallerRequest;
import dev.mark.platform.security.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Registers the operations of the contract on Javalin. The generated {@code …ApiRoutes} classes
 * call {@link #bind} once per operation; for each request the binder then authenticates the
 * caller under the operation's security schemes, charges the operation's cost to the caller's
 * rate limits (headers and {@code Mark-Cost} on every response; units given back when the call
 * fails on the server's side, see {@link ApiException#charged()}), lets the handler charge more
 * by weight ({@link ApiCall#charges()}),
 * reads and validates every parameter and the body against the contract and fills in the
 * schema's defaults of what was omitted (handlers never restate them), replays or records
 * idempotent POSTs (recording in the transaction of the handler's own work), calls the handler, answers with the operation's declared success status and
 * meters the answered call. Nothing else registers an API route.
 */
public final class OperationBinder {

  /** Calls a handler with a validated call; returns the response body, or null for none. */
  @FunctionalInterface
  public interface Invocation {
    Object invoke(ApiCall call) throws Exception;
  }

  private final RoutesConfig routes;
  private final ApiContract contract;
  private final SchemaValidator validator;
  private final SchemaDefaults defaults;
  private final Authenticators authenticators;
  private final Idempotency idempotency;
  private final CallGuard guard;
  private final ObjectMapper mapper;
  private final ParameterReader parameters;
  private final BodyReader bodies;
  private final Set<String> bound = new LinkedHashSet<>();

  public OperationBinder(RoutesConfig routes, ApiContract contract, SchemaValidator validator,
      Authenticators authenticators, Idempotency idempotency, CallGuard guard, ObjectMapper mapper,
      BodyLimits limits) {
    this.routes = routes;
    this.contract = contract;
    this.validator = validator;
    this.defaults = new SchemaDefaults(contract);
    this.authenticators = authenticators;
    this.idempotency = idempotency;
    this.guard = guard;
    this.mapper = mapper;
    this.parameters = new ParameterReader(validator, defaults);
    this.bodies = new BodyReader(mapper, limits);
  }

  /**
   * Binds one operation; the method and path must be the contract's.
   *
   * @throws IllegalStateException when the operation is unknown, bound twice, or disagrees with
   *     the contract; this fails startup, and so every test
   */
  public void bind(String operationId, String method, String path, Invocation invocation) {
    ContractOperation operation = contract.operation(operationId).orElseThrow(() ->
        new IllegalStateException(operationId + " is not an operation of openapi.yaml"));
    if (!operation.method().equals(method) || !operation.path().equals(path)) {
      throw new IllegalStateException(operationId + " is " + operation.method() + " "
          + operation.path() + " in openapi.yaml, not " + method + " " + path);
    }
    if (!bound.add(operationId)) {
      throw new IllegalStateException(operationId + " is bound twice");
    }
    authenticators.requireSupport(operationId, operation.securitySchemes());
    operation.parameters().forEach(p -> {
      validator.preload(p.schemaPointer());
      defaults.preload(p.schemaPointer());
    });
    operation.body().flatMap(ContractBody::jsonSchemaPointer).ifPresent(pointer -> {
      validator.preload(pointer);
      defaults.preload(pointer);
    });
    routes.addHttpHandler(HandlerType.findOrCreate(method), path, ctx -> {
      ctx.attribute(Requests.OPERATION_ATTRIBUTE, operationId);
      handle(operation, invocation, ctx);
    });
  }

  /**
   * Checks that every operation of the contract is bound.
   *
   * @throws IllegalStateException naming the operations without a handler
   */
  public void requireAllBound() {
    Set<String> missing = new TreeSet<>(contract.operations().keySet());
    missing.removeAll(bound);
    if (!missing.isEmpty()) {
      throw new IllegalStateException("operations of openapi.yaml without a handler: " + missing);
    }
  }

  private void handle(ContractOperation operation, Invocation invocation, Context ctx)
      throws Exception {
    ContextRequest request = new ContextRequest(ctx);
    if (!operation.isPublic()) {
      // set before authenticating, so that refusals are not cached either
      ctx.header(SecurityHeaders.CACHE_CONTROL, SecurityHeaders.NO_STORE);
    }
    Principal principal = operation.isPublic()
        ? null
        : authenticators.authenticate(operation.securitySchemes(), request);
    if (principal == null) {
      handleAdmitted(operation, invocation, ctx, request, null, Charges.NONE);
      return;
    }
    CallCharges charges = new CallCharges(guard, principal, ctx);
    int status = 500;
    boolean charged = false;
    try {
      requireEnvironment(principal, request);
      charges.admit(operation);
      handleAdmitted(operation, invocation, ctx, request, principal, charges);
      status = ctx.statusCode();
      charged = true;
    } catch (ApiException e) {
      status = e.code().status();
      charged = e.charged();
      throw e;
    } finally {
      // anything else thrown is a failure on the server's side: its units go back
      if (!charged) {
        charges.refund();
      }
      guard.answered(principal, status, charges.units());
    }
  }

  private void handleAdmitted(ContractOperation operation, Invocation invocation, Context ctx,
      ContextRequest request, Principal principal, Charges charges) throws Exception {
    List<FieldIssue> issues = new ArrayList<>();
    Map<String, JsonNode> values = parameters.read(operation, ctx, issues);
    RawBody raw = operation.body().isPresent()
        ? bodies.read(ctx, operation.body().get())
        : RawBody.none();
    JsonNode json = readJson(operation, raw, issues);
    if (!issues.isEmpty()) {
      throw BadRequest.validation(issues);
    }
    ApiCall call = new ApiCall(Requests.id(ctx), principal, values, json, raw, mapper,
        request, ctx.ip(), charges);
    Optional<IdempotencyScope> scope = idempotencyScope(operation, principal, values);
    if (scope.isEmpty()) {
      respond(ctx, operation, call, invocation.invoke(call));
      return;
    }
    Idempotency.Outcome outcome = idempotency.run(scope.get(), operation.operationId(),
        raw.fingerprint(), () -> {
          StoredResponse response = toResponse(operation, call, invocation.invoke(call));
          return new Idempotency.FirstAnswer(response, call.isShowingSecret());
        });
    if (outcome.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    } else {
      addHeaders(ctx, call);
    }
    write(ctx, outcome.response());
  }

  /**
   * A {@code Mark-Environment} header must name the environment the caller acts in: a session
   * picks its environment with it, while an API key's is fixed, so a different one is refused
   * rather than ignored.
   */
  private static void requireEnvironment(Principal principal, CallerRequest request) {
    String wanted = request.header(CallerRequest.ENVIRONMENT_HEADER);
    if (wanted != null && !wanted.equals(principal.environment())) {
      throw new Forbidden(ProblemCode.ENVIRONMENT_MISMATCH, "These credentials act in the "
          + principal.environment() + " environment, not in the one Mark-Environment names.");
    }
  }

  /** The body parsed and validated, when it is JSON; null otherwise. */
  private JsonNode readJson(ContractOperation operation, RawBody raw, List<FieldIssue> issues) {
    if (operation.body().isEmpty()) {
      return null;
    }
    ContractBody accepted = operation.body().get();
    if (raw.isEmpty()) {
      if (accepted.required()) {
        issues.add(FieldIssue.body("", "required",
            "a body is required, as " + String.join(" or ", accepted.mediaTypes())));
      }
      return null;
    }
    if (!raw.isJson() || accepted.bulk()) {
      // a bulk body is streamed by its handler, which checks it against the same schema as it reads
      return null;
    }
    JsonNode body = bodies.json(raw.bytes());
    // text PostgreSQL cannot store and numbers without end are refused before anything reads them
    List<FieldIssue> unsafe = JsonValueChecks.find(body, FieldIssue.Location.BODY, "");
    if (!unsafe.isEmpty()) {
      issues.addAll(unsafe);
      return body;
    }
    String schema = accepted.jsonSchemaPointer().orElseThrow();
    List<FieldIssue> found = validator.validate(schema, body, FieldIssue.Location.BODY, "");
    if (found.isEmpty()) {
      defaults.apply(schema, body);
    }
    issues.addAll(found);
    return body;
  }

  private static Optional<IdempotencyScope> idempotencyScope(ContractOperation operation,
      Principal principal, Map<String, JsonNode> values) {
    JsonNode key = values.get("header:idempotency-key");
    if (!operation.isIdempotent() || principal == null || key == null) {
      return Optional.empty();
    }
    return Optional.of(new IdempotencyScope(principal.accountId(), principal.environment(), key.asString()));
  }

  private void respond(Context ctx, ContractOperation operation, ApiCall call, Object result) {
    StoredResponse response = toResponse(operation, call, result);
    addHeaders(ctx, call);
    write(ctx, response);
  }

  private StoredResponse toResponse(ContractOperation operation, ApiCall call, Object result) {
    byte[] body = result == null ? new byte[0] : mapper.writeValueAsBytes(result);
    return new StoredResponse(operation.successStatus(), body, call.location());
  }

  private static void addHeaders(Context ctx, ApiCall call) {
    call.responseHeaders().forEach(header -> ctx.res().addHeader(header.getKey(), header.getValue()));
  }

  private static void write(Context ctx, StoredResponse response) {
    ctx.status(response.status());
    response.location().ifPresent(location -> ctx.header("Location", location));
    if (response.body().length > 0) {
      ctx.contentType("application/json").result(response.body());
    } else {
      // no body, no type: Javalin would otherwise say text/plain
      ctx.res().setContentType(null);
    }
  }
}
