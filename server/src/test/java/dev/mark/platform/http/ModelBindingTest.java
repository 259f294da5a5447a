package dev.mark.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mark.api.model.ExplainRequest;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.json.Json;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidDefinitionException;

/**
 * A value the contract allows but the handler's type cannot hold is the caller's 400, named by
 * the pointer Jackson's path leads to; schemas without a pattern or bounds rely on this alone.
 */
class ModelBindingTest {

  private static final ObjectMapper MAPPER = Json.newMapper();

  record Item(int count, long total, OffsetDateTime at) {}

  record Order(List<Item> items, @JsonProperty("a/b~c") Item odd) {}

  @Test
  void aTimeFinerThanNanosecondsInAGeneratedModelIsNamedByItsPointer() {
    // Period has a pattern in the contract; the binding must not depend on it
    FieldIssue issue = failure(ExplainRequest.class, """
        {"measure": {"agg": "count"},
         "baseline": {"from": "2026-11-01T00:00:00Z", "to": "2026-11-02T00:00:00Z"},
         "current": {"from": "2026-11-02T00:00:00.1234567891Z", "to": "2026-11-03T00:00:00Z"}}""");
    assertThat(issue).isEqualTo(new FieldIssue(FieldIssue.Location.BODY, "/current/from", "format",
        issue.message()));
    assertThat(issue.message()).contains("9 digits");
  }

  @Test
  void anOffsetBeyondEighteenHoursInAnArrayItemIsNamedWithItsIndex() {
    assertThat(failure(Order.class, """
        {"items": [{"count": 1, "total": 1}, {"count": 1, "total": 1, "at": "2026-11-21T00:00:00+19:00"}]}"""))
        .extracting(FieldIssue::pointer, FieldIssue::code)
        .containsExactly("/items/1/at", "format");
  }

  @Test
  void integersBeyondIntAndLongAreOutOfRange() {
    assertThat(failure(Order.class, "{\"items\": [{\"count\": 3000000000, \"total\": 1}]}"))
        .extracting(FieldIssue::pointer, FieldIssue::code, FieldIssue::message)
        .containsExactly("/items/0/count", "out_of_range", "is beyond a 32-bit integer");
    assertThat(failure(Order.class, "{\"items\": [{\"count\": 1, \"total\": 1" + "0".repeat(30) + "}]}"))
        .extracting(FieldIssue::pointer, FieldIssue::code, FieldIssue::message)
        .containsExactly("/items/0/total", "out_of_range", "is beyond a 64-bit integer");
  }

  @Test
  void aPropertyNameIsEscapedInThePointer() {
    assertThat(failure(Order.class, "{\"a/b~c\": {\"count\": 1, \"total\": 1, \"at\": \"2026-11-21T24:00:00Z\"}}"))
        .extracting(FieldIssue::pointer)
        .isEqualTo("/a~1b~0c/at");
  }

  @Test
  void aParameterIsNamedByItsOwnPointerInItsLocation() {
    JsonNode from = MAPPER.getNodeFactory().stringNode("2026-11-21T00:00:00+19:00");
    assertThatThrownBy(() -> ModelBinding.read(MAPPER, from, OffsetDateTime.class,
        FieldIssue.Location.QUERY, "/from"))
        .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.issues())
            .extracting(FieldIssue::location, FieldIssue::pointer, FieldIssue::code)
            .containsExactly(tuple(FieldIssue.Location.QUERY, "/from", "format")));
  }

  /** No creator Jackson can use: a bug in the server's types, not in the request. */
  static final class Unreadable {
    Unreadable(Object first, Object second) {}
  }

  @Test
  void aTypeJacksonCannotBuildStaysAServerError() {
    assertThatThrownBy(() -> ModelBinding.read(MAPPER, MAPPER.readTree("{\"x\": 1}"), Unreadable.class,
        FieldIssue.Location.BODY, ""))
        .isInstanceOf(InvalidDefinitionException.class);
  }

  private static FieldIssue failure(Class<?> type, String json) {
    try {
      ModelBinding.read(MAPPER, MAPPER.readTree(json), type, FieldIssue.Location.BODY, "");
    } catch (BadRequest e) {
      assertThat(e.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
      assertThat(e.issues()).hasSize(1);
      return e.issues().getFirst();
    }
    throw new AssertionError("bound without a failure: " + json);
  }
}
