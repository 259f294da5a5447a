package dev.mark.sdk.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK's version, written into sdk.properties by the Maven build, for the User-Agent. */
final class SdkVersion {
  static final String VALUE = read();

  private SdkVersion() {}

  private static String read() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("sdk.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
