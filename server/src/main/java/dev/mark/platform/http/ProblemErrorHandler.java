package dev.mark.platform.http;

import dev.mark.api.model.Problem;
import dev.mark.platform.errors.ProblemCode;
import java.nio.ByteBuffer;
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
    fields.put(RequestIds.HEADER, requestId);
    securityHeaders.all().forEach(fields::put);
    return ByteBuffer.wrap(body(status, null, requestId));
  }

  private byte[] body(int status, String path, String requestId) {
    ProblemCode code = codeOf(status);
    Problem problem = new Problem(
        ProblemResponder.TYPE_BASE + code.code().replace('_', '-'),
        code.title(),
        status,
        detailOf(code),
        path,
        code.code(),
        requestId,
        null);
    return mapper.writeValueAsBytes(problem);
  }

  /** The contract's code of a status Jetty answers; the generic one of its class otherwise. */
  static ProblemCode codeOf(int status) {
    return switch (status) {
      case 404 -> ProblemCode.NOT_FOUND;
      case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
      case 414 -> ProblemCode.URI_TOO_LONG;
      case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
      case 431 -> ProblemCode.HEADERS_TOO_LARGE;
      case 503 -> ProblemCode.UNAVAILABLE;
      default -> status < 500 ? ProblemCode.BAD_REQUEST : ProblemCode.INTERNAL_ERROR;
    };
  }

  private static String detailOf(ProblemCode code) {
    return switch (code) {
      case URI_TOO_LONG -> "The request URI is longer than the server reads.";
      case HEADERS_TOO_LARGE -> "The request's headers are larger than the server reads.";
      case PAYLOAD_TOO_LARGE -> "The body is too large.";
      case NOT_FOUND -> "There is no such route.";
      case UNSUPPORTED_MEDIA_TYPE -> "The body's media type is not accepted here.";
      case UNAVAILABLE -> "The service cannot take traffic now; retry in a moment.";
      case INTERNAL_ERROR -> "Something went wrong on our side. Quote the request ID to support.";
      default -> "The request could not be read: its request line, URI or headers are malformed.";
    };
  }
}
