package dev.mark.sdk.core;

import dev.mark.sdk.model.FieldError;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/**
 * Every error the SDK throws; unchecked. An HTTP error carries the server's problem+json
 * document: its status, stable {@code code}, {@code detail}, request ID and field errors,
 * besides the response headers and the raw body. Connection and timeout errors have no
 * response: status 0, no code, no headers. Catch a subclass, or branch on {@link #code()}.
 */
public class MarkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String detail;
  private final String requestId;
  private final List<FieldError> errors;
  private final transient HttpHeaders headers;
  private final String body;

  MarkException(String message, ErrorParts problem, Throwable cause) {
    super(message, cause);
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.errors = List.copyOf(problem.errors);
    this.headers = problem.headers;
    this.body = problem.body;
  }

  /** The HTTP status, or 0 when no response came back. */
  public int status() {
    return status;
  }

  /** The problem's machine-readable code, e.g. {@code not_found}, {@code invalid_rows}. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** The request ID to quote to support. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Each invalid part of the request, for validation problems; else empty. */
  public List<FieldError> errors() {
    return errors;
  }

  public Optional<HttpHeaders> headers() {
    return Optional.ofNullable(headers);
  }

  /** The response body as sent, when there was one. */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  /** The parts of an error response; all null or empty for a failure without a response. */
  static final class ErrorParts {
    static final ErrorParts NONE = new ErrorParts(0, null, null, null, List.of(), null, null);

    final int status;
    final String code;
    final String detail;
    final String requestId;
    final List<FieldError> errors;
    final HttpHeaders headers;
    final String body;

    ErrorParts(int status, String code, String detail, String requestId, List<FieldError> errors,
        HttpHeaders headers, String body) {
      this.status = status;
      this.code = code;
      this.detail = detail;
      this.requestId = requestId;
      this.errors = errors;
      this.headers = headers;
      this.body = body;
    }
  }
}
