package dev.mark.platform.http;

import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.ratelimit.Charges;
import dev.mark.platform.security.CallerRequest;
import dev.mark.platform.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One call of an operation, after the binder has authenticated it and validated its
 * parameters and body against the contract: handlers read who is calling and, through the
 * generated routes, the typed inputs. Not thread-safe; lives for one request.
 */
public final class ApiCall {

  private final String requestId;
  private final Principal principal;
  private final Map<String, JsonNode> parameters;
  private final JsonNode body;
  private final RawBody rawBody;
  private final ObjectMapper mapper;
  private final CallerRequest request;
  private final String clientAddress;
  private final Charges charges;
  private final List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
  private String location;
  private boolean showsSecret;

  ApiCall(String requestId, Principal principal, Map<String, JsonNode> parameters, JsonNode body,
      RawBody rawBody, ObjectMapper mapper, CallerRequest request, String clientAddress,
      Charges charges) {
    this.charges = charges;
    this.requestId = requestId;
    this.request = request;
    this.clientAddress = clientAddress;
    this.principal = principal;
    this.parameters = parameters;
    this.body = body;
    this.rawBody = rawBody;
    this.mapper = mapper;
  }

  public String requestId() {
    return requestId;
  }

  /**
   * The authenticated caller.
   *
   * @throws IllegalStateException for a public operation, which has none
   */
  public Principal principal() {
    if (principal == null) {
      throw new IllegalStateException("a public operation has no principal");
    }
    return principal;
  }

  /**
   * The request's method, headers and cookies as they arrived, for what the contract describes
   * in its security schemes rather than as parameters (session cookies, {@code X-CSRF-Token},
   * {@code Origin}). Prefer the validated parameters for everything else.
   */
  public CallerRequest request() {
    return request;
  }

  /**
   * Charges this call more units than its operation's {@code x-mark-cost}, for operations
   * priced by weight; charges nothing on a public operation.
   */
  public Charges charges() {
    return charges;
  }

  /** The address of the client (the peer of the connection). */
  public String clientAddress() {
    return clientAddress;
  }

  /**
   * Adds a header to the success response, such as {@code Set-Cookie}; a name may repeat. The
   * contract declares each one on the operation's response.
   */
  public void addHeader(String name, String value) {
    responseHeaders.add(Map.entry(name, value));
  }

  List<Map.Entry<String, String>> responseHeaders() {
    return responseHeaders;
  }

  /** Sets the {@code Location} header of a 201 response. */
  public void location(String path) {
    this.location = path;
  }

  Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /**
   * Marks the response as showing a secret (an API key's): it is then never stored for an
   * idempotent replay, so the secret is at rest nowhere.
   */
  public void showsSecret() {
    this.showsSecret = true;
  }

  boolean isShowingSecret() {
    return showsSecret;
  }

  /** A path parameter, already checked against its schema. */
  public <T> T path(String name, Class<T> type) {
    return parameter("path", name, type);
  }

  /**
   * A query parameter, already checked against its schema; when absent, its schema's default,
   * or null if it has none.
   */
  public <T> T query(String name, Class<T> type) {
    return parameter("query", name, type);
  }

  /**
   * A header parameter, already checked against its schema; when absent, its schema's default,
   * or null if it has none.
   */
  public <T> T header(String name, Class<T> type) {
    return parameter("header", name.toLowerCase(), type);
  }

  /**
   * The body as it arrived (decompressed), for operations that accept media types other than
   * JSON, such as CSV.
   */
  public RawBody rawBody() {
    return rawBody;
  }

  /**
   * The JSON body, already checked against its schema, with the schema's defaults filled in for
   * omitted properties; null when the body is not JSON.
   *
   * @throws dev.mark.platform.errors.BadRequest naming a value the schema allows but {@code type}
   *     cannot hold (see {@link ModelBinding})
   */
  public <T> T body(Class<T> type) {
    if (body == null) {
      return null;
    }
    // a body kept as a JSON tree (bulk rows) is handed over as is, not copied node by node
    return type.isInstance(body)
        ? type.cast(body)
        : ModelBinding.read(mapper, body, type, FieldIssue.Location.BODY, "");
  }

  /** @throws dev.mark.platform.errors.BadRequest as {@link #body} does */
  private <T> T parameter(String in, String name, Class<T> type) {
    JsonNode value = parameters.get(in + ":" + name);
    if (value == null) {
      return null;
    }
    // most parameters are IDs: a string needs no trip through the mapper
    return type == String.class && value.isString()
        ? type.cast(value.asString())
        : ModelBinding.read(mapper, value, type, ParameterReader.locationOf(in), "/" + name);
  }
}
