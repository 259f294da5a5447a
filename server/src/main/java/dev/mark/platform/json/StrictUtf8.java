package dev.mark.platform.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while checking that they are well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing beyond U+10FFFF, no sequence cut short), and throws
 * {@link Malformed} at the first byte that is not, with its line and column. The JDK's decoders
 * would quietly turn such bytes into U+FFFD, and Jackson's reads overlong forms and encoded
 * surrogates as if they were characters: either way, text would be stored that its sender never
 * wrote.
 *
 * <p>The bytes before the bad one are handed out first, and the failure comes with the next
 * read: so a reader above has every record before the bad one, and fails inside the record
 * that holds it. Lines are counted at {@code \n}, as CSV lines are; a column counts characters
 * from 1. Not thread-safe, like the stream it wraps.
 */
public final class StrictUtf8 extends FilterInputStream {

  /** A byte that is not well-formed UTF-8, where it is. */
  public static final class Malformed extends IOException {
    private final long line;
    private final long column;

    Malformed(long line, long column) {
      super("not UTF-8 at line " + line + ", column " + column);
      this.line = line;
      this.column = column;
    }

    public long line() {
      return line;
    }

    public long column() {
      return column;
    }
  }

  /** The failure found in bytes already handed out before it, for the next read to throw. */
  private Malformed found;
  private long line = 1;
  private long column;
  /** Continuation bytes the current character still needs. */
  private int pending;
  /** The range the next continuation byte must fall in (narrower after E0, ED, F0, F4). */
  private int low = 0x80;
  private int high = 0xBF;

  public StrictUtf8(InputStream in) {
    super(in);
  }

  /** Checks a whole body at once. */
  public static void check(byte[] bytes) throws Malformed {
    StrictUtf8 checker = new StrictUtf8(InputStream.nullInputStream());
    for (byte b : bytes) {
      checker.check(b & 0xFF);
    }
    checker.atEnd();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (found != null) {
      throw found;
    }
    int n = super.read(bytes, offset, length);
    if (n < 0) {
      atEnd();
    }
    for (int i = 0; i < n; i++) {
      try {
        check(bytes[offset + i] & 0xFF);
      } catch (Malformed e) {
        if (i == 0) {
          throw e;
        }
        found = e;
        return i;
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // every byte must be seen to be checked
    long skipped = 0;
    while (skipped < n && read() >= 0) {
      skipped++;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check(int b) throws Malformed {
    if (pending > 0) {
      if (b < low || b > high) {
        throw new Malformed(line, column);
      }
      pending--;
      low = 0x80;
      high = 0xBF;
      return;
    }
    column++;
    if (b < 0x80) {
      if (b == '\n') {
        line++;
        column = 0;
      }
    } else if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending = 2;
      low = b == 0xE0 ? 0xA0 : 0x80;
      high = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending = 3;
      low = b == 0xF0 ? 0x90 : 0x80;
      high = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      throw new Malformed(line, column);
    }
  }

  private void atEnd() throws Malformed {
    if (pending > 0) {
      throw new Malformed(line, column);
    }
  }
}
