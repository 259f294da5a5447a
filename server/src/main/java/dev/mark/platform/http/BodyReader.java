package dev.mark.platform.http;

import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.PayloadTooLarge;
import dev.mark.platform.errors.UnsupportedMediaType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a JSON request body: checks its media type, refuses bodies over the size limit without
 * reading them whole, and parses it, naming the line and column of a syntax error.
 */
final class BodyReader {

  private final ObjectMapper mapper;
  private final long maxBytes;

  BodyReader(ObjectMapper mapper, long maxBytes) {
    this.mapper = mapper;
    this.maxBytes = maxBytes;
  }

  /** The raw bytes of the body (empty when there is none), at most the size limit. */
  byte[] bytes(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body", e);
    }
  }

  /** The body parsed as JSON; it must have been sent as {@code application/json}. */
  JsonNode json(Context ctx, byte[] bytes) {
    String contentType = ctx.contentType();
    if (contentType == null || !isJson(contentType)) {
      throw new UnsupportedMediaType("unsupported_media_type",
          "Send the body as application/json"
              + (contentType == null ? "." : ", not " + contentType + "."));
    }
    try {
      return mapper.readTree(bytes);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BadRequest("malformed_json", "The body is not valid JSON" + where + ".", List.of());
    }
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase();
    return mediaType.equals("application/json");
  }

  private PayloadTooLarge tooLarge() {
    return new PayloadTooLarge("payload_too_large", "The body may be at most " + maxBytes + " bytes.");
  }
}
