package dev.mark.sdk;

import dev.mark.contractcheck.ContractResponses;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An HttpClient that holds every response it receives to the contract ({@link
 * ContractResponses}) before the caller sees it: the transport every SDK client of the live
 * tests sends through ({@link LiveServer#client()}, {@link GeneratedClients}), so that a
 * response the contract does not allow fails the test that received it with an
 * {@link AssertionError}, whatever the SDK makes of it. It reads each body whole, then hands it
 * to the caller's body handler.
 */
final class ContractCheckedHttpClient extends HttpClient {
  private final HttpClient real;

  ContractCheckedHttpClient(HttpClient real) {
    this.real = real;
  }

  /** A builder for the generated ApiClient, which takes one and builds its client itself. */
  static HttpClient.Builder builder(HttpClient.Builder real) {
    return new CheckedBuilder(real);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response = real.send(request, HttpResponse.BodyHandlers.ofByteArray());
    ContractResponses.check(request.method(), request.uri(), response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        new String(response.body(), StandardCharsets.UTF_8));
    return new Replayed<>(response, replay(response, handler));
  }

  /** Feeds the bytes already read to the caller's handler, as the network would have. */
  private static <T> T replay(HttpResponse<byte[]> response, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
      @Override public int statusCode() { return response.statusCode(); }
      @Override public HttpHeaders headers() { return response.headers(); }
      @Override public Version version() { return response.version(); }
    };
    HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
    subscriber.onSubscribe(new Flow.Subscription() {
      private boolean done;

      @Override
      public void request(long n) {
        if (!done && n > 0) {
          done = true;
          subscriber.onNext(List.of(ByteBuffer.wrap(response.body())));
          subscriber.onComplete();
        }
      }

      @Override
      public void cancel() {
        done = true;
      }
    });
    try {
      return subscriber.getBody().toCompletableFuture().join();
    } catch (RuntimeException e) {
      throw new IOException("the body handler failed on a replayed body", e);
    }
  }

  /** The response as received, with the body the caller's handler made of it. */
  private record Replayed<T>(HttpResponse<byte[]> received, T body) implements HttpResponse<T> {
    @Override public int statusCode() { return received.statusCode(); }
    @Override public HttpRequest request() { return received.request(); }
    @Override public Optional<HttpResponse<T>> previousResponse() { return Optional.empty(); }
    @Override public HttpHeaders headers() { return received.headers(); }
    @Override public Optional<SSLSession> sslSession() { return received.sslSession(); }
    @Override public java.net.URI uri() { return received.uri(); }
    @Override public Version version() { return received.version(); }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("the tests send synchronously");
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    throw new UnsupportedOperationException("the tests send synchronously");
  }

  @Override public Optional<CookieHandler> cookieHandler() { return real.cookieHandler(); }
  @Override public Optional<Duration> connectTimeout() { return real.connectTimeout(); }
  @Override public Redirect followRedirects() { return real.followRedirects(); }
  @Override public Optional<ProxySelector> proxy() { return real.proxy(); }
  @Override public SSLContext sslContext() { return real.sslContext(); }
  @Override public SSLParameters sslParameters() { return real.sslParameters(); }
  @Override public Optional<Authenticator> authenticator() { return real.authenticator(); }
  @Override public Version version() { return real.version(); }
  @Override public Optional<Executor> executor() { return real.executor(); }

  /** Builds the real client as configured, and wraps it. */
  private record CheckedBuilder(HttpClient.Builder real) implements HttpClient.Builder {
    @Override public Builder cookieHandler(CookieHandler handler) { real.cookieHandler(handler); return this; }
    @Override public Builder connectTimeout(Duration duration) { real.connectTimeout(duration); return this; }
    @Override public Builder sslContext(SSLContext context) { real.sslContext(context); return this; }
    @Override public Builder sslParameters(SSLParameters parameters) { real.sslParameters(parameters); return this; }
    @Override public Builder executor(Executor executor) { real.executor(executor); return this; }
    @Override public Builder followRedirects(Redirect policy) { real.followRedirects(policy); return this; }
    @Override public Builder version(Version version) { real.version(version); return this; }
    @Override public Builder priority(int priority) { real.priority(priority); return this; }
    @Override public Builder proxy(ProxySelector selector) { real.proxy(selector); return this; }
    @Override public Builder authenticator(Authenticator authenticator) { real.authenticator(authenticator); return this; }
    @Override public HttpClient build() { return new ContractCheckedHttpClient(real.build()); }
  }
}
