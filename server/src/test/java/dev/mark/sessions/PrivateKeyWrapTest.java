package dev.mark.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mark.platform.config.SigningKeySecret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrivateKeyWrapTest {

  private static final SigningKeySecret SECRET = new SigningKeySecret("a".repeat(16) + "0123456789abcdef");
  private static final SigningKeySecret OTHER = new SigningKeySecret("b".repeat(16) + "0123456789abcdef");
  private static final byte[] PKCS8 = "a stand-in for a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);

  private final PrivateKeyWrap wrap = new PrivateKeyWrap(Optional.of(SECRET));

  @Test
  void aWrappedKeyUnwrapsUnderItsOwnKidAndHoldsNoPlaintext() throws Exception {
    PrivateKeyWrap.Stored stored = wrap.wrap("sk_1", PKCS8);

    assertThat(stored.format()).isEqualTo(PrivateKeyWrap.WRAPPED);
    assertThat(stored.bytes()).hasSize(12 + PKCS8.length + 16);
    assertThat(new String(stored.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("stand-in");
    assertThat(wrap.unwrap("sk_1", stored)).isEqualTo(PKCS8);
  }

  @Test
  void everyWrapHasANonceOfItsOwn() {
    byte[] first = wrap.wrap("sk_1", PKCS8).bytes();
    byte[] second = wrap.wrap("sk_1", PKCS8).bytes();

    assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void aCiphertextDoesNotUnwrapUnderAnotherKidNorAnotherSecretNorAltered() {
    PrivateKeyWrap.Stored stored = wrap.wrap("sk_1", PKCS8);
    byte[] altered = stored.bytes().clone();
    altered[20] ^= 1;

    assertThatThrownBy(() -> wrap.unwrap("sk_2", stored))
        .isInstanceOf(PrivateKeyWrap.UnwrapFailed.class)
        .hasMessageContaining("sk_2").hasMessageContaining("MARK_SIGNING_KEY_SECRET");
    assertThatThrownBy(() -> new PrivateKeyWrap(Optional.of(OTHER)).unwrap("sk_1", stored))
        .isInstanceOf(PrivateKeyWrap.UnwrapFailed.class).hasMessageContaining("MARK_SIGNING_KEY_SECRET");
    assertThatThrownBy(() -> wrap.unwrap("sk_1", new PrivateKeyWrap.Stored(PrivateKeyWrap.WRAPPED, altered)))
        .isInstanceOf(PrivateKeyWrap.UnwrapFailed.class);
    assertThatThrownBy(() -> wrap.unwrap("sk_1",
            new PrivateKeyWrap.Stored(PrivateKeyWrap.WRAPPED, new byte[5])))
        .isInstanceOf(PrivateKeyWrap.UnwrapFailed.class);
  }

  @Test
  void withoutASecretKeysAreStoredPlainAndWrappedOnesCannotBeRead() {
    PrivateKeyWrap none = new PrivateKeyWrap(Optional.empty());

    PrivateKeyWrap.Stored stored = none.wrap("sk_1", PKCS8);
    assertThat(stored.format()).isEqualTo(PrivateKeyWrap.PLAIN);
    assertThat(stored.bytes()).isEqualTo(PKCS8);
    assertThatThrownBy(() -> none.unwrap("sk_1", wrap.wrap("sk_1", PKCS8)))
        .isInstanceOf(PrivateKeyWrap.UnwrapFailed.class)
        .hasMessageContaining("MARK_SIGNING_KEY_SECRET is not set");
  }

  @Test
  void plainKeysAreReadWithASecretToo() throws Exception {
    assertThat(wrap.unwrap("sk_1", new PrivateKeyWrap.Stored(PrivateKeyWrap.PLAIN, PKCS8))).isEqualTo(PKCS8);
  }
}
