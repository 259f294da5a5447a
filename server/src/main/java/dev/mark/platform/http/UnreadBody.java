package dev.mark.platform.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops what is left of a request body before its response goes out, so that the
 * client can read the response and reuse the connection.
 *
 * <p>When a response completes while part of the request body has not arrived yet, Jetty reads
 * a few times more and then closes the connection rather than wait for a client that may never
 * send the rest (jetty/jetty.project#2502, #12079, HttpConfiguration's
 * maxUnconsumedRequestContentReads). A client still sending then meets a closed socket and a TCP
 * reset, which can destroy the answer before it reads it: a 401 to a 6 MB body came back as "no
 * bytes" (EarlyAnswerTest). Every answer that did not read the whole body (a 401, a 429, a 404 of
 * a route, a 413) is exposed. Reading the rest first avoids it and keeps the connection. Past
 * {@link #DRAIN_BYTES} the server stops reading and says {@code Connection: close}, so what a
 * client can make the server read stays bounded; nothing read here is decompressed or parsed.
 */
final class UnreadBody {

  /** How much of a body the server reads only to drop it. */
  static final long DRAIN_BYTES = 16L * 1024 * 1024;

  private UnreadBody() {}

  /**
   * Drops what is left of the request's body; if that cannot be done, marks the response
   * {@code Connection: close}. Call before the response is committed.
   */
  static void drain(Context ctx) {
    if (!hasBody(ctx)) {
      return;
    }
    // a client waiting on "Expect: 100-continue" has sent nothing yet: reading would invite it to
    boolean waitingToSend = "100-continue".equalsIgnoreCase(ctx.header("Expect"));
    boolean drained = false;
    if (!waitingToSend && ctx.contentLength() <= DRAIN_BYTES) {
      try {
        drained = dropRest(ctx.req().getInputStream());
      } catch (IOException | RuntimeException e) {
        // the client went away or sent a broken body: nothing left to keep open
        drained = false;
      }
    }
    if (!drained && !ctx.res().isCommitted()) {
      ctx.header("Connection", "close");
    }
  }

  private static boolean hasBody(Context ctx) {
    return ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
  }

  /** Reads to the end of the body; false if more than {@link #DRAIN_BYTES} was left. */
  private static boolean dropRest(InputStream in) throws IOException {
    byte[] sink = new byte[64 * 1024];
    long dropped = 0;
    for (int n; (n = in.read(sink)) != -1; ) {
      dropped += n;
      if (dropped > DRAIN_BYTES) {
        return false;
      }
    }
    return true;
  }
}
