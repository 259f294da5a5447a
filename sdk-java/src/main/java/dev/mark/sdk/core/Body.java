package dev.mark.sdk.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A request body, read and serialised once, so that every attempt of a call sends the same
 * bytes: a retried upload never depends on a stream that was already read.
 */
final class Body {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  final byte[] bytes;
  final String contentType;
  /** {@code gzip}, or null for an identity body. */
  final String contentEncoding;
  /** The object a JSON body was written from (the session code reads refresh tokens from it). */
  final Object value;

  private Body(byte[] bytes, String contentType, String contentEncoding, Object value) {
    this.bytes = bytes;
    this.contentType = contentType;
    this.contentEncoding = contentEncoding;
    this.value = value;
  }

  static Body json(ObjectMapper mapper, Object value) {
    try {
      return new Body(mapper.writeValueAsBytes(value), "application/json", null, value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Mark: cannot write the request as JSON: " + e.getMessage(), e);
    }
  }

  static Body text(String text, String contentType) {
    return new Body(text.getBytes(StandardCharsets.UTF_8), contentType, null, null);
  }

  /**
   * The stream's content, sent gzip-compressed: as it is when it already is gzip (it starts with
   * the gzip magic bytes), else compressed here. The stream is read to its end, not closed.
   */
  static Body compressed(InputStream in, String contentType) {
    try {
      BufferedInputStream buffered = new BufferedInputStream(in);
      buffered.mark(2);
      boolean gzipped = buffered.read() == GZIP_MAGIC_1 && buffered.read() == GZIP_MAGIC_2;
      buffered.reset();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (gzipped) {
        buffered.transferTo(out);
      } else {
        try (OutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
          buffered.transferTo(gzip);
        }
      }
      return new Body(out.toByteArray(), contentType, "gzip", null);
    } catch (IOException e) {
      throw new UncheckedIOException("Mark: cannot read the body to send: " + e.getMessage(), e);
    }
  }

  static Body compressed(Path file, String contentType) {
    try (InputStream in = Files.newInputStream(file)) {
      return compressed(in, contentType);
    } catch (IOException e) {
      throw new UncheckedIOException("Mark: cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
