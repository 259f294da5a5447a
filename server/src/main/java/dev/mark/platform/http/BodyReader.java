package dev.mark.platform.http;

import dev.mark.platform.contract.ContractBody;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.PayloadTooLarge;
import dev.mark.platform.errors.UnsupportedMediaType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a request body: checks its media type against the operation's, undoes
 * {@code Content-Encoding: gzip}, refuses bodies over the size limit (before and after
 * decompression, so a small bomb cannot expand without bound) and parses JSON, naming the line
 * and column of a syntax error.
 */
final class BodyReader {

  private final ObjectMapper mapper;
  private final BodyLimits limits;

  BodyReader(ObjectMapper mapper, BodyLimits limits) {
    this.mapper = mapper;
    this.limits = limits;
  }

  /** The body of a request to an operation that accepts {@code accepted}; empty bytes when none. */
  RawBody read(Context ctx, ContractBody accepted) {
    long limit = accepted.bulk() ? limits.bulkBytes() : limits.bytes();
    if (ctx.contentLength() > limit) {
      throw tooLarge(limit);
    }
    byte[] bytes = decode(ctx, readAtMost(wire(ctx), limit), limit);
    if (bytes.length == 0) {
      return new RawBody(null, bytes);
    }
    return new RawBody(mediaType(ctx, accepted), bytes);
  }

  /** The body parsed as JSON. */
  JsonNode json(byte[] bytes) {
    try {
      return mapper.readTree(bytes);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BadRequest("malformed_json", "The body is not valid JSON" + where + ".", List.of());
    }
  }

  private static String mediaType(Context ctx, ContractBody accepted) {
    String contentType = ctx.contentType();
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!accepted.mediaTypes().contains(mediaType)) {
      throw new UnsupportedMediaType("unsupported_media_type",
          "Send the body as " + String.join(" or ", accepted.mediaTypes())
              + (contentType == null ? "." : ", not " + contentType + "."));
    }
    return mediaType;
  }

  private static InputStream wire(Context ctx) {
    try {
      return ctx.req().getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body", e);
    }
  }

  private byte[] decode(Context ctx, byte[] bytes, long limit) {
    String encoding = ctx.header("Content-Encoding");
    if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
      return bytes;
    }
    if (!encoding.trim().equalsIgnoreCase("gzip")) {
      throw new UnsupportedMediaType("unsupported_content_encoding",
          "Send the body as is or with Content-Encoding: gzip, not " + encoding + ".");
    }
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return readAtMost(in, limit);
    } catch (ZipException | java.io.EOFException e) {
      throw new BadRequest("malformed_body", "The body is not valid gzip.", List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] readAtMost(InputStream in, long limit) {
    try (in) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw tooLarge(limit);
      }
      return bytes;
    } catch (ZipException | java.io.EOFException e) {
      throw new BadRequest("malformed_body", "The body is not valid gzip.", List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body", e);
    }
  }

  private static PayloadTooLarge tooLarge(long limit) {
    return new PayloadTooLarge("payload_too_large", "The body may be at most " + limit + " bytes.");
  }
}
