package dev.mark.sdk;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A real HttpClient that sends every request, but loses the response of the first POST: the
 * server has acted on it, and the caller sees a reset connection, as when a network drops an
 * answer on its way back. What it receives is held to the contract all the same.
 */
final class LosingHttpClient extends HttpClient {
  private final HttpClient real = new ContractCheckedHttpClient(HttpClient.newHttpClient());
  final AtomicInteger posts = new AtomicInteger();

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpResponse<T> response = real.send(request, handler);
    if (request.method().equals("POST") && posts.getAndIncrement() == 0) {
      throw new IOException("Connection reset (the response was lost on purpose)");
    }
    return response;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("the SDK sends synchronously");
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    throw new UnsupportedOperationException("the SDK sends synchronously");
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
}
