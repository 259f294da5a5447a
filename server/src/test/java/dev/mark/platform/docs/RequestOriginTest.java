package dev.mark.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestOriginTest {

  @Test
  void aPlainHostWithOrWithoutPortIsTheOriginsHost() {
    assertThat(RequestOrigin.of("http", "localhost:8080", null)).hasValue("http://localhost:8080");
    assertThat(RequestOrigin.of("http", "Docs.Staging.example", null)).hasValue("http://docs.staging.example");
    assertThat(RequestOrigin.of("http", "127.0.0.1:9", null)).hasValue("http://127.0.0.1:9");
    assertThat(RequestOrigin.of("https", "[::1]:8443", null)).hasValue("https://[::1]:8443");
  }

  @Test
  void aHostThatCouldBreakOutOfTheDocumentIsRefused() {
    for (String host : new String[] {"a'b", "a\"b", "a b", "a\\b", "a.example/x", "a.example:80:80",
        "a.example:http", "-a.example", "a..example", "", "[::1", "a.example\n- url: x"}) {
      assertThat(RequestOrigin.of("http", host, null)).as(host).isEmpty();
    }
    assertThat(RequestOrigin.of("http", null, null)).isEmpty();
  }

  @Test
  void theSchemeIsTheForwardedOneOnlyWhenItIsHttpOrHttps() {
    assertThat(RequestOrigin.of("http", "h", "https")).hasValue("https://h");
    assertThat(RequestOrigin.of("http", "h", "HTTPS, http")).hasValue("https://h");
    assertThat(RequestOrigin.of("https", "h", "http")).hasValue("http://h");
    assertThat(RequestOrigin.of("http", "h", "javascript")).hasValue("http://h");
    assertThat(RequestOrigin.of("https", "h", "x'y")).hasValue("https://h");
    assertThat(RequestOrigin.of("weird", "h", null)).isEqualTo(Optional.of("http://h"));
  }
}
