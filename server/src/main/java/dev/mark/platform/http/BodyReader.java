package dev.mark.platform.http;

import dev.mark.platform.contract.ContractBody;
import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.UnsupportedMediaType;
import dev.mark.platform.json.JsonProblems;
import dev.mark.platform.json.StrictUtf8;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
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

  /**
   * The body of a request to an operation that accepts {@code accepted}. An ordinary body is
   * decoded now, whole; a bulk body is decoded only as its handler streams it, so that a reader
   * stopping at a cap never inflates the rest.
   */
  RawBody read(Context ctx, ContractBody accepted) {
    long limit = accepted.bulk() ? limits.bulkBytes() : limits.bytes();
    byte[] wire = readWire(ctx, limit);
    if (wire.length == 0) {
      return RawBody.none();
    }
    RawBody body = new RawBody(mediaType(ctx, accepted), wire, isGzip(ctx), limit);
    if (!accepted.bulk() && body.bytes().length == 0) {
      return RawBody.none();
    }
    return body;
  }

  /** The body parsed as JSON. */
  JsonNode json(byte[] bytes) {
    try {
      // Jackson reads overlong forms and encoded surrogates as characters: refuse them first
      StrictUtf8.check(bytes);
      return mapper.readTree(bytes);
    } catch (StrictUtf8.Malformed e) {
      throw JsonProblems.notUtf8(e);
    } catch (NumberFormatException e) {
      // Jackson's number parser refuses 1E+2147483648 without saying where: find it
      throw BadRequest.validation(JsonNumbers.unreadable(mapper, bytes));
    } catch (JacksonException e) {
      throw JsonProblems.malformed(e);
    }
  }

  private static String mediaType(Context ctx, ContractBody accepted) {
    String contentType = ctx.contentType();
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!accepted.mediaTypes().contains(mediaType)) {
      throw new UnsupportedMediaType(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
          "Send the body as " + String.join(" or ", accepted.mediaTypes())
              + (contentType == null ? "." : ", not " + contentType + "."));
    }
    return mediaType;
  }

  /** The body as sent, at most {@code limit} bytes; a longer one is drained, then refused. */
  private static byte[] readWire(Context ctx, long limit) {
    try (InputStream in = ctx.req().getInputStream()) {
      if (ctx.contentLength() <= limit) {
        byte[] bytes = in.readNBytes(readCap(limit));
        if (bytes.length <= limit) {
          return bytes;
        }
      }
      // dropped now, while the stream is open, so that the client reads its 413 (UnreadBody)
      UnreadBody.drain(ctx);
      throw RawBody.tooLarge(limit);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body", e);
    }
  }

  private static int readCap(long limit) {
    return (int) Math.min(Integer.MAX_VALUE - 8, limit + 1);
  }

  /** Whether the body is gzip; identity (or none) is as sent, and any other encoding a 415. */
  private static boolean isGzip(Context ctx) {
    String encoding = ctx.header("Content-Encoding");
    if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
      return false;
    }
    if (!encoding.trim().equalsIgnoreCase("gzip")) {
      throw new UnsupportedMediaType(ProblemCode.UNSUPPORTED_CONTENT_ENCODING,
          "Send the body as is or with Content-Encoding: gzip, not " + encoding + ".");
    }
    return true;
  }
}
