package dev.mark.platform.http;

import dev.mark.api.model.FieldError;
import dev.mark.api.model.Problem;
import dev.mark.platform.errors.ApiException;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.MethodNotAllowed;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.errors.TooManyRequests;
import io.javalin.http.Context;
import java.util.List;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes every error as an RFC 9457 problem+json document: the one place where an
 * {@link ApiException} becomes an HTTP answer, with the status and the title the contract gives
 * its {@link ProblemCode} (one title per problem type).
 */
final class ProblemResponder {

  static final String MEDIA_TYPE = "application/problem+json";
  static final String PROBLEM_CODE_ATTRIBUTE = "mark.problem";
  static final String TYPE_BASE = "https://mark.dev/problems/";

  private final ObjectMapper mapper;

  ProblemResponder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void write(Context ctx, ApiException error) {
    if (error instanceof MethodNotAllowed notAllowed) {
      ctx.header("Allow", String.join(", ", notAllowed.allowed()));
    }
    if (error instanceof TooManyRequests limited) {
      limited.headers().forEach(ctx::header);
    }
    if (error instanceof ServiceUnavailable unavailable) {
      unavailable.retryAfterSeconds().ifPresent(seconds ->
          ctx.header("Retry-After", Long.toString(seconds)));
    }
    write(ctx, error.code(), error.detail(), error.issues());
  }

  /** An internal error: nothing about its cause reaches the caller. */
  void writeInternalError(Context ctx) {
    write(ctx, ProblemCode.INTERNAL_ERROR,
        "Something went wrong on our side. Quote the request ID to support.", List.of());
  }

  private void write(Context ctx, ProblemCode code, String detail, List<FieldIssue> issues) {
    Problem problem = new Problem(
        TYPE_BASE + code.code().replace('_', '-'),
        code.title(),
        code.status(),
        detail,
        ctx.path(),
        code.code(),
        Requests.id(ctx),
        issues.isEmpty() ? null : issues.stream().map(ProblemResponder::toFieldError).toList());
    ctx.attribute(PROBLEM_CODE_ATTRIBUTE, code.code());
    ctx.status(code.status()).contentType(MEDIA_TYPE).result(mapper.writeValueAsBytes(problem));
  }

  private static FieldError toFieldError(FieldIssue issue) {
    return new FieldError(
        switch (issue.location()) {
          case BODY -> FieldError.LocationEnum.BODY;
          case QUERY -> FieldError.LocationEnum.QUERY;
          case PATH -> FieldError.LocationEnum.PATH;
          case HEADER -> FieldError.LocationEnum.HEADER;
        },
        issue.pointer(),
        issue.code(),
        issue.message());
  }
}
