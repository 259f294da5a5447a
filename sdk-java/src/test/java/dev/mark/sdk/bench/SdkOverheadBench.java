package dev.mark.sdk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mark.sdk.client.ApiClient;
import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.model.Dataset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * SDK overhead per call, Java: {@code datasets().get} against a raw HttpClient send plus
 * Jackson parse of the same GET /v1/datasets/{id}, interleaved in rounds (alternating which goes first) so that drift hits
 * both alike. Run through bench/sdk-overhead.sh: args are base URL, key, dataset, rounds, calls per round.
 */
public final class SdkOverheadBench {
  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    String apiKey = args[1];
    String datasetId = args[2];
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int perRound = args.length > 4 ? Integer.parseInt(args[4]) : 200;

    // exec:java runs inside Maven's JVM, whose proxy settings (for Maven Central) must not
    // apply to localhost; both sides use the same kind of client
    HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    ObjectMapper mapper = ApiClient.createDefaultObjectMapper();
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/datasets/" + datasetId))
        .header("X-API-Key", apiKey).header("Accept", "application/json").build();
    Call raw = () -> {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("raw: " + response.statusCode());
      }
      return mapper.readValue(response.body(), Dataset.class);
    };
    MarkClient mark = MarkClient.builder().apiKey(apiKey).baseUrl(baseUrl)
        .httpClient(HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()).build();
    Call sdk = () -> mark.datasets().get(datasetId).data();

    time(raw, 2_000); // warm-up: JIT, connection pool
    time(sdk, 2_000);
    long rawNanos = 0;
    long sdkNanos = 0;
    for (int r = 0; r < rounds; r++) {
      // alternate which goes first, so that neither always runs on the warmer (or busier) side
      if (r % 2 == 0) {
        rawNanos += time(raw, perRound);
      }
      sdkNanos += time(sdk, perRound);
      if (r % 2 == 1) {
        rawNanos += time(raw, perRound);
      }
    }
    int calls = rounds * perRound;
    System.out.printf("java        raw HttpClient %.1f µs/call  SDK %.1f µs/call  ratio %.3f  (%d calls each)%n",
        rawNanos / 1e3 / calls, sdkNanos / 1e3 / calls, (double) sdkNanos / rawNanos, calls);
  }

  private static long time(Call call, int n) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      call.run();
    }
    return System.nanoTime() - start;
  }

  @FunctionalInterface
  private interface Call {
    Object run() throws Exception;
  }
}
