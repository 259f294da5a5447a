package dev.mark.platform.http;

import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.PayloadTooLarge;
import dev.mark.platform.errors.ProblemCode;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A request body as received, its {@code Content-Encoding} undone only as it is read: a reader
 * that stops early (at a row cap, at an invalid value) never inflates the rest, so a small gzip
 * bomb costs what was read of it. Decoded bytes past the limit are a 413, broken gzip a 400.
 * Not thread-safe; lives for one request.
 */
public final class RawBody {

  private static final byte[] NONE = new byte[0];

  private final String mediaType;
  private final byte[] wire;
  private final boolean gzip;
  private final long limit;
  private byte[] decoded;

  RawBody(String mediaType, byte[] wire, boolean gzip, long limit) {
    this.mediaType = mediaType;
    this.wire = wire;
    this.gzip = gzip;
    this.limit = limit;
  }

  static RawBody none() {
    return new RawBody(null, NONE, false, 0);
  }

  /** Its media type, lower case without parameters; null when there is no body. */
  public String mediaType() {
    return mediaType;
  }

  /** Whether nothing was sent. */
  public boolean isEmpty() {
    return wire.length == 0;
  }

  public boolean isJson() {
    return "application/json".equals(mediaType);
  }

  /**
   * The decoded body, read as it is consumed.
   *
   * @throws PayloadTooLarge (from {@code read}) once more than the limit is decoded
   * @throws BadRequest (here or from {@code read}) {@code malformed_body} when the gzip is broken
   */
  public InputStream stream() {
    if (decoded != null || !gzip) {
      return new ByteArrayInputStream(decoded != null ? decoded : wire);
    }
    try {
      return new Capped(new GZIPInputStream(new ByteArrayInputStream(wire), 16 * 1024), limit);
    } catch (IOException e) {
      throw notGzip();
    }
  }

  /** The whole decoded body (at most the limit), decoded once. */
  public byte[] bytes() {
    if (decoded == null) {
      try (InputStream in = stream()) {
        decoded = gzip ? in.readAllBytes() : wire;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return decoded;
  }

  /**
   * What tells two bodies apart for idempotency: the bytes as sent, with their encoding, so that
   * a replayed bomb is never inflated to be compared.
   */
  byte[] fingerprint() {
    if (!gzip) {
      return wire;
    }
    byte[] prefix = "gzip\0".getBytes(StandardCharsets.US_ASCII);
    byte[] fingerprint = new byte[prefix.length + wire.length];
    System.arraycopy(prefix, 0, fingerprint, 0, prefix.length);
    System.arraycopy(wire, 0, fingerprint, prefix.length, wire.length);
    return fingerprint;
  }

  static PayloadTooLarge tooLarge(long limit) {
    return new PayloadTooLarge(ProblemCode.PAYLOAD_TOO_LARGE, "The body may be at most " + limit + " bytes.");
  }

  private static BadRequest notGzip() {
    return new BadRequest(ProblemCode.MALFORMED_BODY, "The body is not valid gzip.", List.of());
  }

  /** Inflated bytes, counted: the one past the limit is a 413; broken gzip a 400. */
  private static final class Capped extends FilterInputStream {

    private final long limit;
    private long count;

    Capped(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = in.read(buffer, offset, length);
      } catch (ZipException | EOFException e) {
        throw notGzip();
      }
      if (n > 0) {
        count += n;
        if (count > limit) {
          throw tooLarge(limit);
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // through read, so that skipped bytes count too
      byte[] sink = new byte[(int) Math.min(n, 8192)];
      long skipped = 0;
      for (int r; skipped < n && (r = read(sink, 0, (int) Math.min(sink.length, n - skipped))) > 0; ) {
        skipped += r;
      }
      return skipped;
    }
  }
}
