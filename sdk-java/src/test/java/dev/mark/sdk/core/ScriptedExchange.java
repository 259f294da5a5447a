package dev.mark.sdk.core;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A network that answers each request with the next scripted outcome (a response, or an
 * IOException to throw) and records the requests; it fails loudly when called once too often.
 */
final class ScriptedExchange implements Exchange {
  private final Deque<Object> outcomes = new ArrayDeque<>();
  final List<HttpRequest> requests = new ArrayList<>();

  static ScriptedExchange of(Object... outcomes) {
    ScriptedExchange exchange = new ScriptedExchange();
    exchange.outcomes.addAll(List.of(outcomes));
    return exchange;
  }

  @Override
  public HttpResponse<byte[]> send(HttpRequest request) throws IOException {
    requests.add(request);
    Object next = outcomes.poll();
    if (next == null) {
      throw new AssertionError("unexpected request " + requests.size() + ": " + request);
    }
    if (next instanceof IOException) {
      throw (IOException) next;
    }
    return ((Answer) next).to(request);
  }

  /** The body a request was built with, as text ("" for none). */
  static String bodyOf(HttpRequest request) {
    return new String(bytesOf(request), StandardCharsets.UTF_8);
  }

  /** The body a request was built with, as bytes (none for none). */
  static byte[] bytesOf(HttpRequest request) {
    if (request.bodyPublisher().isEmpty()) {
      return new byte[0];
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    request.bodyPublisher().get().subscribe(new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
      @Override public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override public void onNext(java.nio.ByteBuffer item) {
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.writeBytes(chunk);
      }

      @Override public void onError(Throwable throwable) {
        throw new AssertionError(throwable);
      }

      @Override public void onComplete() {}
    });
    return bytes.toByteArray();
  }

  /** A problem+json answer, as the server writes one. */
  static Answer problem(int status, String code, String... headers) {
    String body = "{\"type\":\"https://mark.dev/problems/" + code + "\",\"title\":\"" + code + "\",\"status\":" + status
        + ",\"code\":\"" + code + "\",\"detail\":\"why\",\"request_id\":\"req_test\"}";
    return new Answer(status, body, with(headers, "Content-Type", "application/problem+json", "X-Request-Id", "req_test"));
  }

  static Answer json(int status, String body, String... headers) {
    return new Answer(status, body, with(headers, "Content-Type", "application/json"));
  }

  private static String[] with(String[] headers, String... more) {
    String[] all = new String[headers.length + more.length];
    System.arraycopy(more, 0, all, 0, more.length);
    System.arraycopy(headers, 0, all, more.length, headers.length);
    return all;
  }

  static HttpHeaders headers(String... namesAndValues) {
    Map<String, List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }

  /** A scripted response: status, body and headers as name, value, name, value… */
  static final class Answer {
    final int status;
    final String body;
    final String[] headers;

    Answer(int status, String body, String... headers) {
      this.status = status;
      this.body = body;
      this.headers = headers;
    }

    HttpResponse<byte[]> to(HttpRequest request) {
      HttpHeaders responseHeaders = headers(headers);
      return new HttpResponse<byte[]>() {
        @Override public int statusCode() { return status; }
        @Override public HttpRequest request() { return request; }
        @Override public Optional<HttpResponse<byte[]>> previousResponse() { return Optional.empty(); }
        @Override public HttpHeaders headers() { return responseHeaders; }
        @Override public byte[] body() { return body.getBytes(StandardCharsets.UTF_8); }
        @Override public Optional<SSLSession> sslSession() { return Optional.empty(); }
        @Override public URI uri() { return request.uri(); }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
      };
    }
  }
}
