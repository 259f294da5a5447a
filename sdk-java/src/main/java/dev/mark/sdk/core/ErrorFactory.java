package dev.mark.sdk.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mark.sdk.model.FieldError;
import dev.mark.sdk.model.Problem;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * The one place that turns an error response into a {@link MarkException}: the subclass by
 * status, the fields from the problem+json body. A body that is not a problem document (a
 * proxy's HTML page) is kept as text, with the request ID from the header.
 */
final class ErrorFactory {
  /** The server lists up to 100 errors; the message names the first few, errors() has them all. */
  private static final int MAX_ERRORS_IN_MESSAGE = 10;

  private ErrorFactory() {}

  static MarkException fromResponse(ObjectMapper mapper, int status, HttpHeaders headers, byte[] bytes) {
    String body = new String(bytes, StandardCharsets.UTF_8);
    Problem problem = parse(mapper, body);
    String requestId = problem.getRequestId() != null
        ? problem.getRequestId()
        : headers.firstValue("X-Request-Id").orElse(null);
    List<FieldError> errors = problem.getErrors() == null ? List.of() : problem.getErrors();
    MarkException.ErrorParts parts = new MarkException.ErrorParts(
        status, problem.getCode(), problem.getDetail(), requestId, errors, headers, body);
    String summary = problem.getDetail() != null ? problem.getDetail()
        : problem.getTitle() != null ? problem.getTitle() : body;
    if (!errors.isEmpty() && summary.endsWith(".")) {
      summary = summary.substring(0, summary.length() - 1); // the field errors follow
    }
    String message = status + " " + (problem.getCode() == null ? "error" : problem.getCode()) + ": " + summary
        + describe(errors);
    if (status == 400 || status == 422) {
      return new ValidationException(message, parts, null);
    } else if (status == 401) {
      return new AuthenticationException(message, parts, null);
    } else if (status == 403) {
      return new PermissionException(message, parts, null);
    } else if (status == 404) {
      return new NotFoundException(message, parts, null);
    } else if (status == 409) {
      return new ConflictException(message, parts, null);
    } else if (status == 429) {
      return new RateLimitException(message, parts, RetryPolicy.retryAfter(headers).orElse(null));
    } else if (status >= 500) {
      return new InternalServerException(message, parts, null);
    }
    return new MarkException(message, parts, null);
  }

  /**
   * Each invalid part by pointer, code and message, so that a stack trace alone says what was
   * wrong: {@code ": /filters/0/or (min_items) must have at least 2 items; …"}.
   */
  static String describe(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return "";
    }
    StringJoiner parts = new StringJoiner("; ", ": ", "");
    errors.stream().limit(MAX_ERRORS_IN_MESSAGE).forEach(error -> parts.add(
        (error.getPointer() == null ? "" : error.getPointer() + " ")
            + "(" + error.getCode() + ") " + error.getMessage()));
    if (errors.size() > MAX_ERRORS_IN_MESSAGE) {
      parts.add("and " + (errors.size() - MAX_ERRORS_IN_MESSAGE) + " more in errors()");
    }
    return parts.toString();
  }

  private static Problem parse(ObjectMapper mapper, String body) {
    try {
      Problem problem = mapper.readValue(body, Problem.class);
      return problem == null ? new Problem() : problem;
    } catch (JsonProcessingException notJson) {
      return new Problem();
    }
  }
}
