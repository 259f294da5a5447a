package dev.mark.sdk;

import dev.mark.sdk.client.ApiClient;
import dev.mark.sdk.client.ApiException;
import dev.mark.sdk.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;

/** Generated clients pointed at a {@link LiveServer}, and reading of the errors they throw. */
final class GeneratedClients {

  // a stuck server fails the test instead of hanging the build
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private GeneratedClients() {}

  /**
   * An {@link ApiClient} that sends {@code apiKey} on every request. The native library has no
   * auth support of its own, so the header goes in through the request interceptor.
   */
  static ApiClient withApiKey(LiveServer server, String apiKey) {
    return withoutApiKey(server)
        .setRequestInterceptor(request -> request.header("X-API-Key", apiKey));
  }

  /** An {@link ApiClient} that sends no credentials, its responses held to the contract. */
  static ApiClient withoutApiKey(LiveServer server) {
    return new ApiClient(
            ContractCheckedHttpClient.builder(HttpClient.newBuilder().connectTimeout(TIMEOUT)),
            ApiClient.createDefaultObjectMapper(),
            server.baseUrl())
        .setReadTimeout(TIMEOUT);
  }

  /** The problem+json document an {@link ApiException} carries as its body. */
  static Problem problemOf(ApiException e) {
    try {
      return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
    } catch (IOException parseFailure) {
      throw new UncheckedIOException(
          "not a problem document: " + e.getResponseBody(), parseFailure);
    }
  }
}
