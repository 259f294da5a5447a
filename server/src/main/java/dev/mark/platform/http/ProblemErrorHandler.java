package dev.mark.platform.http;

import dev.mark.api.model.Problem;
import dev.mark.platform.errors.ApiException;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.HeadersTooLarge;
import dev.mark.platform.errors.NotFound;
import dev.mark.platform.errors.PayloadTooLarge;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.errors.UnsupportedMediaType;
import dev.mark.platform.errors.UriTooLong;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.ObjectMapper;

/**
 * Jetty's own error pages as problem+json: the errors Jetty answers before any route runs (a
 * malformed request line or URI such as {@code %00}, a URI too long, headers too large) carry
 * a {@code code} and a {@code request_id} like every other error, instead of Jetty's HTML.
 * Installed as the server's and the servlet context's error handler. Thread-safe.
 *
 * <p>Every such answer says {@code Connection: close}: Jetty closes the connection after it (the
 * request it could not read leaves the connection in no state to reuse) but does not say so, and
 * a client that keeps the connection sends its next request into a closed socket and gets no
 * answer at all (the contract fuzzer lost about one request in a thousand that way, each right
 * after a 400 for {@code %00} or a 414).
 */
public final class ProblemErrorHandler extends ErrorHandler {

  private final ObjectMapper mapper;
  private final SecurityHeaders securityHeaders;

  public ProblemErrorHandler(ObjectMapper mapper, SecurityHeaders securityHeaders) {
    this.mapper = mapper;
    this.securityHeaders = securityHeaders;
  }

  /** A request that reached Jetty's request handling and failed there. */
  @Override
  protected void generateResponse(Request request, Response response, int status, String message,
      Throwable cause, Callback callback) {
    String requestId = RequestIds.of(request.getHeaders().get(RequestIds.HEADER));
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, ProblemResponder.MEDIA_TYPE);
    headers.put(HttpHeader.CONNECTION, "close");
    headers.put(RequestIds.HEADER, requestId);
    securityHeaders.all().forEach(headers::put);
    response.write(true, ByteBuffer.wrap(body(status, request.getHttpURI().getPath(), requestId)),
        callback);
  }

  /** A request Jetty could not even parse (no request exists to hand to a handler). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String requestId = RequestIds.of(null);
    fields.put(HttpHeader.CONTENT_TYPE, ProblemResponder.MEDIA_TYPE);
    fields.put(HttpHeader.CONNECTION, "close");
    fields.put(RequestIds.HEADER, requestId);
    securityHeaders.all().forEach(fields::put);
    return ByteBuffer.wrap(body(status, null, requestId));
  }

  private byte[] body(int status, String path, String requestId) {
    boolean internal = status >= 500 && status != ServiceUnavailable.STATUS;
    ProblemCode code = internal ? ProblemCode.INTERNAL_ERROR : errorOf(status).code();
    Problem problem = new Problem(
        ProblemResponder.TYPE_BASE + code.code().replace('_', '-'),
        code.title(),
        status,
        internal ? INTERNAL_DETAIL : errorOf(status).detail(),
        path,
        code.code(),
        requestId,
        null);
    return mapper.writeValueAsBytes(problem);
  }

  private static final String INTERNAL_DETAIL =
      "Something went wrong on our side. Quote the request ID to support.";

  /** The problem of a 4xx or 503 Jetty answers; {@code bad_request} for any other 4xx. */
  static ApiException errorOf(int status) {
    return switch (status) {
      case UriTooLong.STATUS -> new UriTooLong(ProblemCode.URI_TOO_LONG,
          "The request URI is longer than the server reads.");
      case HeadersTooLarge.STATUS -> new HeadersTooLarge(ProblemCode.HEADERS_TOO_LARGE,
          "The request's headers are larger than the server reads.");
      case PayloadTooLarge.STATUS -> new PayloadTooLarge(ProblemCode.PAYLOAD_TOO_LARGE,
          "The body is too large.");
      case NotFound.STATUS -> new NotFound(ProblemCode.NOT_FOUND, "There is no such route.");
      case UnsupportedMediaType.STATUS -> new UnsupportedMediaType(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
          "The body's media type is not accepted here.");
      case ServiceUnavailable.STATUS -> new ServiceUnavailable(ProblemCode.UNAVAILABLE,
          "The service cannot take traffic now; retry in a moment.");
      default -> new BadRequest(ProblemCode.BAD_REQUEST,
          "The request could not be read: its request line, URI or headers are malformed.", List.of());
    };
  }
}
