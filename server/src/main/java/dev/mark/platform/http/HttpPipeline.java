package dev.mark.platform.http;

import dev.mark.platform.contract.ApiContract;
import dev.mark.platform.db.DatabaseFailures;
import dev.mark.platform.errors.ApiException;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.MethodNotAllowed;
import dev.mark.platform.errors.NotFound;
import dev.mark.platform.errors.PayloadTooLarge;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.observability.Metrics;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.ObjectMapper;

/**
 * What happens around every request: a request ID (echoed in {@code X-Request-Id} and put in
 * every log line through the MDC), an access log line, problem+json for every error including
 * unknown routes and methods, the rest of an unread request body dropped before the answer
 * ({@link UnreadBody}), the drain that lets shutdown wait for in-flight requests, and the meters
 * of each call.
 */
public final class HttpPipeline {

  private static final Logger log = LoggerFactory.getLogger(HttpPipeline.class);
  private static final Logger access = LoggerFactory.getLogger("dev.mark.access");
  /** What a 503 for a database that does not answer tells the caller to wait. */
  private static final long DATABASE_RETRY_SECONDS = 2;

  private final ApiContract contract;
  private final ProblemResponder problems;
  private final InFlightRequests inFlight;
  private final Metrics metrics;
  private final SecurityHeaders securityHeaders;

  public HttpPipeline(ApiContract contract, ObjectMapper mapper, InFlightRequests inFlight,
      Metrics metrics, SecurityHeaders securityHeaders) {
    this.contract = contract;
    this.problems = new ProblemResponder(mapper);
    this.inFlight = inFlight;
    this.metrics = metrics;
    this.securityHeaders = securityHeaders;
  }

  public void install(JavalinConfig config) {
    config.routes.before(this::begin);
    config.routes.exception(ApiException.class, (e, ctx) -> problems.write(ctx, e));
    config.routes.exception(HttpResponseException.class, this::javalinError);
    config.routes.exception(Exception.class, this::unexpected);
    config.routes.error(404, ctx -> {
      if (ctx.attribute(ProblemResponder.PROBLEM_CODE_ATTRIBUTE) == null) {
        notFound(ctx);
      }
    });
    // before Javalin writes the response: whatever answered, the client must be able to read it
    config.routes.after(UnreadBody::drain);
    config.requestLogger.http(this::end);
  }

  private void begin(Context ctx) {
    MDC.clear();
    String requestId = RequestIds.of(ctx.header(RequestIds.HEADER));
    ctx.attribute(Requests.ID_ATTRIBUTE, requestId);
    ctx.header(RequestIds.HEADER, requestId);
    securityHeaders.all().forEach(ctx::header);
    MDC.put("request_id", requestId);
    if (!inFlight.enter()) {
      ctx.header("Connection", "close");
      throw new ServiceUnavailable(ProblemCode.SHUTTING_DOWN, "The server is shutting down; retry on another node.");
    }
    ctx.attribute("mark.in_flight", Boolean.TRUE);
  }

  private void end(Context ctx, Float millis) {
    try {
      access.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis));
      String operation = ctx.attribute(Requests.OPERATION_ATTRIBUTE);
      operation = operation == null ? Metrics.NO_OPERATION : operation;
      metrics.recordCall(operation, ctx.statusCode(), (long) (millis * 1_000_000.0));
      String problemCode = ctx.attribute(ProblemResponder.PROBLEM_CODE_ATTRIBUTE);
      if (problemCode != null) {
        metrics.recordProblem(operation, problemCode);
      }
    } finally {
      if (Boolean.TRUE.equals(ctx.attribute("mark.in_flight"))) {
        inFlight.leave();
      }
      MDC.clear();
    }
  }

  private void javalinError(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    if (status == HttpStatus.NOT_FOUND.getCode()) {
      notFound(ctx);
    } else if (status == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
      problems.write(ctx, methodNotAllowed(ctx));
    } else if (status == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
      problems.write(ctx, new PayloadTooLarge(ProblemCode.PAYLOAD_TOO_LARGE, "The body is too large."));
    } else if (status < 500) {
      problems.write(ctx, new BadRequest(ProblemCode.BAD_REQUEST, "The request could not be read.", List.of()));
    } else {
      unexpected(e, ctx);
    }
  }

  private void notFound(Context ctx) {
    Set<String> allowed = contract.allowedMethods(ctx.path());
    if (!allowed.isEmpty() && isCorsPreflight(ctx)) {
      // the CORS plugin has set its headers (or not, for a foreign origin): nothing to add
      ctx.status(HttpStatus.NO_CONTENT);
      ctx.res().setContentType(null);
      return;
    }
    if (!allowed.isEmpty()) {
      problems.write(ctx, methodNotAllowed(ctx));
      return;
    }
    problems.write(ctx, new NotFound(ProblemCode.NOT_FOUND, "There is no route " + ctx.path() + "."));
  }

  private static boolean isCorsPreflight(Context ctx) {
    return ctx.method() == HandlerType.OPTIONS
        && ctx.header("Origin") != null
        && ctx.header("Access-Control-Request-Method") != null;
  }

  private MethodNotAllowed methodNotAllowed(Context ctx) {
    return new MethodNotAllowed(ctx.method().name(), ctx.path(), contract.allowedMethods(ctx.path()));
  }

  private void unexpected(Exception e, Context ctx) {
    if (DatabaseFailures.isUnreachable(e)) {
      // expected while the database is down: one line, no stack trace, and a 503 to retry
      log.warn("The database does not answer on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      problems.write(ctx, new ServiceUnavailable(ProblemCode.UNAVAILABLE,
          "The database does not answer; retry in a moment.", OptionalLong.of(DATABASE_RETRY_SECONDS)));
      return;
    }
    if (DatabaseFailures.isStatementTimeout(e)) {
      log.warn("The database did not answer in time on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      problems.write(ctx, new ServiceUnavailable(ProblemCode.UNAVAILABLE,
          "The database did not answer in time; retry in a moment.", OptionalLong.of(DATABASE_RETRY_SECONDS)));
      return;
    }
    log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
    problems.writeInternalError(ctx);
  }
}
