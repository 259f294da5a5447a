package dev.mark.platform.http;

import dev.mark.api.model.FieldError;
import dev.mark.api.model.Problem;
import dev.mark.platform.errors.ApiException;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.Conflict;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.Forbidden;
import dev.mark.platform.errors.MethodNotAllowed;
import dev.mark.platform.errors.NotFound;
import dev.mark.platform.errors.PayloadTooLarge;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.errors.Timeout;
import dev.mark.platform.errors.TooManyRequests;
import dev.mark.platform.errors.Unauthorized;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.platform.errors.UnsupportedMediaType;
import io.javalin.http.Context;
import java.util.List;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes every error as an RFC 9457 problem+json document: the one place where an
 * {@link ApiException} becomes an HTTP status.
 */
final class ProblemResponder {

  static final String MEDIA_TYPE = "application/problem+json";
  static final String PROBLEM_CODE_ATTRIBUTE = "mark.problem";
  private static final String TYPE_BASE = "https://mark.dev/problems/";

  private final ObjectMapper mapper;

  ProblemResponder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void write(Context ctx, ApiException error) {
    int status = statusOf(error);
    if (error instanceof MethodNotAllowed notAllowed) {
      ctx.header("Allow", String.join(", ", notAllowed.allowed()));
    }
    if (error instanceof TooManyRequests limited) {
      limited.headers().forEach(ctx::header);
    }
    write(ctx, status, error.code(), error.detail(), error.issues());
  }

  /** An internal error: nothing about its cause reaches the caller. */
  void writeInternalError(Context ctx) {
    write(ctx, 500, "internal_error",
        "Something went wrong on our side. Quote the request ID to support.", List.of());
  }

  private void write(Context ctx, int status, String code, String detail, List<FieldIssue> issues) {
    Problem problem = new Problem(
        TYPE_BASE + code.replace('_', '-'),
        titleOf(status),
        status,
        detail,
        ctx.path(),
        code,
        Requests.id(ctx),
        issues.isEmpty() ? null : issues.stream().map(ProblemResponder::toFieldError).toList());
    ctx.attribute(PROBLEM_CODE_ATTRIBUTE, code);
    ctx.status(status).contentType(MEDIA_TYPE).result(mapper.writeValueAsBytes(problem));
  }

  private static FieldError toFieldError(FieldIssue issue) {
    return new FieldError(
        FieldError.LocationEnum.fromValue(issue.location().name().toLowerCase()),
        issue.pointer(),
        issue.code(),
        issue.message());
  }

  static int statusOf(ApiException error) {
    return switch (error) {
      case BadRequest e -> 400;
      case Unauthorized e -> 401;
      case Forbidden e -> 403;
      case NotFound e -> 404;
      case MethodNotAllowed e -> 405;
      case Conflict e -> 409;
      case PayloadTooLarge e -> 413;
      case UnsupportedMediaType e -> 415;
      case Unprocessable e -> 422;
      case TooManyRequests e -> 429;
      case ServiceUnavailable e -> 503;
      case Timeout e -> 504;
    };
  }

  private static String titleOf(int status) {
    return switch (status) {
      case 400 -> "The request is not valid";
      case 401 -> "Authentication required";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      case 422 -> "The request cannot be carried out";
      case 429 -> "Too many requests";
      case 503 -> "Service unavailable";
      case 504 -> "Timeout";
      default -> "Internal error";
    };
  }
}
