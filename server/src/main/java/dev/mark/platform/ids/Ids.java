package dev.mark.platform.ids;

import com.github.f4b6a3.ulid.UlidCreator;
import java.util.regex.Pattern;

/**
 * Opaque, prefixed, time-ordered IDs ({@code ds_01JC3XG8F2SK6Y8S3M7VVQPRTE}): a prefix naming
 * the kind of object and a ULID, so that IDs sort by creation time and pages can be cut by ID.
 */
public final class Ids {

  private static final Pattern ULID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

  private Ids() {}

  /** A new ID with the given prefix, e.g. {@code ds}. Thread-safe. */
  public static String next(String prefix) {
    return prefix + "_" + UlidCreator.getMonotonicUlid();
  }

  /** Whether {@code id} is a well-formed ID with the given prefix. */
  public static boolean isWellFormed(String prefix, String id) {
    return id != null
        && id.length() == prefix.length() + 27
        && id.startsWith(prefix + "_")
        && ULID.matcher(id).region(prefix.length() + 1, id.length()).matches();
  }
}
