package dev.mark.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The UTF-8 check of CSV bodies: RFC 3629 exactly, with the place of the first bad byte. */
class StrictUtf8Test {

  static Stream<Arguments> wellFormed() {
    return Stream.of(
        argumentSet("ASCII", "61 0a 62"),
        argumentSet("two bytes (é)", "c3 a9"),
        argumentSet("three bytes (€)", "e2 82 ac"),
        argumentSet("the lowest three-byte form after E0", "e0 a0 80"),
        argumentSet("the last code point before the surrogates", "ed 9f bf"),
        argumentSet("four bytes (😀)", "f0 9f 98 80"),
        argumentSet("U+10FFFF", "f4 8f bf bf"),
        argumentSet("a byte order mark", "ef bb bf 61"));
  }

  @ParameterizedTest
  @MethodSource("wellFormed")
  void wellFormedUtf8PassesThroughUnchanged(String hex) throws IOException {
    byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(hex);

    assertThat(new StrictUtf8(new ByteArrayInputStream(bytes)).readAllBytes()).isEqualTo(bytes);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        argumentSet("a lone continuation byte", "61 80"),
        argumentSet("an overlong two-byte form", "c0 af"),
        argumentSet("an overlong three-byte form", "e0 80 af"),
        argumentSet("an overlong four-byte form", "f0 80 80 af"),
        argumentSet("a surrogate", "ed a0 80"),
        argumentSet("beyond U+10FFFF", "f4 90 80 80"),
        argumentSet("a byte never in UTF-8", "f5 80 80 80"),
        argumentSet("Latin-1 é", "63 61 66 e9 0a"),
        argumentSet("a character cut short by the end", "61 e2 82"),
        argumentSet("a character cut short by another", "e2 82 61"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedUtf8IsRefused(String hex) {
    byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(hex);

    assertThat(catchThrowableOfType(StrictUtf8.Malformed.class,
        () -> new StrictUtf8(new ByteArrayInputStream(bytes)).readAllBytes())).isNotNull();
  }

  @Test
  void theBadByteIsPlacedByLineAndCharacterAndTheBytesBeforeItAreHandedOutFirst() throws IOException {
    byte[] bytes = HexFormat.ofDelimiter(" ").parseHex("61 0a c3 a9 62 ff 63");
    StrictUtf8 in = new StrictUtf8(new ByteArrayInputStream(bytes));
    byte[] buffer = new byte[16];

    assertThat(in.read(buffer, 0, 16)).isEqualTo(5);
    StrictUtf8.Malformed bad = catchThrowableOfType(StrictUtf8.Malformed.class, () -> in.read(buffer, 0, 16));
    assertThat(bad.line()).isEqualTo(2);
    assertThat(bad.column()).isEqualTo(3);
  }
}
