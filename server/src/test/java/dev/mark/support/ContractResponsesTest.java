package dev.mark.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The contract check that every test's responses go through catches what it is meant to. */
class ContractResponsesTest {

  private static final URI DATASET = URI.create("http://localhost/v1/datasets/ds_01JC3XG8F2SK6Y8S3M7VVQPRTE");
  private static final String PROBLEM = """
      {"type": "https://mark.dev/problems/not-found", "title": "Not found", "status": 404,
       "code": "not_found", "request_id": "req_1"}""";

  @Test
  void aDeclaredStatusWithAFittingBodyPasses() {
    assertThatCode(() -> ContractResponses.check("GET", DATASET, result(404, "application/problem+json", PROBLEM)))
        .doesNotThrowAnyException();
  }

  @Test
  void anUndeclaredStatusFails() {
    assertThatThrownBy(() -> ContractResponses.check("GET", DATASET, result(418, "application/problem+json", PROBLEM)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("getDataset")
        .hasMessageContaining("does not declare");
  }

  @Test
  void aBodyWithAnUndeclaredFieldFails() {
    String dataset = """
        {"id": "ds_1", "name": "Orders", "columns": [], "row_count": 0,
         "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "colour": "red"}""";
    assertThatThrownBy(() -> ContractResponses.check("GET", DATASET, result(200, "application/json", dataset)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("colour");
  }

  @Test
  void anUndeclaredMediaTypeFails() {
    assertThatThrownBy(() -> ContractResponses.check("GET", DATASET, result(404, "text/html", "<h1>404</h1>")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("text/html");
  }

  @Test
  void anErrorOnAPathTheContractDoesNotKnowMustBeAProblem() {
    assertThatThrownBy(() -> ContractResponses.check("GET", URI.create("http://localhost/nowhere"),
        result(404, "text/html", "<h1>404</h1>")))
        .isInstanceOf(AssertionError.class);
  }

  private static HttpResult result(int status, String contentType, String body) {
    return new HttpResult(status, new CannedResponse(status, contentType, body));
  }

  /** A response as the JDK client would give it, without a server. */
  private record CannedResponse(int statusCode, String contentType, String body) implements HttpResponse<String> {

    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(DATASET).build();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return DATASET;
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
