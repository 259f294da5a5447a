package dev.mark.support;

import dev.mark.contractcheck.ContractResponses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for the server under test, with the caller's API key preset. */
public final class TestClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;
  private final Map<String, String> headers;
  private final boolean heldToContract;

  public TestClient(String baseUrl, Map<String, String> headers) {
    this(baseUrl, headers, true);
  }

  private TestClient(String baseUrl, Map<String, String> headers, boolean heldToContract) {
    this.baseUrl = baseUrl;
    this.headers = Map.copyOf(headers);
    this.heldToContract = heldToContract;
  }

  /**
   * A client of a server the API contract does not describe (the operators' metrics port), whose
   * responses are not held to it.
   */
  public static TestClient outsideContract(String baseUrl) {
    return new TestClient(baseUrl, Map.of(), false);
  }

  /** A copy that also sends {@code name: value} (or, with a null value, drops the header). */
  public TestClient withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return new TestClient(baseUrl, copy, heldToContract);
  }

  public HttpResult get(String path) {
    return send(request(path).GET());
  }

  public HttpResult delete(String path) {
    return send(request(path).DELETE());
  }

  public HttpResult postJson(String path, String json) {
    return send(request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Posts JSON in chunks, without a {@code Content-Length}, as a streaming client would. */
  public HttpResult postJsonChunked(String path, String json) {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return send(request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
  }

  public HttpResult send(String method, String path, String contentType, String body) {
    HttpRequest.Builder builder = request(path);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends {@code body} as it is, bytes that are not UTF-8 included. */
  public HttpResult sendBytes(String method, String path, String contentType, byte[] body) {
    return send(request(path)
        .header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    headers.forEach(builder::header);
    return builder;
  }

  /** Sends the request and holds its response to the contract ({@link ContractResponses}). */
  private HttpResult send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    HttpResult result = exchange(request);
    if (heldToContract) {
      ContractResponses.check(request.method(), request.uri(), result.status(), result.contentType(), result.body());
    }
    return result;
  }

  private static HttpResult exchange(HttpRequest request) {
    try {
      return toResult(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResult toResult(HttpResponse<String> response) {
    return new HttpResult(response.statusCode(), response);
  }
}
