package dev.mark.platform.http;

/**
 * A request body as received, after any Content-Encoding is undone.
 *
 * @param mediaType its media type, lower case without parameters; null when there is no body
 * @param bytes its bytes; empty when there is none
 */
public record RawBody(String mediaType, byte[] bytes) {

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public boolean isJson() {
    return "application/json".equals(mediaType);
  }
}
