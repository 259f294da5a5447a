package dev.mark.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Assertions on problem+json answers: the shape every error of the API shares. */
public final class Problems {

  private Problems() {}

  /**
   * Checks that {@code result} is a problem+json of {@code status} and {@code code}, with a type,
   * title, detail and the request id of its header, and without a stack trace.
   */
  public static void assertProblem(HttpResult result, int status, String code) {
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(result.contentType()).startsWith("application/problem+json");
    JsonNode problem = result.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("code").asString()).isEqualTo(code);
    assertThat(problem.get("type").asString()).startsWith("https://mark.dev/problems/");
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(problem.get("request_id").asString()).isEqualTo(result.header("X-Request-Id").orElseThrow());
    assertThat(result.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** Checks that {@code problem} lists an issue at {@code location} and {@code pointer}, of {@code code}. */
  public static void assertIssue(JsonNode problem, String location, String pointer, String code) {
    assertThat(problem.get("errors")).as(problem.toString())
        .anySatisfy(issue -> {
          assertThat(issue.get("location").asString()).isEqualTo(location);
          assertThat(issue.get("pointer").asString()).isEqualTo(pointer);
          assertThat(issue.get("code").asString()).isEqualTo(code);
          assertThat(issue.get("message").asString()).isNotBlank();
        });
  }

  /**
   * Checks that {@code problem} lists, for each of {@code issues} (a pointer and a code with a
   * space between, as in {@code "/rows/1/n type"}), an issue in the body at that pointer, of that
   * code, as {@link #assertIssue} does.
   */
  public static void assertBodyIssues(JsonNode problem, String... issues) {
    for (String issue : issues) {
      int space = issue.indexOf(' ');
      assertIssue(problem, "body", issue.substring(0, space), issue.substring(space + 1));
    }
  }
}
