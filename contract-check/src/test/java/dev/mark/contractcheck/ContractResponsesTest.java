package dev.mark.contractcheck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The contract check that every test's responses go through catches what it is meant to. */
class ContractResponsesTest {

  private static final URI DATASET = URI.create("http://localhost/v1/datasets/ds_01JC3XG8F2SK6Y8S3M7VVQPRTE");
  private static final String PROBLEM = """
      {"type": "https://mark.dev/problems/not-found", "title": "Not found", "status": 404,
       "code": "not_found", "request_id": "req_1"}""";
  private static final String DATASET_BODY = """
      {"id": "ds_1", "name": "Orders", "columns": [], "row_count": 0,
       "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"%s}""";

  @Test
  void aDeclaredStatusWithAFittingBodyPasses() {
    assertThatCode(() -> ContractResponses.check("GET", DATASET, 404, "application/problem+json", PROBLEM))
        .doesNotThrowAnyException();
    assertThatCode(() -> ContractResponses.check("GET", DATASET, 200, "application/json; charset=utf-8",
        DATASET_BODY.formatted(""))).doesNotThrowAnyException();
  }

  @Test
  void anUndeclaredStatusFails() {
    assertThatThrownBy(() -> ContractResponses.check("GET", DATASET, 418, "application/problem+json", PROBLEM))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("getDataset")
        .hasMessageContaining("does not declare");
  }

  @Test
  void aBodyWithAnUndeclaredFieldFails() {
    assertThatThrownBy(() -> ContractResponses.check("GET", DATASET, 200, "application/json",
        DATASET_BODY.formatted(", \"colour\": \"red\"")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("colour");
  }

  @Test
  void aBodyMissingARequiredFieldFails() {
    assertThatThrownBy(() -> ContractResponses.check("GET", DATASET, 404, "application/problem+json",
        "{\"title\": \"Not found\", \"status\": 404}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("code");
  }

  @Test
  void anUndeclaredMediaTypeFails() {
    assertThatThrownBy(() -> ContractResponses.check("GET", DATASET, 404, "text/html", "<h1>404</h1>"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("text/html");
  }

  @Test
  void aBodyThatIsNotJsonFails() {
    assertThatThrownBy(() -> ContractResponses.check("GET", DATASET, 404, "application/problem+json", "<h1>404</h1>"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void anErrorOnAPathTheContractDoesNotKnowMustBeAProblem() {
    assertThatThrownBy(() -> ContractResponses.check("GET", URI.create("http://localhost/nowhere"), 404,
        "text/html", "<h1>404</h1>"))
        .isInstanceOf(AssertionError.class);
  }
}
